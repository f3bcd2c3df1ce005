"""The TOML parser: the standard library's tomllib, or its compiled upstream when installed.

tomllib is tomli, vendored into Python (PEP 680). The tomli wheels on PyPI are the same parser
compiled with mypyc, about 2.5 times faster, which is what keeps a 10,000-goal review quick to
open and to save. Both raise the same errors with the same messages.
"""

from __future__ import annotations

try:
    from tomli import TOMLDecodeError, loads
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib is the same parser
    # The same parser under its standard-library name: mypy sees two distinct classes.
    from tomllib import TOMLDecodeError, loads  # type: ignore[assignment]

__all__ = ["TOMLDecodeError", "loads"]
