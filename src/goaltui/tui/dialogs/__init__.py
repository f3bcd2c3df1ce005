"""Modal dialogs, one per module: each asks one thing and answers with ``dismiss``.

A dialog may import widgets, keys and the layers below the TUI; never a flow or a screen,
which push it and take its answer.
"""

from __future__ import annotations

from pathlib import Path, PurePath

#: Every dialog's styles: read when the first dialog is shown (``CSS_PATH`` of a screen), not
#: before the review screen's first frame.
STYLES: list[str | PurePath] = [Path(__file__).resolve().parents[1] / "styles" / "dialogs.tcss"]
