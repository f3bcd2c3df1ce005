"""Opening the app turns the garbage collector off while Textual is imported and the files
are read (their objects live as long as the app), and on again whatever happens next."""

from __future__ import annotations

import gc
import io
import sys

from reviewfiles import BASE, edit, write

from goaltui import cli


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_collector_is_on_again_after_a_file_that_cannot_be_opened(tmp_path, monkeypatch):
    invalid = write(tmp_path, edit(BASE, "year = 2021", "year = true"))
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert gc.isenabled()
    assert cli.main([str(invalid)]) == 1  # told why, in the terminal
    assert "year" in sys.stderr.getvalue()
    assert gc.isenabled()


def test_the_collector_is_off_while_the_files_are_read(tmp_path, monkeypatch):
    path = write(tmp_path, BASE)
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stderr", Terminal())
    seen: list[bool] = []

    def opened(*_args: object, **_options: object) -> object:
        seen.append(gc.isenabled())
        raise KeyboardInterrupt  # stop before the app starts

    monkeypatch.setattr("goaltui.tui.Document.open", opened)
    cli.main([str(path)])  # the interrupt is reported, as ctrl+c's would be
    assert seen == [False]
    assert gc.isenabled()
