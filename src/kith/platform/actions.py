"""The shape every action has: atomic, attributed, and leaving a chronology event.

Actions are the only writers of case state (docs/adr/0002). Decorating one with
``@action`` makes it run in a single transaction and, when
``KITH_ENFORCE_ACTION_EVENTS`` is on (always in the tests), refuses to commit an
action that wrote no chronology event: the chronology is a by-product of every
change, so an action that leaves none is a defect.

Inside a transaction already open, each action takes a savepoint, so that a caller who
catches a refusal can carry on with the rest of its work. A caller that never carries on
after a refusal (the synthetic authority's generator, which stops at the first one and
rolls everything back) may say so with ``without_savepoints()``: each action then joins
the open transaction directly, two round trips fewer an action, and its foreign keys are
checked as it writes them.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.db import transaction

P = ParamSpec("P")
R = TypeVar("R")

REGISTERED_ACTIONS: dict[str, Callable[..., object]] = {}
_events_written: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("events_written", default=None)
_savepoints: contextvars.ContextVar[bool] = contextvars.ContextVar("savepoints", default=True)


class ActionWroteNoEvent(RuntimeError):
    """An action finished without writing the chronology event every change needs."""


def note_event_written() -> None:
    """Called by the chronology when an event is recorded inside an action."""
    counter = _events_written.get()
    if counter is not None:
        counter.append(1)


@contextmanager
def without_savepoints() -> Iterator[None]:
    """Run the actions in this block without a savepoint each (see the module docstring), and check
    each foreign key as its row is written rather than when the transaction commits.

    Only for a caller inside a transaction it will roll back whole on any refusal: an action
    that fails here leaves the transaction unusable until that rollback.

    Such a transaction is long, and Django declares foreign keys DEFERRABLE INITIALLY DEFERRED, so
    every row written would queue its checks until the commit. The row history's trigger function
    catches an error (there is no history context outside a request) in a block PostgreSQL runs as a
    subtransaction, and rolling one back scans every check still queued: each write would cost more
    than the last (about five times as much by the end of the small synthetic authority's year).
    Checked as written, nothing is queued, and a broken key still fails the transaction.
    """
    with transaction.get_connection().cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    token = _savepoints.set(False)
    try:
        yield
    finally:
        _savepoints.reset(token)


def action(function: Callable[P, R]) -> Callable[P, R]:
    """Mark ``function`` as an action (see module docstring)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        outer = _events_written.get()
        written: list[int] = []
        token = _events_written.set(written)
        try:
            with transaction.atomic(savepoint=_savepoints.get()):
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
