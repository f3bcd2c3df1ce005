"""The HTML writer of the reports: one self-contained file for print and the web.

Styles are inline (one ``<style>`` element); there is no script and nothing is fetched from
anywhere, so the file reads the same offline, in a mail, in an archive. Every text from a file
passes through :func:`html.escape`. Tables are semantic (a caption, ``th`` with ``scope``);
printed on A4 (the review table across the page, the council's paper upright), table headers
repeat on each page, no goal is split across pages, and pages are numbered. On a narrow screen
or at 200 % zoom, each goal's cells stack under their headings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from goaltui import __version__
from goaltui.outputs.marks import BINDING_MARK, UNEXPLAINED_MARK, untranslated_mark
from goaltui.outputs.report import Report, ReviewReport
from goaltui.outputs.report_goals import GoalShown, PeriodShown, Shown, StatusShown
from goaltui.outputs.report_style import STYLE
from goaltui.outputs.report_words import binding_word, column


def e(text: str) -> str:
    """Text made safe in HTML, in content and in attributes alike."""
    return escape(text, quote=True)


def report_html(document: Report) -> str:
    """The whole document: ``<!DOCTYPE html>`` to ``</html>``."""
    w = document.words
    orientation = "landscape" if document.kind == "table" else "portrait"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(document.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="goaltui {e(__version__)}">',
        f"<title>{e(document.title)}</title>",
        f"<style>{STYLE.replace('@ORIENTATION@', orientation)}{_status_styles(document)}</style>",
        "</head>",
        f'<body class="{document.kind}">',
        "<main>",
    ]
    several = len(document.sections) > 1
    if several or document.kind == "unmet":
        parts.append(f'<h1 class="document">{e(document.title)}</h1>')
    for section in document.sections:
        parts.append(_section(document, section, several))
    parts.append(
        '<footer class="made">'
        + e(w._("Made with goaltui {version}").format(version=__version__))
        + "</footer>"
    )
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _status_styles(document: Report) -> str:
    """A class per status colour: its tint behind the cell, the colour itself as its edge."""
    rules = {}
    for section in document.sections:
        for status in section.statuses:
            if status.rgb is not None:
                name = _status_class(status)
                rules[name] = (
                    f".{name}{{background:{status.tint()};border-left:0.3em solid {status.hex}}}"
                )
    return "".join(rules.values())


def _status_class(status: StatusShown) -> str:
    return f"st-{status.hex[1:]}" if status.hex else "st-none"


def _section(document: Report, section: ReviewReport, several: bool) -> str:
    w = section.words
    heading = "h2" if several or document.kind == "unmet" else "h1"
    out = [f'<section lang="{e(section.language)}">', '<header class="heading">']
    title = _text(section.title, inline=True)
    out.append(f"<{heading}>{title}</{heading}>")
    facts = section.facts(document.made)
    if section.path is not None:
        facts.append(w._("file {path}").format(path=str(section.path)))
    out.append('<p class="facts">' + " · ".join(e(fact) for fact in facts) + "</p>")
    out.append('<dl class="counts">')
    for word, number in section.count_facts():
        out.append(f"<div><dt>{e(word)}</dt><dd>{e(number)}</dd></div>")
    out.append("</dl>")
    out.append(_legend(section))
    out.append("</header>")
    if document.kind == "unmet":
        out.append(_paper(section))
    else:
        out.append(_table(section))
    out.append("</section>")
    return "\n".join(out)


def _legend(section: ReviewReport) -> str:
    items = [f"{_status(status)}" for status in section.statuses]
    items.append(
        f'<span class="mark" aria-hidden="true">·</span> {e(section.word("not assessed"))}'
    )
    items.append(f'<span class="mark">{BINDING_MARK}</span> {e(section.word("binding"))}')
    if section.untranslated:
        mark = e(untranslated_mark(section.main_language))
        items.append(
            f'<span class="untranslated">{mark}</span> {e(section.word("no translation"))}'
        )
    spans = "".join(f'<li class="key">{item}</li>' for item in items)
    return f'<ul class="legend" aria-label="{e(section.word("legend"))}">{spans}</ul>'


# -- the review table -------------------------------------------------------------------------


def _table(section: ReviewReport) -> str:
    w = section.words
    period = section.period
    heads: list[tuple[str, str]] = [
        ("objective", column(w, "objective")),
        ("description", column(w, "description")),
        ("target", column(w, "target")),
        ("measure", column(w, "measure")),
        ("binding", column(w, "binding")),
    ]
    heads += [("period" + (" chosen" if p == period else ""), p) for p in section.periods]
    heads += [
        ("comment", column(w, "comment", period)),
        ("forecast", column(w, "forecast", period)),
    ]
    if section.has_indicators:
        heads.append(("indicators", column(w, "indicators", period)))
    if section.has_actions:
        heads.append(("actions", column(w, "actions", period)))
    if section.has_links:
        heads.append(("links", column(w, "links")))
    caption = w._("Goals and their statuses by period; comment and forecast of {period}")
    out = [
        "<table>",
        f"<caption>{e(caption.format(period=period))}</caption>",
        _colgroup([_WEIGHTS.get(kind.split()[0]) for kind, _ in heads]),
        "<thead><tr>"
        + "".join(f'<th scope="col" class="{e(c)}">{e(h)}</th>' for c, h in heads)
        + "</tr></thead>",
    ]
    labels = [h for _, h in heads]
    for group in section.themes:
        out.append("<tbody>")
        if group.theme:
            theme = column(w, "theme")
            out.append(
                f'<tr class="theme"><th scope="rowgroup" colspan="{len(heads)}">'
                f'<span class="what">{e(theme)}:</span> {_text(group.theme, inline=True)}'
                "</th></tr>"
            )
        for goal in group.goals:
            out.append(_goal_row(section, goal, labels))
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


#: Each column's share of the review table's width, in percent; the comment's column takes
#: what is left (with four periods, about a fifth), and the cells' padding comes on top.
_WEIGHTS: dict[str, float] = {
    "objective": 12,
    "description": 14,
    "target": 10,
    "measure": 10,
    "binding": 5,
    "period": 6,
    "forecast": 5.5,
    "indicators": 11,
    "actions": 10,
    "links": 10,
}
_SHARED = 84  # percent at most for the columns with a share: the rest is the comment's


def _colgroup(weights: Sequence[float | None]) -> str:
    total = sum(weight for weight in weights if weight is not None)
    scale = min(1.0, _SHARED / total)
    cols = "".join(
        "<col>" if weight is None else f'<col style="width:{weight * scale:.1f}%">'
        for weight in weights
    )
    return f"<colgroup>{cols}</colgroup>"


def _goal_row(section: ReviewReport, goal: GoalShown, labels: list[str]) -> str:
    names = iter(labels)
    cells = [
        f'<th scope="row" data-label="{e(next(names))}">{_objective(goal)}</th>',
        _cell(next(names), _text(goal.description)),
        _cell(next(names), _text(goal.target)),
        _cell(next(names), _text(goal.measure)),
        _cell(next(names), _binding(section, goal), "binding"),
    ]
    for entry in goal.periods:
        chosen = " chosen" if entry.period == section.period else ""
        cells.append(_status_cell(section, entry, next(names), chosen))
    cells.append(_cell(next(names), _comment(section, goal.chosen)))
    cells.append(_cell(next(names), _text(goal.chosen.forecast), "forecast"))
    if section.has_indicators:
        cells.append(_cell(next(names), _indicators(section, goal)))
    if section.has_actions:
        cells.append(_cell(next(names), _actions(goal.chosen)))
    if section.has_links:
        cells.append(_cell(next(names), _list(goal.links)))
    return f'<tr class="goal" id="goal-{e(goal.id)}">' + "".join(cells) + "</tr>"


def _objective(goal: GoalShown) -> str:
    binding = f'<span class="mark binding">{BINDING_MARK}</span> ' if goal.binding else ""
    return f'{binding}{_text(goal.objective, inline=True)} <span class="id">{e(goal.id)}</span>'


def _binding(section: ReviewReport, goal: GoalShown) -> str:
    word = e(binding_word(section.words, goal.binding))
    return f'<span class="mark">{BINDING_MARK}</span> {word}' if goal.binding else word


def _status_cell(section: ReviewReport, entry: PeriodShown, label: str, extra: str) -> str:
    status = entry.status
    inner = _status(status) if status.assessed else _not_assessed(section)
    if entry.unexplained:
        inner += _flag(section.word("needs a comment"))
    classes = f"status {_status_class(status)}{extra}"
    return _cell(label, inner, classes)


def _status(status: StatusShown) -> str:
    return f'<span class="mark" aria-hidden="true">{e(status.mark)}</span> ' + _text(
        status.name, inline=True
    )


def _not_assessed(section: ReviewReport) -> str:
    word = e(section.word("not assessed"))
    return f'<span class="mark" aria-hidden="true">·</span> <span class="none">{word}</span>'


def _comment(section: ReviewReport, entry: PeriodShown) -> str:
    text = _text(entry.comment)
    if entry.unexplained:
        text += _flag(section.word("needs a comment"))
    return text


def _flag(word: str) -> str:
    return f' <strong class="flag"><span class="mark">{UNEXPLAINED_MARK}</span> {e(word)}</strong>'


def _indicators(section: ReviewReport, goal: GoalShown) -> str:
    """Each indicator: its name, and target, forecast and actual, met or not."""
    items = []
    for indicator in goal.indicators:
        facts = [
            (section.word("target"), indicator.target),
            (section.word("forecast"), indicator.forecast),
            (section.word("actual"), indicator.actual),
        ]
        numbers = "".join(
            f"<div><dt>{e(word)}</dt><dd>{e(value)}</dd></div>" for word, value in facts if value
        )
        if indicator.met is None:
            met = ""
        elif indicator.met:
            met = f'<p class="ind-met">✓ {e(section.word("met"))}</p>'
        else:
            met = f'<p class="ind-unmet">✗ {e(section.word("not met"))}</p>'
        name = _text(indicator.name, inline=True)
        items.append(f'<li><p>{name}</p><dl class="numbers">{numbers}</dl>{met}</li>')
    return f'<ul class="indicators">{"".join(items)}</ul>' if items else ""


def _actions(entry: PeriodShown) -> str:
    return _list(entry.actions)


def _list(texts: Iterable[Shown]) -> str:
    items = "".join(f"<li>{_text(text, inline=True)}</li>" for text in texts if text)
    return f"<ul>{items}</ul>" if items else ""


def _cell(label: str, inner: str, classes: str = "") -> str:
    kind = f' class="{e(classes)}"' if classes else ""
    return f'<td{kind} data-label="{e(label)}">{inner}</td>'


def _text(shown: Shown, inline: bool = False) -> str:
    """A review's text, escaped: its lines as paragraphs (or as one run of text), after its
    language's mark where it is untranslated, and in that language for readers and print."""
    if not shown:
        return ""
    lines = [line for line in shown.text.splitlines() if line.strip()]
    if inline:
        body = "<br>".join(e(line) for line in lines)
    else:
        body = "".join(f"<p>{e(line)}</p>" for line in lines)
    if not shown.untranslated:
        return body
    mark = f'<span class="untranslated">{e(shown.mark)}</span> '
    tag = "span" if inline else "div"
    return f'{mark}<{tag} lang="{e(shown.untranslated)}">{body}</{tag}>'


# -- the council's paper ----------------------------------------------------------------------


def _paper(section: ReviewReport) -> str:
    w = section.words
    goals = section.shown_goals
    if not goals:
        none = w._("No binding goal is unmet in {period}.").format(period=section.period)
        return f'<p class="none-unmet">{e(none)}</p>'
    heads = [column(w, "objective"), column(w, "target")]
    if section.has_indicators:
        heads.append(column(w, "indicators"))
    heads += [
        column(w, "status", section.period),
        column(w, "explanation"),
        column(w, "actions"),
    ]
    caption = w.ngettext(
        "{n} binding goal not met in {period}", "{n} binding goals not met in {period}", len(goals)
    ).format(n=w.integer(len(goals)), period=section.period)
    # The explanation takes what is left: about a third of the page, a quarter with indicators.
    widths: list[float | None] = [20, 15, *([15] if section.has_indicators else []), 11, None, 15]
    out = [
        '<table class="paper">',
        f"<caption>{e(caption)}</caption>",
        _colgroup(widths),
        "<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in heads) + "</tr></thead>",
        "<tbody>",
    ]
    for goal in goals:
        names = iter(heads)
        theme = f'<p class="theme">{_text(goal.theme, inline=True)}</p>' if goal.theme else ""
        cells = [
            f'<th scope="row" data-label="{e(next(names))}">{theme}{_objective(goal)}</th>',
            _cell(next(names), _text(goal.target) + _measure(section, goal)),
        ]
        if section.has_indicators:
            cells.append(_cell(next(names), _indicators(section, goal)))
        status = goal.chosen.status
        shown = _status(status)
        if goal.short_of_indicators:
            shown += _flag(section.word("short of indicators"))
        cells.append(_cell(next(names), shown, f"status {_status_class(status)}"))
        if goal.unexplained:
            explanation = _flag(section.word("no explanation")).strip()
        else:
            explanation = _text(goal.chosen.comment)
        cells.append(_cell(next(names), explanation, "explanation"))
        cells.append(_cell(next(names), _actions(goal.chosen)))
        flagged = " unexplained" if goal.unexplained else ""
        out.append(f'<tr class="goal{flagged}" id="goal-{e(goal.id)}">' + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _measure(section: ReviewReport, goal: GoalShown) -> str:
    if not goal.measure:
        return ""
    word = e(column(section.words, "measure"))
    return f'<div class="measure"><p class="what">{word}</p>{_text(goal.measure)}</div>'
