"""summary, check, fmt and report never import Textual, so they start fast in CI."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from reviewfiles import BASE, clean_env, copy_data, edit, write

PROBE = textwrap.dedent(
    """
    import contextlib, io, json, sys

    def textual_modules():
        return sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))

    found = {}
    import goaltui.cli, goaltui.review.model, goaltui.review.session
    import goaltui.files.loading, goaltui.files.canonical
    import goaltui.outputs.summary, goaltui.outputs.terminal, goaltui.outputs.markdown
    import goaltui.outputs.json_format
    found["imports"] = textual_modules()

    from goaltui.cli import main
    codes = {}
    for argv in json.loads(sys.argv[1]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            codes[" ".join(argv)] = main(argv)
        found[" ".join(argv)] = textual_modules()

    import textual  # the probe itself must be able to see Textual once it is loaded
    found["control"] = textual_modules()[:1]
    print(json.dumps({"found": found, "codes": codes}))
    """
)


def test_summary_check_and_fmt_never_import_textual(tmp_path):
    data = copy_data(tmp_path)
    messy = write(tmp_path, edit(BASE, "year = 2021", "year   = 2021"), "messy.toml")
    invalid = write(tmp_path, edit(BASE, "year = 2021", "year = true"), "invalid.toml")
    runs = [
        ["summary", str(data)],
        ["summary", "--format", "markdown", str(data)],
        ["summary", "--format", "json", str(data)],
        ["summary", str(invalid)],
        ["check", str(data), str(invalid)],
        ["fmt", "--check", str(data), str(messy)],
        ["fmt", str(messy)],
        ["report", str(data), "-o", str(tmp_path / "r.html")],
        ["report", "--unmet", "--format", "xlsx", str(data), "-o", str(tmp_path / "r.xlsx")],
    ]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(runs)],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    found = report["found"]
    assert found.pop("control") == ["textual"]
    assert found == {key: [] for key in found}
    assert len(found) == 1 + len(runs)
    assert report["codes"] == {
        f"summary {data}": 0,
        f"summary --format markdown {data}": 0,
        f"summary --format json {data}": 0,
        f"summary {invalid}": 1,
        f"check {data} {invalid}": 1,
        f"fmt --check {data} {messy}": 1,
        f"fmt {messy}": 0,
        f"report {data} -o {tmp_path / 'r.html'}": 0,
        f"report --unmet --format xlsx {data} -o {tmp_path / 'r.xlsx'}": 0,
    }
    assert messy.read_text(encoding="utf-8") == BASE
