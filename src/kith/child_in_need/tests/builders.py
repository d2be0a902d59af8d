"""Building child in need plans for tests, through the real action (visits and plans tests use these too).

The story: Ava is referred on Monday 4 January 2027; her child in need plan starts on
Monday 1 February 2027 with two objectives, first review on 26 April 2027. Tests run on
15 April 2027 (see conftest), so all of it is in the past.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kith.child_in_need.actions import start_child_in_need_plan
from kith.child_in_need.models import ChildInNeedPlan
from kith.front_door.models import Referral
from kith.plans.records import ObjectiveDetails
from kith.workforce.models import StaffMember

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 4, 15, 10, 0, tzinfo=LONDON)
REFERRED_ON = date(2027, 1, 4)
PLAN_STARTS = date(2027, 2, 1)
FIRST_REVIEW = date(2027, 4, 26)

SCHOOL = ObjectiveDetails(
    outcome="Ava is at school every day and on time",
    action="Kerry walks Ava to school; the school rings Kerry by 9:30am if Ava is not there",
    owner="Kerry Thompson (mum)",
    owner_agency="Parent",
    target_date=date(2027, 3, 31),
)
DENTIST = ObjectiveDetails(
    outcome="Ava's toothache is treated",
    action="Book and take Ava to a dentist appointment",
    owner="Priya Shah",
    owner_agency="Children's social care",
    target_date=date(2027, 2, 26),
)


def given_plan(
    referral: Referral,
    by: StaffMember,
    *,
    on: date = PLAN_STARTS,
    objectives: Sequence[ObjectiveDetails] = (SCHOOL, DENTIST),
    first_review_on: date = FIRST_REVIEW,
) -> ChildInNeedPlan:
    return start_child_in_need_plan(
        referral,
        started_on=on,
        summary_for_family="Ava has missed a lot of school and has toothache. We want to help you get her to "
        "school every day and to the dentist.",
        contingency="If Ava keeps missing school we will hold a meeting to decide whether more help is needed, "
        "which could include a child protection conference.",
        lead_professional="Priya Shah, social worker",
        first_review_on=first_review_on,
        objectives=list(objectives),
        by=by.user,
    )
