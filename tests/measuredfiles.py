"""A review with every part of the measures extensions, for the tests of them.

``MEASURED`` is ``BASE`` (tests/reviewfiles.py) with due dates, a "cannot be assessed" status,
meanings, actions asked for by "Toteutuu osittain", and two indicators on harrastaminen with
values in Q3: ``toimenpiteet`` (at least 85) at 80 while the goal is "Toteutuu", and
``kustannus`` (at most 120 000) at 110 000. Canonical layout.
"""

from __future__ import annotations

from reviewfiles import BASE, edit

DUE = """
[review.due]
Q1 = 2021-04-10
Q2 = 2021-08-09
Q3 = 2021-10-23
Q4 = 2022-01-31
"""

INDICATORS = """
[[goals.indicators]]
id = "toimenpiteet"
name = "Projektissa määritellyt toimenpiteet on tehty"
unit = "%"
target = 85

[[goals.indicators]]
id = "kustannus"
name = "Kustannukset"
unit = "€"
target = 120000
direction = "at_most"
"""

HARRASTAMINEN_Q3 = """[goals.periods.Q3]
status = "Toteutuu"
forecast = "100 %"
comment = \"\"\"
Ensimmäinen vaihe loppuu vuoden lopussa.
Palautteet kerätty keväältä.\"\"\"
"""


def _measured() -> str:
    text = edit(BASE, 'current = "Q3"\n', 'current = "Q3"\n' + DUE)
    text = edit(
        text,
        'description = "Tavoite toteutuu osittain"\n',
        'description = "Tavoite toteutuu osittain"\nactions = true\n',
    )
    text = edit(
        text,
        "explain = true\n",
        'explain = true\nmeaning = "not_met"\n\n[[review.statuses]]\nlabel = "Ei voida arvioida"\n'
        'meaning = "not_assessable"\n',
    )
    text = edit(
        text,
        'binding = true\n\n[goals.periods.Q1]\nstatus = "Toteutuu"\n\n[goals.periods.Q2]\n'
        'status = "Toteutuu osittain"\n',
        "binding = true\n" + INDICATORS + '\n[goals.periods.Q1]\nstatus = "Toteutuu"\n\n'
        '[goals.periods.Q2]\nstatus = "Toteutuu osittain"\nactions = [\n'
        '    "Kohdennettu viestintä kouluille syyskuussa",\n]\n',
    )
    return edit(
        text,
        HARRASTAMINEN_Q3,
        HARRASTAMINEN_Q3 + "\n[goals.periods.Q3.indicators.toimenpiteet]\nforecast = 80\n"
        "actual = 60\n\n[goals.periods.Q3.indicators.kustannus]\nforecast = 110000\n",
    )


MEASURED = _measured()
