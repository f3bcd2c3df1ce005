"""Key bindings declared on the action they call.

``@key("space", "Cycle")`` above ``def action_cycle(self)`` says what the key does right
where it is done; a class that lists :class:`Keyed` before its Textual base gathers them into
Textual's ``BINDINGS``. Every binding has an id (``goaltui.<action>``), so users can remap it
through Textual's keymap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from textual.binding import Binding, BindingType

F = TypeVar("F", bound=Callable[..., Any])


def key(
    keys: str,
    description: str = "",
    *,
    action: str | None = None,
    id: str | None = None,
    show: bool = True,
    key_display: str | None = None,
    priority: bool = False,
) -> Callable[[F], F]:
    """Bind ``keys`` to the decorated ``action_*`` method (or to ``action``, with arguments)."""

    def mark(method: F) -> F:
        name = action or method.__name__.removeprefix("action_")
        binding = Binding(
            keys,
            name,
            description,
            show=show,
            key_display=key_display,
            priority=priority,
            id=f"goaltui.{id or name.replace('_', '-')}",
        )
        method.__dict__.setdefault("_goaltui_keys", []).insert(0, binding)
        return method

    return mark


class Keyed:
    """Mixin: the ``@key`` bindings of a class's methods become its ``BINDINGS``.

    List it before the Textual base (``class X(Keyed, Screen)``), so that ``BINDINGS`` is
    complete before Textual merges the bindings of the new class.
    """

    BINDINGS: ClassVar[list[BindingType]]  # declared only: the Textual base holds the value

    def __init_subclass__(cls, **kwargs: Any) -> None:
        found: list[Binding] = []
        for value in vars(cls).values():
            found.extend(getattr(value, "_goaltui_keys", ()))
        cls.BINDINGS = [*vars(cls).get("BINDINGS", []), *found]
        super().__init_subclass__(**kwargs)
