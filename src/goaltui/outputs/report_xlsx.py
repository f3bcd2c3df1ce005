"""The Excel writer of the reports (openpyxl): a sheet per review, one row per goal.

The rows are :mod:`report_rows`'s; the header row is frozen and repeats on every printed page,
every cell wraps its text, the columns are as wide as their texts ask (within bounds), and a
status cell is filled with a tint of the status's colour and says its label, so that the colour
is never alone. Cells are strings, never formulas. Sheets are named by their files (a title
is too long and may hold characters a sheet name may not), the review's title in the sheet's
header for print.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from goaltui import __version__
from goaltui.outputs.report import Report, ReviewReport
from goaltui.outputs.report_rows import table

_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")
_NARROW, _WIDE = 8, 60  # column widths in characters
_HEAD_FILL = PatternFill("solid", fgColor="E9EDF2")
_EDGE = Side(style="thin", color="B8B8B8")


def report_xlsx(document: Report) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    names: set[str] = set()
    for section in document.sections:
        _sheet(book, section, _name(section, names))
    book.properties.title = document.title
    book.properties.creator = f"goaltui {__version__}"
    book.properties.language = document.language
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _name(section: ReviewReport, taken: set[str]) -> str:
    """A sheet name of at most 31 characters, unique in the book: the file's name."""
    base = section.path.stem if section.path is not None else section.title.text
    base = _SHEET_NAME.sub("_", base).strip() or "review"
    name = base[:31]
    n = 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _sheet(book: Workbook, section: ReviewReport, name: str) -> None:
    sheet = book.create_sheet(name)
    header, rows = table([section])
    wrap = Alignment(wrap_text=True, vertical="top")
    border = Border(left=_EDGE, right=_EDGE, top=_EDGE, bottom=_EDGE)
    widths = [len(text) for text in header]
    for col, text in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=col, value=text)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = wrap
        cell.border = border
    for r, row in enumerate(rows, start=2):
        for col, shown in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=col)
            cell.value = shown.text
            cell.data_type = "s"  # text as it is: never a formula, a number or a date
            cell.alignment = wrap
            cell.border = border
            if shown.status is not None and shown.status.rgb is not None:
                tint = shown.status.tint()
                cell.fill = PatternFill("solid", fgColor="FF" + (tint or "#ffffff")[1:].upper())
            longest = max((len(line) for line in shown.text.splitlines()), default=0)
            widths[col - 1] = max(widths[col - 1], longest)
    for col, width in enumerate(widths, start=1):
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = max(_NARROW, min(_WIDE, width + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.center.text = section.title.marked().replace("&", "&&")
    sheet.oddFooter.right.text = "&P / &N"
