"""The shape every action has: atomic, attributed, and leaving a chronology event.

Actions are the only writers of case state (docs/adr/0002). Decorating one with
``@action`` makes it run in a single transaction and, when
``KITH_ENFORCE_ACTION_EVENTS`` is on (always in the tests), refuses to commit an
action that wrote no chronology event: the chronology is a by-product of every
change, so an action that leaves none is a defect.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.db import transaction

P = ParamSpec("P")
R = TypeVar("R")

REGISTERED_ACTIONS: dict[str, Callable[..., object]] = {}
_events_written: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("events_written", default=None)


class ActionWroteNoEvent(RuntimeError):
    """An action finished without writing the chronology event every change needs."""


def note_event_written() -> None:
    """Called by the chronology when an event is recorded inside an action."""
    counter = _events_written.get()
    if counter is not None:
        counter.append(1)


def action(function: Callable[P, R]) -> Callable[P, R]:
    """Mark ``function`` as an action (see module docstring)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        outer = _events_written.get()
        written: list[int] = []
        token = _events_written.set(written)
        try:
            with transaction.atomic():
                result = function(*args, **kwargs)
                if not written and getattr(settings, "KITH_ENFORCE_ACTION_EVENTS", False):
                    raise ActionWroteNoEvent(f"{function.__module__}.{function.__qualname__} wrote no chronology event")
        finally:
            _events_written.reset(token)
        if outer is not None:
            outer.extend(written)
        return result

    REGISTERED_ACTIONS[f"{function.__module__}.{function.__qualname__}"] = run
    run.is_kith_action = True  # type: ignore[attr-defined]
    return run
