"""Widgets of the review screen, one per module."""
