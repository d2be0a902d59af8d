"""2024-25: sex as M, F, U (the CIN census's <Sex> replaces <GenderCurrent>); supported accommodation K3
added, H5 and P2 dropped (903 rule 146)."""

from kith.returns.years import CollectionYear

PLACEMENT_TYPES = frozenset(
    {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4"}
    | {"U1", "U2", "U3", "U4", "U5", "U6", "Z1"}
)
TABLES_903 = (
    "header",
    "episodes",
    "reviews",
    "uasc",
    "oc2",
    "oc3",
    "ad1",
    "placed_for_adoption",
    "previous_permanence",
    "missing",
    "sw_episodes",
)

YEAR = CollectionYear(
    year=2025,
    sex_codes="MFU",
    placement_types=PLACEMENT_TYPES,
    tables_903=TABLES_903,
    notes=("Known upstream bug: lac2024_25 rule 146 rejects K3 (it lists 'k3' in lower case).",),
    cin_schema="CIN_schema_2025.xsd",
)
