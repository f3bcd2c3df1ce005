"""Widgets of the review screen, one per module: attributes come down from the screen,
messages go up to it. A widget imports no dialog, flow or screen."""
