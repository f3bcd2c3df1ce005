"""Problems as CI systems read them: GitHub's workflow commands and GitLab's Code Quality report.

``goaltui check --format github`` prints one workflow command a problem, which GitHub shows on
the pull request's line::

    ::error file=data/x.toml,line=12,col=1,title=goals[id=x].periods.Q3::unknown status "Ok"

with GitHub's escaping: ``%``, carriage returns and line ends in the message, and also ``:``
and ``,`` in the properties. ``--format gitlab`` writes a Code Quality report: a JSON list of
``{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}``. A
fingerprint is a hash of the file's path, the field's path and the kind of message (the
message without the values it quotes and the numbers it counts), and never of the line, so
that an edit above a problem does not make GitLab see it as fixed and found anew.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from goaltui.files.problems import Problem
from goaltui.text import clean, clean_line

#: GitLab's severities for goaltui's.
SEVERITIES = {"error": "major", "warning": "minor"}
_QUOTED = re.compile(r'"[^"]*"|\d+')


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit escapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title), escaped as GitHub's toolkit does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_commands(problems: Iterable[Problem]) -> Iterator[str]:
    """A ``::error`` or ``::warning`` workflow command for each problem."""
    for problem in problems:
        properties = [f"file={escape_property(clean_line(str(problem.path)))}"]
        if problem.line is not None:
            properties += [f"line={problem.line}", f"col={problem.col or 1}"]
        title = problem.field or "goaltui check"
        properties.append(f"title={escape_property(clean_line(title))}")
        message = escape_data(clean(problem.message))
        yield f"::{problem.severity} {','.join(properties)}::{message}"


def code_quality(problems: Iterable[Problem]) -> str:
    """GitLab's Code Quality report of ``problems``, as JSON."""
    seen: Counter[str] = Counter()
    report: list[dict[str, Any]] = []
    for problem in problems:
        path = str(problem.path)
        kind = _QUOTED.sub("…", problem.message)
        identity = "\0".join((path, problem.field or "", problem.severity, kind))
        seen[identity] += 1  # the same kind twice in one field: each keeps a fingerprint
        identity += f"\0{seen[identity]}"
        report.append(
            {
                "description": clean_line(problem.text),
                "check_name": f"goaltui-{problem.severity}",
                "fingerprint": hashlib.sha256(identity.encode("utf-8", "replace")).hexdigest(),
                "severity": SEVERITIES[problem.severity],
                "location": {"path": path, "lines": {"begin": problem.line or 1}},
            }
        )
    return json.dumps(report, ensure_ascii=True, indent=2)
