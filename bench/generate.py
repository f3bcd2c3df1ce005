"""Deterministic review files for the benchmarks, in goaltui's canonical layout.

    python bench/generate.py --goals 10000 --files 1 --out bench/out/g10000

The files look like the Helsinki seed (data/kuva-2021.toml): Finnish-like text, six themes in
contiguous groups, the three-step Finnish status scale, Q1 nearly all assessed and Q4 nearly
none, forecasts such as "100 %" and commentary on most assessed entries. The content comes from a
random generator seeded by (seed, goals, file number) alone, so the same arguments give the same
bytes on every run and machine. The text is made by goaltui itself
(``goaltui.files.canonical.render`` of a :class:`goaltui.review.model.Review`), so it is exactly
what a goaltui save would write.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from goaltui.files.canonical import render
from goaltui.review.indicators import Indicator, IndicatorValue
from goaltui.review.model import Goal, PeriodEntry, Review, Status

PERIODS = ("Q1", "Q2", "Q3", "Q4")
#: Share of goals with a status in each period.
ASSESSED = {"Q1": 1.0, "Q2": 0.9, "Q3": 0.4, "Q4": 0.05}

STATUSES = (
    Status("Toteutuu", "green", "●", "Tavoite toteutuu"),
    Status("Toteutuu osittain", "yellow", "◐", "Tavoite toteutuu osittain"),
    Status("Ei toteudu", "red", "○", "Tavoite ei toteudu; poikkeama on perusteltava", True),
)
STATUS_WEIGHTS = (0.7, 0.2, 0.1)

DIVISIONS = (
    "Kulttuurin ja vapaa-ajan toimiala",
    "Kasvatuksen ja koulutuksen toimiala",
    "Kaupunkiympäristön toimiala",
    "Sosiaali- ja terveystoimiala",
    "Kaupunginkanslia",
)

THEMES = (
    "Maailman toimivin kaupunki",
    "Kestävän kasvun turvaaminen on kaupungin keskeisin tehtävä",
    "Uudistuvat palvelut",
    "Vastuullinen talous",
    "Hiilineutraali ja viihtyisä kaupunki",
    "Osallisuus ja yhdenvertaisuus",
)

LINKS = (
    "Asukaskokemus ja asiakastyytyväisyys",
    "Palvelujen saavutettavuus",
    "Osallisuus",
    "Elävät kaupunginosat",
    "Hyvinvoinnin ja terveyden edistäminen",
    "Harrastustoiminta",
    "Kaupungin tilojen käyttö",
    "Strategia nuorten syrjäytymishaasteen ratkaisemiseen",
    "Liikkumisohjelma",
    "Hiilineutraali Helsinki",
    "Digitalisaatio-ohjelma",
    "Yhdenvertaisuus ja syrjimättömyys",
    "Kestävän kehityksen tavoitteet",
    "Ikääntyneiden hyvinvointi",
    "Elinkeinopolitiikka ja matkailu",
    "Kaupunkiuudistusalueet",
)

NOUNS = (
    "kulttuuri",
    "palvelu",
    "toimiala",
    "asukas",
    "kaupunki",
    "kirjasto",
    "liikunta",
    "nuoriso",
    "harrastus",
    "tavoite",
    "toimenpide",
    "kehittäminen",
    "yhteistyö",
    "osallisuus",
    "hyvinvointi",
    "saavutettavuus",
    "asiakaskokemus",
    "kumppanuus",
    "tapahtuma",
    "museo",
    "kaupunginosa",
    "alue",
    "lapset",
    "nuoret",
    "ikäihmiset",
    "tila",
    "suunnitelma",
    "mittari",
    "seuranta",
    "lautakunta",
    "valtuusto",
    "strategia",
    "ympäristö",
    "liikkuminen",
    "digitalisaatio",
    "viestintä",
    "verkosto",
    "avustus",
    "hankinta",
    "työnjako",
    "asiakaspalaute",
    "kävijämäärä",
    "käyttöaste",
    "yhdenvertaisuus",
    "kestävyys",
    "ilmasto",
    "energiankulutus",
    "sisäilma",
    "kunnossapito",
    "vapaaehtoistoiminta",
    "elämäntapa",
    "päätöksenteko",
    "yhteisö",
    "ääni",
    "työllisyys",
    "koulutus",
    "kielitaito",
    "kotoutuminen",
    "tietovaranto",
    "etäpalvelu",
)

ADJECTIVES = (
    "uusi",
    "yhteinen",
    "kestävä",
    "avoin",
    "saavutettava",
    "monipuolinen",
    "paikallinen",
    "kaupunkiyhteinen",
    "digitaalinen",
    "turvallinen",
    "houkutteleva",
    "aktiivinen",
    "yhdenvertainen",
    "sujuva",
    "ennakoiva",
    "kokemusrikas",
    "lähi",
    "pysyvä",
    "hiilineutraali",
    "elävä",
)

VERBS = (
    "parannetaan",
    "lisätään",
    "kehitetään",
    "vahvistetaan",
    "edistetään",
    "toteutetaan",
    "selvitetään",
    "uudistetaan",
    "tuotetaan",
    "otetaan käyttöön",
    "laajennetaan",
    "arvioidaan",
    "seurataan",
    "tuetaan",
    "avataan",
    "mitataan",
    "kootaan",
    "yhtenäistetään",
    "vakiinnutetaan",
    "pilotoidaan",
)

CONNECTORS = (
    "ja",
    "sekä",
    "osana",
    "yhdessä",
    "kautta",
    "avulla",
    "myötä",
    "kanssa",
    "vuoden aikana",
    "ennen valtuustokauden päättymistä",
)

SYLLABLES = (
    "ka",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "mi",
    "na",
    "ne",
    "pa",
    "pi",
    "ra",
    "ri",
    "sa",
    "si",
    "ta",
    "ti",
    "tu",
    "va",
    "vi",
    "hä",
    "kä",
    "lä",
    "mä",
    "pä",
    "sä",
    "tä",
    "vä",
    "kö",
    "lö",
    "tö",
    "yö",
    "hy",
    "ky",
    "ly",
    "sy",
    "ty",
)
ENDINGS = ("nen", "inen", "us", "uus", "ys", "minen", "ssa", "lla", "sta", "ksi", "ja", "ta")

BRACKETS = ("[vaihe 2]", "[pilotti]", "[2021–2022]", "[jatkuu]", "[uusi]", "[vaihe 1]")
FORECASTS = {
    "Toteutuu": ("100 %", "100 %", "100 %", "95 %", "90 %"),
    "Toteutuu osittain": ("80 %", "75 %", "60 %", "50 %"),
    "Ei toteudu": ("40 %", "25 %", "10 %", "0 %"),
}


class Writer:
    """Finnish-like words, phrases and sentences from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def word(self) -> str:
        """A real word most of the time; sometimes a made-up one from Finnish syllables."""
        rng = self.rng
        if rng.random() < 0.15:
            body = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
            return body + rng.choice(ENDINGS)
        return rng.choice(NOUNS)

    def phrase(self, words: int) -> list[str]:
        rng = self.rng
        parts: list[str] = []
        while len(parts) < words:
            if rng.random() < 0.35:
                parts.append(rng.choice(ADJECTIVES))
            parts.append(self.word())
            if len(parts) < words and rng.random() < 0.3:
                parts.append(rng.choice(CONNECTORS))
        return parts

    def sentence(self, low: int = 6, high: int = 16) -> str:
        rng = self.rng
        words = self.phrase(rng.randint(1, 3))
        words.append(rng.choice(VERBS))
        words.extend(self.phrase(max(1, rng.randint(low, high) - len(words))))
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."

    def sentences(self, count: int, *, multiline: float = 0.0) -> str:
        text = ""
        for i in range(count):
            if i:
                text += "\n" if self.rng.random() < multiline else " "
            text += self.sentence()
        return text

    def objective(self) -> str:
        """40 to 110 characters; about one in twenty holds a literal "[...]"."""
        rng = self.rng
        bracket = rng.choice(BRACKETS) if rng.random() < 0.05 else ""
        room = 110 - (len(bracket) + 1 if bracket else 0)
        wanted = rng.randint(40, room)
        words = [*self.phrase(rng.randint(1, 2)), rng.choice(VERBS)]
        while len(" ".join(words)) < wanted:
            words.append(self.word() if rng.random() < 0.8 else rng.choice(CONNECTORS))
        while len(" ".join(words)) > room:
            words.pop()
        while len(" ".join(words)) < 40 - (len(bracket) + 1 if bracket else 0):
            words.append("ja")
        text = " ".join(words)
        text = text[:1].upper() + text[1:]
        if bracket:
            cut = rng.randint(0, len(words))
            text = " ".join([*words[:cut], bracket, *words[cut:]])
            text = text[:1].upper() + text[1:]
        return text


def _slug(text: str) -> str:
    plain = text.lower().translate(str.maketrans({"ä": "a", "ö": "o", "å": "a"}))
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in plain).strip("-")


def _status(rng: random.Random, previous: str | None) -> str:
    if previous is not None and rng.random() < 0.8:
        return previous
    return rng.choices([s.label for s in STATUSES], STATUS_WEIGHTS)[0]


def _entries(rng: random.Random, writer: Writer) -> dict[str, PeriodEntry]:
    entries: dict[str, PeriodEntry] = {}
    previous: str | None = None
    for period in PERIODS:
        # Assessment goes period by period: a goal not assessed in Q2 is not assessed later.
        share = ASSESSED[period] / ASSESSED[PERIODS[max(0, PERIODS.index(period) - 1)]]
        if rng.random() >= share:
            break
        status = _status(rng, previous)
        forecast = rng.choice(FORECASTS[status]) if rng.random() < 0.6 else None
        wants = 0.9 if status == "Ei toteudu" else 0.75
        comment = None
        if rng.random() < wants:
            comment = writer.sentences(rng.randint(1, 3), multiline=0.3)
        entries[period] = PeriodEntry(status=status, forecast=forecast, comment=comment)
        previous = status
    return entries


def _theme_sizes(rng: random.Random, goals: int) -> list[int]:
    """Six contiguous theme groups of uneven size that add up to ``goals``."""
    weights = [rng.uniform(0.5, 2.0) for _ in THEMES]
    total = sum(weights)
    sizes = [int(goals * w / total) for w in weights]
    sizes[0] += goals - sum(sizes)
    return sizes


UNITS = ("%", "kpl", "käyntiä", "€", "päivää")


def _measured(goal: Goal, rng: random.Random, count: int) -> Goal:
    """``goal`` with ``count`` indicators, and their values in each period it is assessed in:
    a forecast on most, an actual on half, about one in four short of its target."""
    indicators = []
    for k in range(count):
        target = rng.choice((100, 85, 60, 1200, 45))
        direction = "at_most" if rng.random() < 0.2 else None
        indicators.append(
            Indicator(
                id=f"mittari-{k + 1}",
                name="Mittari " + str(k + 1) + ": " + rng.choice(NOUNS),
                unit=rng.choice(UNITS),
                target=target,
                direction=direction,
            )
        )
    periods = {}
    for period, entry in (goal.periods or {}).items():
        values = {}
        for indicator in indicators:
            assert indicator.target is not None
            short = rng.random() < 0.25
            sign = -1 if (indicator.direction == "at_most") == short else 1
            reached = indicator.target + sign * rng.randint(0, 10)
            forecast = reached if rng.random() < 0.8 else None
            actual = round(reached * rng.uniform(0.4, 1.0)) if rng.random() < 0.5 else None
            if forecast is not None or actual is not None:
                values[indicator.id] = IndicatorValue(forecast, actual)
        periods[period] = replace(entry, indicators=values or None)
    return replace(goal, indicators=tuple(indicators), periods=periods or None)


def build(goals: int, index: int, seed: int = 0, indicators: int = 0) -> Review:
    """The ``index``-th review of ``goals`` goals; the same arguments give the same review.

    With ``indicators``, each goal has that many, with values in the periods it is assessed
    in, drawn from a generator of their own: the rest of the review is the same as without."""
    rng = random.Random(f"goaltui-bench:{seed}:{goals}:{index}")
    writer = Writer(rng)
    made: list[Goal] = []
    for theme, size in zip(THEMES, _theme_sizes(rng, goals), strict=True):
        for _ in range(size):
            number = len(made) + 1
            objective = writer.objective()
            made.append(
                Goal(
                    id=f"{_slug(rng.choice(NOUNS))}-{number}",
                    objective=objective,
                    theme=theme,
                    description=writer.sentences(rng.randint(1, 3), multiline=0.25),
                    target=writer.sentence(10, 22),
                    measure="Mittari: " + writer.sentence(6, 14).lower(),
                    binding=rng.random() < 1 / 3,
                    links=tuple(rng.sample(LINKS, rng.randint(1, 5))),
                    periods=_entries(rng, writer) or None,
                )
            )
    if indicators:
        measures = random.Random(f"goaltui-bench:{seed}:{goals}:{index}:indicators")
        made = [_measured(goal, measures, indicators) for goal in made]
    division = DIVISIONS[index % len(DIVISIONS)]
    year = 2021 + index // len(DIVISIONS)
    return Review(
        title=f"{division}: strategiset tavoitteet {year}",
        periods=PERIODS,
        statuses=STATUSES,
        goals=made,
        year=year,
        language="fi",
    )


def file_name(goals: int, index: int) -> str:
    return f"review-{goals}g-{index + 1:02d}.toml"


def generate(
    goals: int, files: int, out: Path, seed: int = 0, indicators: int = 0
) -> list[tuple[Path, int]]:
    """Write the files; returns each path with the number of bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, int]] = []
    for index in range(files):
        path = out / file_name(goals, index)
        data = render(build(goals, index, seed, indicators), path).encode("utf-8")
        path.write_bytes(data)
        written.append((path, len(data)))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write deterministic review files.")
    parser.add_argument("--goals", type=int, required=True, help="goals per file")
    parser.add_argument("--files", type=int, default=1, help="number of files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=0, help="another seed, another content")
    parser.add_argument("--indicators", type=int, default=0, help="indicators per goal")
    arguments = parser.parse_args(argv)
    if arguments.goals < 1 or arguments.files < 1:
        parser.error("--goals and --files must be at least 1")
    total = 0
    made = generate(
        arguments.goals, arguments.files, arguments.out, arguments.seed, arguments.indicators
    )
    for path, size in made:
        print(f"{path}\t{size} bytes")
        total += size
    print(f"total\t{total} bytes in {arguments.files} file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
