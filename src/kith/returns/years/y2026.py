"""2025-26: "other placements" Z1 split into Z11 to Z14; the CIN census's N1 reads "abuse, neglect and
exploitation" (the same code)."""

from dataclasses import replace

from kith.returns.years import y2025

PLACEMENT_TYPES = (y2025.PLACEMENT_TYPES - {"Z1"}) | {"Z11", "Z12", "Z13", "Z14"}

YEAR = replace(y2025.YEAR, year=2026, placement_types=PLACEMENT_TYPES, notes=(), cin_schema="CIN_schema_2026.xsd")
