"""What actions raise when a rule or an access check says no."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class NotAllowed(PermissionDenied):
    """The user may not do this to this record. Views turn it into a 404 (never a hint)."""


class RuleBroken(ValueError):
    """The change would break a rule; ``problems`` maps field names to messages for the form."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for messages in problems.values() for message in messages))


class EditConflict(RuntimeError):
    """Somebody else saved the record since this user opened it; nothing was overwritten."""


def require(allowed: bool) -> None:
    if not allowed:
        raise NotAllowed


def refuse_if(problems: dict[str, list[str]]) -> None:
    """Refuse the action, saving nothing, when the rules found any problem."""
    if problems:
        raise RuleBroken(problems)
