"""2026-27: deprivation of liberty orders (the DoLo table) join the return; Kith does not yet record them.
The CIN census keeps the 2025-26 shape."""

from dataclasses import replace

from kith.returns.years import y2026

YEAR = replace(
    y2026.YEAR,
    year=2027,
    notes=("The DoLo table (deprivation of liberty orders) is not yet recorded by Kith: it is written empty.",),
    tables_903=(*y2026.YEAR.tables_903, "DoLo"),
    # No 2026-27 CIN schema is held in shared/domain/data/cin_census: the latest, 2025-26's, is used. The
    # sector validator's cin2026_27 rules add nothing to cin2025_26's (returns.md §1.4).
    cin_schema="CIN_schema_2026.xsd",
    cin_notes=("No 2026-27 CIN census schema is held: the XML is checked against the 2025-26 schema.",),
)
