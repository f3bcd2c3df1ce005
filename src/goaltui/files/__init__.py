"""Review files on disk: finding, reading, locating and validating them, the canonical
writer, atomic replacement, the recovery journal and the open document a session edits.

May import :mod:`goaltui.review`, :mod:`goaltui.language` and :mod:`goaltui.text`; never
outputs, the CLI or the TUI, and never Textual.
"""
