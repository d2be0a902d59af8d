"""Every assessments action has a scenario verb, and the verbs replay a whole story on their own dates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from kith.assessments.models import Assessment, EnquiryOutcome, Section47Enquiry, StrategyDiscussion
from kith.assessments.tests.builders import FULL_ANSWERS, LONDON, given_case
from kith.platform import clock
from kith.platform.chronology.queries import chronology_of
from kith.synthetic.scenarios import VOCABULARY
from kith.synthetic.vocabulary import Replay

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

STORY: list[tuple[str, dict[str, Any]]] = [
    ("2026-11-05 10:00", {"by": "priya", "do": "start_assessment", "referral": "referral", "as": "assessment"}),
    ("2026-11-20 10:00", {"by": "priya", "do": "save_assessment", "assessment": "assessment", "with": FULL_ANSWERS}),
    (
        "2026-12-18 09:30",
        {
            "by": "priya",
            "do": "record_strategy_discussion",
            "referral": "referral",
            "as": "discussion",
            "with": {
                "chair": "tom",
                "participants": [
                    {"name": "DC Sam Reed", "agency": "police"},
                    {"name": "Dr Anna Lowe", "agency": "health", "role": "Named doctor"},
                ],
                "information_shared": "Bruising seen at school",
                "risk_analysis": "Unexplained injury",
                "decision": "joint_s47",
                "rationale": "Reasonable cause to suspect significant harm",
            },
        },
    ),
    (
        "2026-12-18 14:00",
        {
            "by": "priya",
            "do": "start_section_47",
            "discussion": "discussion",
            "as": "enquiry",
            "with": {"assessment": "assessment"},
        },
    ),
    (
        "2027-01-06 10:00",
        {
            "by": "priya",
            "do": "complete_section_47",
            "enquiry": "enquiry",
            "with": {
                "outcome": "cin",
                "findings": "Injury from a fall",
                "child_seen": True,
                "child_seen_alone": True,
                "rationale": "A plan meets the needs",
            },
        },
    ),
    (
        "2027-01-06 11:00",
        {
            "by": "priya",
            "do": "complete_assessment",
            "assessment": "assessment",
            "with": {"outcome": "cin_plan", "rationale": "A plan meets the needs"},
        },
    ),
    (
        "2027-01-08 10:00",
        {"by": "tom", "do": "authorise_assessment", "assessment": "assessment", "with": {"rationale": "Agreed"}},
    ),
]


def test_the_assessment_verbs_replay_a_story_on_their_own_dates() -> None:
    # given the referral and staff a scenario would have set up
    case = given_case()
    replay = Replay(staff={"priya": case.worker, "tom": case.manager}, records={"referral": case.referral})
    # when each step is replayed with the clock at its moment
    for moment, step in STORY:
        at = datetime.fromisoformat(moment).replace(tzinfo=LONDON)
        with clock.recording_at(at):
            made = VOCABULARY[step["do"]](replay, step, replay.member(step["by"]), at.date())
        if step.get("as"):
            replay.keep(step["as"], made)
    # then every record was made through the actions
    assessment = Assessment.objects.get()
    enquiry = Section47Enquiry.objects.get()
    assert (assessment.completed_on.isoformat(), assessment.authorised_by) == ("2027-01-06", case.manager)  # type: ignore[union-attr]
    assert (enquiry.outcome, enquiry.assessment, StrategyDiscussion.objects.get().held_on.isoformat()) == (
        EnquiryOutcome.CHILD_IN_NEED,
        assessment,
        "2026-12-18",
    )
    events = [event.event_type for event in reversed(list(chronology_of(case.child)))]
    assert [code for code in events if code.startswith("assessments.")] == [
        "assessments.assessment_started",
        "assessments.assessment_updated",
        "assessments.strategy_discussion_held",
        "assessments.section_47_started",
        "assessments.section_47_completed",
        "assessments.assessment_completed",
        "assessments.assessment_authorised",
    ]
