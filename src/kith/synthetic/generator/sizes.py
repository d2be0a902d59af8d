"""How big the synthetic authority is: its child population and the teams that serve it.

The populations are those of real councils (inspection_findings.md §6): small is
Hartlepool (≈ 22,500 children aged 0–17), large is Hertfordshire (≈ 260,000). Only the
children who come to children's social care, and their households, become records; the
population is the denominator of every rate per 10,000.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SizeProfile:
    name: str
    # Children aged 0–17 living in the area: the denominator of the rates per 10,000.
    children: int
    # The town the families live in (invented), and the real postcode districts its invented addresses
    # use (kith.synthetic.postcodes), within ``postcode_council`` (an ONS code) when one is given.
    town: str
    postcode_districts: tuple[str, ...]
    postcode_council: str
    # The council's own ONS code, which the SSDA903 validator is told (for a county, the county's, not a
    # district's).
    ons_code: str
    # The council's DfE number, which schools' unique pupil numbers carry (characters 2 to 4).
    dfe_la_number: str
    # Where placements out of the area are: real postcode districts of a neighbouring council.
    neighbouring_districts: tuple[str, ...]
    neighbouring_council: str
    # Teams of each kind: more of them in a bigger authority.
    assessment_teams: int
    safeguarding_teams: int
    children_in_care_teams: int
    care_leavers_teams: int
    # Social workers in each case-holding team.
    workers_per_team: int
    # Share of families from minority ethnic groups (Hartlepool 1.2%; Hertfordshire ≈ 15%).
    minority_ethnic_share: float
    # Looked-after children per 10,000 the authority aims at (Hartlepool ≈ 72; England 67).
    looked_after_per_10k: float
    # How far back the opening caseload's stories reach (years before the run begins).
    opening_years: int = 4


PROFILES: dict[str, SizeProfile] = {
    # For the test suite: a few hundred children come to attention in a year.
    "tiny": SizeProfile(
        name="tiny",
        children=500,
        town="Harrowmouth",
        postcode_districts=("TS24", "TS25"),
        postcode_council="E06000001",
        ons_code="E06000001",
        dfe_la_number="805",
        neighbouring_districts=("DH1",),
        neighbouring_council="Durham County Council",
        opening_years=1,
        assessment_teams=1,
        safeguarding_teams=1,
        children_in_care_teams=1,
        care_leavers_teams=1,
        workers_per_team=3,
        minority_ethnic_share=0.05,
        looked_after_per_10k=72,
    ),
    "small": SizeProfile(
        name="small",
        children=22_500,
        town="Harrowmouth",
        postcode_districts=("TS24", "TS25", "TS26", "TS27"),
        postcode_council="E06000001",
        ons_code="E06000001",
        dfe_la_number="805",
        neighbouring_districts=("DH1",),
        neighbouring_council="Durham County Council",
        assessment_teams=1,
        safeguarding_teams=2,
        children_in_care_teams=1,
        care_leavers_teams=1,
        workers_per_team=8,
        minority_ethnic_share=0.03,
        looked_after_per_10k=72,
    ),
    "medium": SizeProfile(
        name="medium",
        children=30_000,
        town="Brindle Cross",
        postcode_districts=("DL1", "DL2", "DL3", "DL5"),
        postcode_council="E06000005",
        ons_code="E06000005",
        dfe_la_number="841",
        neighbouring_districts=("DH1",),
        neighbouring_council="Durham County Council",
        assessment_teams=2,
        safeguarding_teams=3,
        children_in_care_teams=1,
        care_leavers_teams=1,
        workers_per_team=8,
        minority_ethnic_share=0.08,
        looked_after_per_10k=67,
    ),
    "large": SizeProfile(
        name="large",
        children=260_000,
        town="Wendbury",
        postcode_districts=("SG1", "SG2", "SG4", "SG5", "AL1", "AL3", "AL5", "WD17", "WD18", "HP1", "HP2", "EN6"),
        postcode_council="",
        ons_code="E10000015",
        dfe_la_number="919",
        neighbouring_districts=("LU1", "LU2"),
        neighbouring_council="Luton Borough Council",
        assessment_teams=8,
        safeguarding_teams=16,
        children_in_care_teams=6,
        care_leavers_teams=3,
        workers_per_team=9,
        minority_ethnic_share=0.16,
        looked_after_per_10k=45,
    ),
}

SIZES = ("small", "medium", "large")
