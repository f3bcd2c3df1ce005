"""Review files on disk: finding, reading, locating and validating them, the canonical
writer, atomic replacement, the recovery journal and the open document a session edits.

A rule of the file format goes in :mod:`validate` (an error or warning while reading, at
the key path it concerns); a warning about a valid file that ``goaltui check`` gives goes in
:mod:`checks`.

May import :mod:`goaltui.review`, :mod:`goaltui.language` and :mod:`goaltui.text`; never
outputs, the CLI or the TUI, and never Textual.
"""
