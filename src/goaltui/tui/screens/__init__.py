"""Screens of the app: they coordinate widgets, dialogs and flows, and hold no file logic."""
