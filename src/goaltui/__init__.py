"""goaltui: quarterly reviews of strategic goals, as a terminal app and a TOML file in git."""

__version__ = "0.1.0"

from goaltui import compiled_methods

compiled_methods.install()  # first: Rich's, Textual's and goaltui's dataclasses all follow
