"""What goaltui writes about reviews: document models, and one writer per format.

A *document model* says what an output holds, decided once, whatever its format:
:mod:`summary` (the summary of a review; its attention list is computed there and nowhere
else), :mod:`diff` (what changed between two versions of a review, field by field over the
description of its fields in :mod:`fields`) and :mod:`history` (a file's commits, each with
its diff) and :mod:`report` (the review table and the council's paper of the binding goals not
met). A later kind of output gets a model of its own beside them.

A *writer* lays document models out in one format, one module per format, with one function
per document named ``<document>_<format>``:

    terminal.py     Rich renderables (``goaltui summary`` and the app): summary_rich
    markdown.py     Markdown (CI job summaries, minutes): summary_markdown
    json_format.py  JSON for other tools (docs/summary-json.md): summary_json

The diffs' writers are modules of their own, named by document and format, so that the
summary's stay as they are: ``diff_terminal.py`` (diff_lines, history_lines),
``diff_markdown.py`` and ``diff_json.py``; so are the reports': ``report_html.py`` (its
stylesheet in ``report_style.py``), ``report_markdown.py``, ``report_csv.py`` and
``report_xlsx.py`` (both laying out the rows of ``report_rows.py``), chosen by format in
``report_formats.py``. Two outputs are not documents a person reads:
:mod:`facts` (a review one fact a line, for ``goaltui textconv``) and :mod:`ci` (problems as
GitHub's workflow commands and GitLab's Code Quality report).

A new format is a new writer module here: ``html.py``, ``csv_format.py``, ``xlsx.py``,
``pdf.py`` (``_format`` where the plain name would hide a standard or third-party module).
What several writers share lives once: :mod:`marks` (the glyphs beside words) and
:mod:`styled` (a status in its colour, text fitted to a width, for Rich and the app).

May import :mod:`goaltui.review`, :mod:`goaltui.files`, :mod:`goaltui.language` and
:mod:`goaltui.text`; never the CLI or the TUI, and never Textual.
"""
