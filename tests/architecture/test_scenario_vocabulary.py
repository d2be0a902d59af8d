"""Every action joins the scenario vocabulary, so any case history can be replayed."""

from __future__ import annotations

import importlib
import pkgutil

import kith
from kith.platform.actions import REGISTERED_ACTIONS
from kith.synthetic.scenarios import VOCABULARY


def test_every_action_can_be_used_in_a_scenario() -> None:
    # given every actions module loaded, so every action is registered
    for module in pkgutil.walk_packages(kith.__path__, "kith."):
        if module.name.endswith(".actions"):
            importlib.import_module(module.name)
    # when the actions are compared with the scenario vocabulary
    actions = {name.rsplit(".", 1)[-1] for name in REGISTERED_ACTIONS if not name.startswith("tests")}
    # then none is missing from it
    assert sorted(actions - set(VOCABULARY)) == []
