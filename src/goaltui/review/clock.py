"""The day it is: the one clock every due date is compared with, so that a test can fix it."""

from __future__ import annotations

import datetime


def today() -> datetime.date:
    return datetime.date.today()
