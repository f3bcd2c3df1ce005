"""The themes goaltui offers: dark, light and high contrast, each readable from the back of a
meeting room (every text at least 4.5:1 on its background, WCAG 2.1 AA; tests/tui/
test_tui_contrast.py measures every cell of the screen).

Textual's own themes are not offered: their cursor, headings and muted texts fall below that.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = "goaltui-dark"
LIGHT = "goaltui-light"
HIGH_CONTRAST = "goaltui-high-contrast"

THEMES = (
    Theme(
        name=DARK,
        primary="#1565C0",
        secondary="#0D47A1",
        accent="#FFB74D",
        warning="#FFB74D",
        error="#FF8A80",
        success="#81C784",
        foreground="#E8E8E8",
        background="#121212",
        surface="#1A1A1A",
        panel="#263238",
        dark=True,
        variables={
            "text-muted": "#B0B0B0",
            "footer-key-foreground": "#FFB74D",
            "scrollbar": "#707880",
            "scrollbar-hover": "#909aa4",
            "scrollbar-active": "#b0b8c0",
            "border": "#1565C0",
            "block-cursor-background": "#1565C0",
            "block-cursor-foreground": "#FFFFFF",
            "border-blurred": "#707880",
        },
    ),
    Theme(
        name=LIGHT,
        primary="#0B4F8A",
        secondary="#0B4F8A",
        accent="#8A4500",
        warning="#8A4500",
        error="#B00020",
        success="#1B5E20",
        foreground="#1A1A1A",
        background="#FFFFFF",
        surface="#FFFFFF",
        panel="#E6E6E6",
        dark=False,
        variables={
            "text-muted": "#505050",
            "footer-key-foreground": "#0B4F8A",
            "scrollbar": "#6C6C6C",
            "scrollbar-hover": "#5C5C5C",
            "scrollbar-active": "#4C4C4C",
            "scrollbar-background": "#E6E6E6",
            "border": "#0B4F8A",
            "block-cursor-background": "#0B4F8A",
            "block-cursor-foreground": "#FFFFFF",
            "border-blurred": "#8C8C8C",
        },
    ),
    Theme(
        name=HIGH_CONTRAST,
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#00FFFF",
        warning="#FFFF00",
        error="#FF6060",
        success="#00FF00",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#202020",
        boost="#000000",
        dark=True,
        luminosity_spread=0.0,
        text_alpha=1.0,
        variables={
            "text": "#FFFFFF",
            "text-muted": "#E0E0E0",
            "footer-key-foreground": "#FFFF00",
            "footer-background": "#000000",
            "scrollbar": "#C0C0C0",
            "scrollbar-hover": "#FFFFFF",
            "scrollbar-active": "#FFFF00",
            "scrollbar-background": "#000000",
            "border": "#FFFF00",
            "block-cursor-background": "#FFFF00",
            "block-cursor-foreground": "#000000",
            "border-blurred": "#C0C0C0",
        },
    ),
)
