"""Collection years as data: what changes from one year's return to the next.

Each year is a module (``y2026`` is the collection year ending 31 March 2026) that declares
its differences from the year before; adding 2027 is a new module here, not an edit
everywhere. ``collection_year(2026)`` gives the year with everything that applies to it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class CollectionYear:
    """One SSDA903 / CIN collection year: 1 April of the year before to 31 March of ``year``."""

    year: int
    # How the return writes sex: "MFU" (M, F, U) from 2024-25, "12" (1 male, 2 female) before.
    sex_codes: str = "MFU"
    # Placement types the year accepts (903 rule 146).
    placement_types: frozenset[str] = frozenset()
    # The 903 tables the year collects, by file name without ".csv".
    tables_903: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
    # The CIN census schema the year's XML is checked against (a file of shared/domain/data/cin_census).
    # Sex is written as <Sex> M/F/U with "MFU" above, as <GenderCurrent> 1/2/0 with "12" (before 2024-25).
    cin_schema: str = ""
    cin_notes: tuple[str, ...] = field(default=())

    @property
    def start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def end(self) -> date:
        return date(self.year, 3, 31)

    @property
    def ruleset_903(self) -> str:
        """The sector validator's ruleset for this year, e.g. lac2025_26 for 2026."""
        return f"lac{self.year - 1}_{self.year % 100:02d}"

    @property
    def ruleset_cin(self) -> str:
        return f"cin{self.year - 1}_{self.year % 100:02d}"


SUPPORTED = (2025, 2026, 2027)


def collection_year(year: int) -> CollectionYear:
    """The collection year ending 31 March ``year``; a clear error for a year Kith does not hold."""
    if year not in SUPPORTED:
        raise ValueError(
            f"Kith has no collection year {year}: it knows {', '.join(str(y) for y in SUPPORTED)} "
            "(add a module in kith/returns/years for another)"
        )
    module = importlib.import_module(f"kith.returns.years.y{year}")
    found: CollectionYear = module.YEAR
    return found
