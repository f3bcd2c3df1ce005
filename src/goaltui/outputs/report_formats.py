"""A report in the format asked for, as the bytes of its file: one place for the command line
and the app to choose the writer, and to name the file a report is written to by default."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from goaltui.outputs.report import Report, ReportKind

Format = Literal["html", "markdown", "csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("html", "markdown", "csv", "xlsx")
EXTENSIONS: dict[Format, str] = {"html": "html", "markdown": "md", "csv": "csv", "xlsx": "xlsx"}
_UNSAFE = re.compile(r"[^\w.-]+")


def render(document: Report, format: Format, delimiter: str | None = None) -> bytes:
    """The report as the file of ``format`` holds it (text as UTF-8)."""
    if format == "xlsx":
        from goaltui.outputs.report_xlsx import report_xlsx

        return report_xlsx(document)
    if format == "csv":
        from goaltui.outputs.report_csv import report_csv

        return report_csv(document, delimiter).encode("utf-8")
    if format == "markdown":
        from goaltui.outputs.report_markdown import report_markdown

        return report_markdown(document).encode("utf-8")
    from goaltui.outputs.report_html import report_html

    return report_html(document).encode("utf-8")


def default_path(review_file: Path, period: str, kind: ReportKind, format: Format) -> Path:
    """Beside the review file, named from it and the period: ``kuva-2021-Q3.html``, and
    ``kuva-2021-Q3-unmet.html`` for the council's paper ("Ennuste 3" is ``Ennuste-3``)."""
    period_part = _UNSAFE.sub("-", period).strip("-.") or "period"
    unmet = "-unmet" if kind == "unmet" else ""
    return review_file.with_name(f"{review_file.stem}-{period_part}{unmet}.{EXTENSIONS[format]}")
