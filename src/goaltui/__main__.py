"""``python -m goaltui``: the same as the ``goaltui`` command."""

import sys

from goaltui.cli import main

sys.exit(main())
