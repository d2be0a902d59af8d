"""One child's episode with the service, and where it is heading.

The way a case will go is drawn when the referral is made (``Path``); each step then writes
the next into the diary. A case moves through stages (assessment, child in need, child
protection, care); anything written into the diary for an earlier stage is let go when it
comes round, so a visit planned under a plan that has since ended never happens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kith.people.models import Person
from kith.synthetic.generator.population import Household
from kith.workforce.models import StaffMember, Team


@dataclass
class Path:
    """What will happen, drawn once when the referral is made."""

    # nfa, early_help, cin, care or s47 (a strategy discussion and a section 47 enquiry).
    route: str
    # After a section 47 enquiry: icpc, cin or nfa.
    enquiry_outcome: str = ""
    # Whether the initial conference decides on a plan, and how long the plan lasts (days).
    plan: bool = False
    plan_days: int = 0
    # The plan ends with the child coming into care, this many days into it.
    care_after_days: int | None = None
    # Working days from the referral to the assessment's authorisation.
    assessment_days: int = 30
    # Days a child in need plan lasts.
    cin_days: int = 180
    # An unaccompanied asylum-seeking child: "arrived" (found in the area) or "transferred" (National
    # Transfer Scheme); accommodated the day they come.
    uasc: str = ""


@dataclass
class Case:
    child: Person
    household: Household
    path: Path
    stage: int = 0
    referral: Any = None
    team: Team | None = None
    worker: StaffMember | None = None
    assessment: Any = None
    discussion: Any = None
    enquiry: Any = None
    cp_plan: Any = None
    cin_plan: Any = None
    period: Any = None
    # Set for a child already known when the run begins (the opening caseload).
    opening: bool = False
    notes: dict[str, Any] = field(default_factory=dict)

    def next_stage(self) -> int:
        """Let go of everything planned for the stage now ending."""
        self.stage += 1
        return self.stage

    @property
    def referral_date(self) -> date:
        return self.referral.referral_date
