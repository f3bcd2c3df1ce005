"""What goaltui writes about reviews: one document model per kind of output (the summary,
later reports and diffs), and one writer per format (terminal, Markdown, JSON...).

May import :mod:`goaltui.review`, :mod:`goaltui.files`, :mod:`goaltui.language` and
:mod:`goaltui.text`; never the CLI or the TUI, and never Textual.
"""
