"""The areas' entries in the service navigation, each shown only to the users it serves.

An area registers its landing page (the front door's queue, the pre-proceedings tracker)
from its app's ``ready``; the navigation shows the entries the signed-in user may use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavigationItem:
    order: int
    view_name: str
    text: str
    shown_to: Callable[[Any], bool]


_ITEMS: list[NavigationItem] = []


def register_navigation_item(view_name: str, text: str, *, shown_to: Callable[[Any], bool], order: int) -> None:
    _ITEMS.append(NavigationItem(order, view_name, text, shown_to))
    _ITEMS.sort(key=lambda item: item.order)


def navigation_for(user: Any) -> list[NavigationItem]:
    """The entries the user may use, among those the site's URLs route (a test may mount fewer)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return [item for item in _ITEMS if _routed(item.view_name) and item.shown_to(user)]


def _routed(view_name: str) -> bool:
    try:
        reverse(view_name)
    except NoReverseMatch:
        return False
    return True
