"""Golden copies of whole returns: what Kith writes for a documented story, kept byte for byte.

The tests beside this one check the rows that matter one by one; a golden copy also catches any
change nobody meant, in any table or element. The database's own numbers differ with the order
the tests run in, so they are put by names first: each child's Kith number by the story's name for
them, each social worker's 903 ID by the order they first appear in. After a change that is meant to
alter a return, `pytest --update-golden` rewrites the copies; the diff is then the change to review.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FOLDER = Path(__file__).parent / "golden"
SOCIAL_WORKER_ID = re.compile(r"XX\d{6}")


def with_names(text: str, children: dict[str, str]) -> str:
    """``text`` with each child's Kith number put by ``<name>`` and each social worker's ID by ``<worker N>``."""
    for name, kith_id in children.items():
        text = text.replace(kith_id, f"<{name}>")
    workers: dict[str, str] = {}
    return SOCIAL_WORKER_ID.sub(lambda found: workers.setdefault(found.group(), f"<worker {len(workers) + 1}>"), text)


def assert_matches_golden(found: str, name: str, config: pytest.Config) -> None:
    """``found`` is the golden copy ``name`` exactly (rewritten first with ``--update-golden``)."""
    kept = FOLDER / name
    if config.getoption("--update-golden"):
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(found.encode("utf-8"))
    assert kept.exists(), f"There is no golden copy {name}: run pytest --update-golden and read what it wrote"
    assert found == kept.read_bytes().decode("utf-8"), f"{name} differs from its golden copy"
