"""Every function in an ``actions`` module is an ``@action``: one transaction, one chronology event.

Actions are the only writers of case state (ARCHITECTURE idea 2) and the chronology
is their by-product (idea 3). ``@action`` enforces the event when
``KITH_ENFORCE_ACTION_EVENTS`` is on, which it must be under test.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest
from django.conf import settings

import kith
from kith.platform.actions import REGISTERED_ACTIONS

# Defines the decorator itself; it holds no actions.
_DECORATOR_MODULE = "kith.platform.actions"


def _actions_modules() -> list[ModuleType]:
    names = sorted(
        module.name
        for module in pkgutil.walk_packages(kith.__path__, prefix="kith.")
        # kith.<area>.actions, or its submodules once it grows into a package
        if "actions" in module.name.split(".")[2:] and module.name != _DECORATOR_MODULE
    )
    return [importlib.import_module(name) for name in names]


def _public_functions() -> list[tuple[str, object]]:
    return [
        (f"{module.__name__}.{name}", function)
        for module in _actions_modules()
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if not name.startswith("_") and function.__module__ == module.__name__
    ]


def test_there_are_actions_modules_to_check() -> None:
    # given / when
    names = {module.__name__ for module in _actions_modules()}
    # then
    assert {"kith.people.actions", "kith.workforce.actions", "kith.quality.actions"} <= names


PUBLIC_FUNCTIONS = _public_functions()


@pytest.mark.parametrize(("qualified_name", "function"), PUBLIC_FUNCTIONS, ids=[name for name, _ in PUBLIC_FUNCTIONS])
def test_every_public_function_in_an_actions_module_is_an_action(qualified_name: str, function: object) -> None:
    # given a public function defined in an actions module
    # when
    registered = REGISTERED_ACTIONS.get(qualified_name)
    # then
    assert registered is function, f"{qualified_name} is not decorated with @action"


def test_actions_must_write_their_event_under_test() -> None:
    # given the test settings
    # when / then
    assert settings.KITH_ENFORCE_ACTION_EVENTS is True
