"""Shared helpers for the goaltui tests: review texts, file writing, running the command.

``BASE`` is a small review in the canonical layout, modelled on the seed report (three goals of
the Culture and Leisure Division, statuses "Toteutuu" / "Toteutuu osittain" / "Ei toteudu").
Validation tests change one thing in it with :func:`edit` and look for the message at the line
of the changed text (:func:`line_of`), so no test hard-codes a line number.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goaltui.review.model import Review

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SEED = DATA / "kuva-2021.toml"

BASE = """\
[review]
title = "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021"
year = 2021
language = "fi"
periods = [
    "Q1",
    "Q2",
    "Q3",
    "Q4",
]
current = "Q3"

[[review.statuses]]
label = "Toteutuu"
color = "green"
symbol = "●"
description = "Tavoite toteutuu"

[[review.statuses]]
label = "Toteutuu osittain"
color = "yellow"
symbol = "◐"
description = "Tavoite toteutuu osittain"

[[review.statuses]]
label = "Ei toteudu"
color = "red"
symbol = "○"
description = "Tavoite ei toteudu; poikkeama on perusteltava"
explain = true

[[goals]]
id = "palvelustrategia"
theme = "Maailman toimivin kaupunki"
objective = "Palveluja parannetaan asiakaskokemuksen perusteella"
binding = false
links = [
    "Osallisuus",
    "Elävät kaupunginosat",
]

[goals.periods.Q1]
status = "Toteutuu"

[goals.periods.Q2]
status = "Toteutuu"

[goals.periods.Q3]
status = "Toteutuu"
forecast = "100 %"
comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."

[[goals]]
id = "harrastaminen"
theme = "Kestävän kasvun turvaaminen on kaupungin keskeisin tehtävä"
objective = "Koko kaupunki on oppimisen ja kansalaistoiminnan paikka"
binding = true

[goals.periods.Q1]
status = "Toteutuu"

[goals.periods.Q2]
status = "Toteutuu osittain"

[goals.periods.Q3]
status = "Toteutuu"
forecast = "100 %"
comment = \"\"\"
Ensimmäinen vaihe loppuu vuoden lopussa.
Palautteet kerätty keväältä.\"\"\"

[[goals]]
id = "liikkeelle"
theme = "Uudistuvat palvelut"
objective = "Helsingissä on helppoa ja houkuttelevaa lähteä liikkeelle"
binding = true

[goals.periods.Q1]
status = "Toteutuu"

[goals.periods.Q2]
status = "Toteutuu"
"""

#: ``BASE`` with Swedish texts (docs/format.md, "Translations"): every text of it is translated,
#: so that ``goaltui check`` has nothing to say until a test takes a translation away.
BILINGUAL = """\
[review]
title = "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021"
year = 2021
language = "fi"
translations = [
    "sv",
]
periods = [
    "Q1",
    "Q2",
    "Q3",
    "Q4",
]
current = "Q3"

[review.sv]
title = "Kultur- och fritidssektorn: strategiska mål 2021"

[[review.statuses]]
label = "Toteutuu"
color = "green"
symbol = "●"
description = "Tavoite toteutuu"

[review.statuses.sv]
label = "Uppfylls"
description = "Målet uppfylls"

[[review.statuses]]
label = "Toteutuu osittain"
color = "yellow"
symbol = "◐"
description = "Tavoite toteutuu osittain"

[review.statuses.sv]
label = "Uppfylls delvis"
description = "Målet uppfylls delvis"

[[review.statuses]]
label = "Ei toteudu"
color = "red"
symbol = "○"
description = "Tavoite ei toteudu; poikkeama on perusteltava"
explain = true

[review.statuses.sv]
label = "Uppfylls inte"
description = "Målet uppfylls inte; avvikelsen ska motiveras"

[[goals]]
id = "palvelustrategia"
theme = "Maailman toimivin kaupunki"
objective = "Palveluja parannetaan asiakaskokemuksen perusteella"
binding = false
links = [
    "Osallisuus",
    "Elävät kaupunginosat",
]

[goals.sv]
theme = "Världens bäst fungerande stad"
objective = "Tjänsterna förbättras utifrån kundupplevelsen"
links = [
    "Delaktighet",
    "Levande stadsdelar",
]

[goals.periods.Q1]
status = "Toteutuu"

[goals.periods.Q2]
status = "Toteutuu"

[goals.periods.Q3]
status = "Toteutuu"
forecast = "100 %"
comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."

[goals.periods.Q3.sv]
forecast = "100 %"
comment = "Servicehelheterna arbetar med beskrivningar av arbetsfördelningen."

[[goals]]
id = "harrastaminen"
theme = "Kestävän kasvun turvaaminen on kaupungin keskeisin tehtävä"
objective = "Koko kaupunki on oppimisen ja kansalaistoiminnan paikka"
binding = true

[goals.sv]
theme = "Att trygga en hållbar tillväxt är stadens viktigaste uppgift"
objective = "Hela staden är en plats för lärande och medborgarverksamhet"

[goals.periods.Q1]
status = "Toteutuu"

[goals.periods.Q2]
status = "Toteutuu osittain"

[goals.periods.Q3]
status = "Toteutuu"
forecast = "100 %"
comment = \"\"\"
Ensimmäinen vaihe loppuu vuoden lopussa.
Palautteet kerätty keväältä.\"\"\"

[goals.periods.Q3.sv]
forecast = "100 %"
comment = \"\"\"
Den första fasen avslutas vid årets slut.
Respons har samlats in under våren.\"\"\"

[[goals]]
id = "liikkeelle"
theme = "Uudistuvat palvelut"
objective = "Helsingissä on helppoa ja houkuttelevaa lähteä liikkeelle"
binding = true

[goals.sv]
theme = "Tjänster som förnyas"
objective = "I Helsingfors är det lätt och lockande att börja röra på sig"

[goals.periods.Q1]
status = "Toteutuu"

[goals.periods.Q2]
status = "Toteutuu"
"""

#: Environment variables that change how Rich and Python write output; tests set them explicitly.
OUTPUT_VARIABLES = (
    "FORCE_COLOR",
    "NO_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "COLORTERM",
    "CLICOLOR_FORCE",
    "PYTHONSTARTUP",
)
#: What chooses goaltui's language (docs/format.md, "Language"), and the pseudo-language's switch.
LANGUAGE_VARIABLES = ("GOALTUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "GOALTUI_PSEUDO")

# Everything a terminal could act on: C0 controls but tab and newline, DEL, C1 controls, and the
# bidirectional embeddings, overrides and isolates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What Rich itself writes when it colours: Select Graphic Rendition sequences.
SGR = re.compile("\x1b\\[[0-9;]*m")
PROBLEM_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): "
)


def edit(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new``."""
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the text, not once"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The line number (from 1) of the ``nth`` line holding ``needle``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} is on {len(hits)} lines, wanted number {nth}"
    return hits[nth - 1]


def col_of(text: str, needle: str, nth: int = 1) -> int:
    """The column (from 1, in characters) where ``needle`` starts on its ``nth`` line."""
    return text.splitlines()[line_of(text, needle, nth) - 1].index(needle) + 1


def write(folder: Path, text: str, name: str = "review.toml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def canonical_text(review: Review) -> str:
    """The canonical text of ``review``, as a save would write it."""
    from goaltui.files.canonical import render

    return render(review, Path("review.toml"))


def write_canonical(review: Review, path: Path) -> str:
    """Write ``review`` to ``path`` in the canonical layout, as ``goaltui fmt`` does."""
    from goaltui.files.atomic import write_atomic
    from goaltui.files.canonical import render

    text = render(review, path)
    write_atomic(path, text.encode("utf-8"))
    return text


def copy_data(folder: Path) -> Path:
    """A copy of the repository's data/ folder inside ``folder``; returns the copy."""
    target = folder / "data"
    shutil.copytree(DATA, target)
    return target


def clean_env(**overrides: str) -> dict[str, str]:
    """The environment without the variables that style output, plus ``overrides``."""
    env = {k: v for k, v in os.environ.items() if k not in OUTPUT_VARIABLES}
    env["PYTHONUTF8"] = "1"
    env["TERM"] = "xterm-256color"
    env.update(overrides)
    return env


def goaltui_script() -> str:
    """The installed ``goaltui`` console script of this interpreter's environment."""
    beside = Path(sys.executable).with_name("goaltui")
    if beside.exists():
        return str(beside)
    found = shutil.which("goaltui")
    assert found, "the goaltui console script is not installed"
    return found


def cli(capsys: object, *argv: str | os.PathLike[str]) -> tuple[int, str, str]:
    """``goaltui.cli.main`` in this process: exit code, stdout, stderr (pytest's ``capsys``)."""
    from goaltui.cli import main

    try:
        code = main([str(a) for a in argv])
    except SystemExit as exit_:  # argparse's usage errors, --help
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()  # type: ignore[attr-defined]
    return code, out, err


def run(
    *args: str | os.PathLike[str],
    cwd: Path,
    script: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run goaltui (``python -m goaltui``, or the console script) in ``cwd``, output piped."""
    command = [goaltui_script()] if script else [sys.executable, "-m", "goaltui"]
    return subprocess.run(
        [*command, *map(str, args)],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        timeout=60,
        check=False,
    )


def shell(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``command`` in sh, with $GOALTUI the installed script."""
    return subprocess.run(
        ["sh", "-c", command],
        cwd=cwd,
        env=clean_env(GOALTUI=goaltui_script(), **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


#: The user that runs what must not run as root (``nobody`` on Debian and most others).
NOBODY = 65534


def as_nobody() -> list[str]:
    """The command prefix that runs a command as ``nobody``: root's permissions hide what an
    ordinary user meets. Skips the test where this process cannot switch users."""
    import pytest

    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("running a command as another user needs root and setpriv")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
