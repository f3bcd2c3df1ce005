"""What goaltui writes about reviews: document models, and one writer per format.

A *document model* says what an output holds, decided once, whatever its format:
:mod:`summary` (the summary of a review; its attention list is computed there and nowhere
else). A later kind of output gets a model of its own beside it: ``report.py`` for reports,
``diff.py`` for diffs.

A *writer* lays document models out in one format, one module per format, with one function
per document named ``<document>_<format>``:

    terminal.py     Rich renderables (``goaltui summary`` and the app): summary_rich
    markdown.py     Markdown (CI job summaries, minutes): summary_markdown
    json_format.py  JSON for other tools (docs/summary-json.md): summary_json

A new format is a new writer module here: ``html.py``, ``csv_format.py``, ``xlsx.py``,
``pdf.py`` (``_format`` where the plain name would hide a standard or third-party module).
What several writers share lives once: :mod:`marks` (the glyphs beside words) and
:mod:`styled` (a status in its colour, text fitted to a width, for Rich and the app).

May import :mod:`goaltui.review`, :mod:`goaltui.files`, :mod:`goaltui.language` and
:mod:`goaltui.text`; never the CLI or the TUI, and never Textual.
"""
