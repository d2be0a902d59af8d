"""Councils' names as reports write them ("Hartlepool Borough Council", "London Borough of Camden")."""

from __future__ import annotations

import re

from kith.inspection.frameworks import plain

_PREFIX = re.compile(r"^(?:the\s+)?(?:london\s+borough\s+of|royal\s+borough\s+of|city\s+of|county\s+of)\s+", re.I)
_SUFFIX = re.compile(
    r"\s+(?:metropolitan\s+borough\s+council|borough\s+council|county\s+council|city\s+council|"
    r"district\s+council|council|children'?s\s+services|local\s+authority)\s*$",
    re.I,
)


def authority_name(written: str) -> str:
    """The council's name without "Borough Council" and the like: "Hartlepool", "Redcar and Cleveland"."""
    name = " ".join(written.replace("’", "'").split()).strip(" .,:;")
    name = _SUFFIX.sub("", _PREFIX.sub("", name))
    return name.strip(" .,:;")


def authority_key(written: str) -> str:
    """The name as compared: two spellings of one council give the same key."""
    return plain(authority_name(written))
