"""Review files for the report tests: a year whose Q4 has binding goals not met, and text that
must come out literally in every format."""

from __future__ import annotations

HOSTILE = "[red]x[/red] <script>alert(1)</script> & \"quoted\" 'single'"

#: Q4: "sitova" is a binding goal "Ei toteudu" with an explanation (the one goal of --unmet),
#: "osittain" binding and "Toteutuu osittain" without one (flagged), "vapaa" not binding and
#: "Ei toteudu", "hyva" binding and met, "ennen" binding and not met in Q3 only.
YEAR = """\
[review]
title = "Toimiala: tavoitteet 2021"
year = 2021
language = "fi"
translations = ["sv"]
periods = ["Q1", "Q2", "Q3", "Q4"]

[review.sv]
title = "Sektorn: mål 2021"

[[review.statuses]]
label = "Toteutuu"
color = "green"
symbol = "●"

[review.statuses.sv]
label = "Uppfylls"

[[review.statuses]]
label = "Toteutuu osittain"
color = "yellow"
symbol = "◐"

[review.statuses.sv]
label = "Uppfylls delvis"

[[review.statuses]]
label = "Ei toteudu"
color = "red"
symbol = "○"
explain = true

[review.statuses.sv]
label = "Uppfylls inte"

[[goals]]
id = "sitova"
theme = "Kasvu"
objective = "Sitova tavoite, joka ei toteudu"
target = "Sata kohdetta"
binding = true

[goals.sv]
theme = "Tillväxt"
objective = "Bindande mål som inte uppnås"

[goals.periods.Q3]
status = "Toteutuu osittain"
comment = "Viivästyy."

[goals.periods.Q4]
status = "Ei toteudu"
forecast = "60 %"
comment = "Hankinta viivästyi; HOSTILE"

[[goals]]
id = "osittain"
theme = "Kasvu"
objective = "Osittain toteutuva"
binding = true

[goals.periods.Q4]
status = "Toteutuu osittain"

[[goals]]
id = "vapaa"
objective = "Ei sitova"
binding = false

[goals.periods.Q4]
status = "Ei toteudu"
comment = "Ei sitova, ei paperiin."

[[goals]]
id = "hyva"
objective = "Toteutuva"
binding = true

[goals.periods.Q4]
status = "Toteutuu"

[[goals]]
id = "ennen"
objective = "Q3:lla ei toteutunut"
binding = true

[goals.periods.Q3]
status = "Ei toteudu"
comment = "Q3:n selitys."

[goals.periods.Q4]
status = "Toteutuu"
""".replace("HOSTILE", HOSTILE.replace("\\", "\\\\").replace('"', '\\"'))

#: Q4 with the one unmet binding goal explained: the paper holds exactly "sitova".
_PARTLY = '[goals.periods.Q4]\nstatus = "Toteutuu osittain"\n'
EXPLAINED = YEAR.replace(_PARTLY, '[goals.periods.Q4]\nstatus = "Toteutuu"\n')
assert EXPLAINED != YEAR
