"""The CSV writer of the reports: one row per goal (:mod:`report_rows`), for spreadsheets.

UTF-8 with a byte-order mark, so that Excel reads the letters right; the separator is ";" for
Finnish and Swedish (Excel in those locales expects it, their decimal separator being the
comma) and "," for English, unless one is asked for. Cells are text as shown, never formulas:
a cell that a spreadsheet would take for one (starting with =, +, @, or - before anything but a
digit or a space: "-5 %" and "- a list" stay as they are) gets an apostrophe before it.
"""

from __future__ import annotations

import csv
import io
import re

from goaltui.outputs.report import Report
from goaltui.outputs.report_rows import table

BOM = "\ufeff"
#: The separator each language's spreadsheets expect.
DELIMITERS = {"fi": ";", "sv": ";", "en": ","}
_FORMULA = re.compile(r"[=+@\t\r]|-[^\d\s]")


def delimiter_for(language: str) -> str:
    return DELIMITERS.get(language, ",")


def report_csv(document: Report, delimiter: str | None = None) -> str:
    """The report as CSV text, starting with the byte-order mark."""
    header, rows = table(document.sections)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter or delimiter_for(document.language))
    writer.writerow(header)
    for row in rows:
        writer.writerow(safe(cell.text) for cell in row)
    return BOM + out.getvalue()


def safe(text: str) -> str:
    """A cell's text that no spreadsheet runs as a formula."""
    return "'" + text if _FORMULA.match(text) else text
