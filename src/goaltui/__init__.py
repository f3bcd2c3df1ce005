"""goaltui: quarterly reviews of strategic goals, as a terminal app and a TOML file in git."""

__version__ = "0.1.0"
