"""Modal dialogs, one per module: each asks one thing and answers with ``dismiss``.

A dialog may import widgets, keys and the layers below the TUI; never a flow or a screen,
which push it and take its answer.
"""
