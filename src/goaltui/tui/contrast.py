"""Contrast as WCAG 2.1 measures it, and status colours made readable on a background.

A status's colour comes from the review file, a theme's backgrounds from goaltui: the colour
is shown in the shade of its hue that keeps :data:`MINIMUM` against every background it is
drawn on (https://www.w3.org/TR/WCAG21/#contrast-minimum), so the meeting can read it on a
projector as well as on a monitor. The symbol and the label still say the status.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable, Mapping

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual.color import Color as TextualColor
from textual.filter import LineFilter

RGB = tuple[int, int, int]

MINIMUM = 4.5  # WCAG 2.1 AA for text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """The relative luminance of a colour, 0 (black) to 1 (white)."""
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: RGB, backgrounds: Iterable[RGB], minimum: float = MINIMUM) -> RGB:
    """``colour``, or the nearest shade of its hue with ``minimum`` contrast on every one of
    ``backgrounds`` (lighter on dark backgrounds, darker on light ones)."""
    grounds = list(backgrounds)
    if not grounds or all(contrast(colour, g) >= minimum for g in grounds):
        return colour
    dark = sum(luminance(g) for g in grounds) / len(grounds) < 0.18
    hue, lightness, saturation = colorsys.rgb_to_hls(*(v / 255 for v in colour))
    best = (255, 255, 255) if dark else (0, 0, 0)
    for step in range(1, 101):
        shade = lightness + (1 - lightness) * step / 100 if dark else lightness * (1 - step / 100)
        r, g, b = colorsys.hls_to_rgb(hue, shade, saturation)
        candidate = (round(r * 255), round(g * 255), round(b * 255))
        if all(contrast(candidate, g) >= minimum for g in grounds):
            return candidate
    return best


def rgb(colour: Color) -> RGB:
    """A Rich colour as red, green and blue (a terminal's named colour as Rich's default
    theme shows it)."""
    triplet = colour.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def readable_style(style: Style, backgrounds: Iterable[Color | None]) -> Style:
    """``style`` with its colour made :func:`readable` on each of ``backgrounds``."""
    if style.color is None:
        return style
    grounds = [rgb(ground) for ground in backgrounds if ground is not None]
    r, g, b = readable(rgb(style.color), grounds)
    return style + Style(color=Color.from_rgb(r, g, b))


def readable_styles(
    styles: Mapping[str, Style], backgrounds: Iterable[Color | None]
) -> dict[str, Style]:
    """Each of ``styles`` made :func:`readable_style` on every one of ``backgrounds``."""
    grounds = list(backgrounds)
    return {name: readable_style(style, grounds) for name, style in styles.items()}


def readable_text(text: Text, background: Color | None) -> Text:
    """``text`` with the colours of its spans (a status's, from the file) made readable on
    ``background``."""
    if background is None:
        return text
    shown = text.copy()
    shown.spans = [
        Span(span.start, span.end, readable_style(Style.parse(span.style), [background]))
        if isinstance(span.style, str)
        else Span(span.start, span.end, readable_style(span.style, [background]))
        for span in text.spans
    ]
    if isinstance(shown.style, Style):
        shown.style = readable_style(shown.style, [background])
    return shown


class Readable(LineFilter):
    """A widget's line filter: every colour made :func:`readable` on the background it is
    drawn on, for what a Rich writer draws in the scale's colours (the summary)."""

    def apply(self, segments: list[Segment], background: TextualColor) -> list[Segment]:
        return [self._segment(segment) for segment in segments]

    @staticmethod
    def _segment(segment: Segment) -> Segment:
        style = segment.style
        if style is None or style.color is None or style.bgcolor is None or style.reverse:
            return segment
        shown = readable_style(style, [style.bgcolor])
        return segment if shown is style else Segment(segment.text, shown, segment.control)
