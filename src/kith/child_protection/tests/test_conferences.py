"""Initial and review conferences: what they record, the plan they start or end, and what they refuse."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType

from kith.assessments.models import EnquiryOutcome
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.actions import MemberDetails, ObjectiveDetails, hold_review_conference
from kith.child_protection.models import (
    ChildParticipation,
    ChildProtectionPlan,
    Conference,
    ConferenceDecision,
    PlanEndReason,
)
from kith.child_protection.queries import review_dates
from kith.child_protection.tests.builders import (
    ICPC_ON,
    Case,
    given_case,
    initial_conference,
    members,
    objectives,
    plan_details,
    plan_from_conference,
)
from kith.plans.models import Objective
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import CategoryOfAbuse
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_child
from tests.casework import given_cin_plan

pytestmark = pytest.mark.django_db


def _clocks(subject: Any) -> list[tuple[str, date, date, date | None, date | None]]:
    return list(
        Deadline.objects.filter(subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk))
        .order_by("timescale_code", "started_on")
        .values_list("timescale_code", "started_on", "due_on", "met_on", "cancelled_on")
    )


def _summaries(child: Any, code: str) -> list[str]:
    """The chronology summaries of one type of event for the child, latest first."""
    return [event.summary for event in chronology_of(child, event_types=[code])]


INITIAL = "child_protection.initial_conference_held"
REVIEW = "child_protection.review_conference_held"


def _nothing_saved(case: Case) -> dict[str, object]:
    case.enquiry.refresh_from_db()
    return {
        "conferences": Conference.objects.count(),
        "plans": ChildProtectionPlan.objects.count(),
        "objectives": Objective.objects.count(),
        "events": CaseEvent.objects.count(),
        "deadlines": list(Deadline.objects.order_by("pk").values_list("pk", "met_on", "cancelled_on")),
        "enquiry": (case.enquiry.ended_on, case.enquiry.outcome),
    }


# -- the initial conference -----------------------------------------------------------------------


@pytest.mark.requirement("R-062")
@pytest.mark.requirement("R-063")
@pytest.mark.requirement("R-064")
@pytest.mark.requirement("R-022")
def test_an_initial_conference_records_invitations_attendance_reports_and_the_childs_part(
    case: Case, iro: StaffMember
) -> None:
    # when the IRO records the conference
    conference = initial_conference(case, chair=iro)

    # then who was invited and who came is kept by agency, "not invited" apart from "did not attend"
    assert list(
        conference.members.values_list("name", "agency", "invited_on", "attended", "sent_apologies", "report_submitted")
    ) == [
        ("Priya Shah", Agency.SOCIAL_CARE, date(2027, 1, 6), True, False, False),
        ("Kerry Bennett", Agency.FAMILY, date(2027, 1, 6), True, False, False),
        ("Dr Anna Lowe", Agency.HEALTH, date(2027, 1, 11), False, True, True),
        ("Jo Pike", Agency.HEALTH, None, False, False, False),
        ("Mr Singh", Agency.EDUCATION, date(2027, 1, 6), False, False, False),
    ]
    # and when the report reached the parents and the child, and how the child took part
    assert (
        conference.kind,
        conference.held_on,
        conference.chair,
        conference.report_shared_with_parents_on,
        conference.report_shared_with_child_on,
        conference.child_participation,
        conference.child_views,
        conference.decision,
        conference.category,
        conference.recorded_by,
    ) == (
        "initial",
        ICPC_ON,
        iro,
        date(2027, 1, 8),
        date(2027, 1, 11),
        ChildParticipation.VIEWS_THROUGH_WORKER,
        "Ava says she likes school but is hungry in the mornings.",
        ConferenceDecision.PLAN,
        CategoryOfAbuse.NEGLECT,
        iro,
    )


@pytest.mark.requirement("R-043")
@pytest.mark.requirement("R-044")
@pytest.mark.requirement("R-045")
@pytest.mark.requirement("R-024")
def test_a_decision_to_make_a_plan_starts_it_the_same_day_with_its_objectives(case: Case, iro: StaffMember) -> None:
    # when the conference decides on a plan under the category of neglect
    conference = initial_conference(case, chair=iro)

    # then the plan starts that day, with the category as initial and latest category
    plan = ChildProtectionPlan.objects.get()
    assert conference.plan == plan
    assert (
        plan.referral,
        plan.child,
        plan.started_on,
        plan.initial_category,
        plan.latest_category,
        plan.previous_plans,
        plan.is_pre_birth,
        plan.how_risks_will_be_reduced,
        plan.contingency,
        plan.identity_actions,
        plan.ended_on,
    ) == (
        case.referral,
        case.child,
        ICPC_ON,
        "NEG",
        "NEG",
        0,
        False,
        "Daily school attendance checks; weekly parenting support at home.",
        "If Ava misses school or the home is unsafe again, a legal planning meeting is held.",
        "Work with Ava in Polish with an interpreter; keep her church group going.",
        None,
    )
    # and every objective has an owner and a target date
    assert list(plan.objectives.values_list("action", "owner", "target_date", "added_on")) == [
        ("Housing officer arranges repairs to the heating", "Sam Patel", date(2027, 2, 15), ICPC_ON),
        ("Walk Ava to school each morning and check she has had breakfast", "Kerry Bennett", date(2027, 3, 1), ICPC_ON),
    ]


def test_the_conference_ends_an_open_section_47_enquiry_with_the_outcome_conference(
    case: Case, iro: StaffMember
) -> None:
    # when
    initial_conference(case, chair=iro)
    # then
    case.enquiry.refresh_from_db()
    assert (case.enquiry.ended_on, case.enquiry.outcome, case.enquiry.outcome_rationale) == (
        ICPC_ON,
        EnquiryOutcome.INITIAL_CONFERENCE,
        "Initial child protection conference held on 13 January 2027",
    )


def test_an_enquiry_already_ended_recommending_a_conference_is_left_as_it_is(case: Case, iro: StaffMember) -> None:
    # given the enquiry ended on 12 January recommending a conference
    case.enquiry.ended_on = date(2027, 1, 12)
    case.enquiry.outcome = EnquiryOutcome.INITIAL_CONFERENCE
    case.enquiry.outcome_rationale = "Neglect substantiated"
    case.enquiry.save()
    # when
    initial_conference(case, chair=iro)
    # then
    case.enquiry.refresh_from_db()
    assert (case.enquiry.ended_on, case.enquiry.outcome_rationale) == (date(2027, 1, 12), "Neglect substantiated")


def test_the_conference_meets_its_clock_and_the_plan_starts_core_group_review_and_visit_clocks(
    case: Case, iro: StaffMember
) -> None:
    # when the conference on Wednesday 13 January 2027 starts a plan
    conference = initial_conference(case, chair=iro)

    # then the conference clock (15 working days from the strategy discussion on 5 January) is met that day,
    # and the referral's assessment clock runs on
    event = CaseEvent.objects.get(event_type="child_protection.initial_conference_held")
    assert _clocks(case.referral) == [
        ("assessments.single_assessment", date(2027, 1, 4), date(2027, 3, 8), None, None),
        ("child_protection.initial_conference", date(2027, 1, 5), date(2027, 1, 26), ICPC_ON, None),
    ]
    assert Deadline.objects.get(timescale_code="child_protection.initial_conference").met_by_event == event
    # and the first core group is due 10 working days later, the first review 3 months later,
    # and a visit within 10 working days
    assert conference.plan is not None
    assert _clocks(conference.plan) == [
        ("child_protection.cp_is_nhs_number", ICPC_ON, ICPC_ON, None, None),
        ("child_protection.first_core_group", ICPC_ON, date(2027, 1, 27), None, None),
        ("child_protection.first_review_conference", ICPC_ON, date(2027, 4, 13), None, None),
        ("child_protection.visit", ICPC_ON, date(2027, 1, 27), None, None),
    ]


def test_the_conference_is_a_key_event_naming_the_chair_the_decision_and_the_category(
    case: Case, iro: StaffMember
) -> None:
    # when
    initial_conference(case, chair=iro)
    # then
    assert [
        (event.event_type, event.occurred_on, event.summary, event.recorded_by)
        for event in chronology_of(case.child, key_only=True, event_types=[INITIAL])
    ] == [
        (
            "child_protection.initial_conference_held",
            ICPC_ON,
            "Initial child protection conference chaired by Irene Walsh: child protection plan, category neglect",
            iro.user,
        )
    ]


def test_a_decision_of_no_plan_meets_the_clock_and_starts_nothing_else(case: Case, iro: StaffMember) -> None:
    # when the conference decides no plan is needed (no category, no plan details)
    conference = initial_conference(
        case, chair=iro, decision=ConferenceDecision.NO_PLAN, category="", plan=None, decision_rationale="Risk is low"
    )
    # then
    assert (conference.plan, conference.category, ChildProtectionPlan.objects.count()) == (None, "", 0)
    assert Deadline.objects.get(timescale_code="child_protection.initial_conference").met_on == ICPC_ON
    assert Deadline.objects.filter(timescale_code__startswith="child_protection.").count() == 1
    assert _summaries(case.child, INITIAL) == [
        "Initial child protection conference chaired by Irene Walsh: no child protection plan"
    ]


def test_a_manager_may_chair(case: Case, authority: Authority) -> None:
    # when the team manager chairs and records the conference
    conference = initial_conference(case, chair=authority.team_manager)
    # then
    assert conference.chair == authority.team_manager


def test_an_open_child_in_need_plan_ends_the_day_the_child_protection_plan_starts(
    case: Case, iro: StaffMember, authority: Authority
) -> None:
    # given Ava has a child in need plan from 6 January, with its visit clock running
    cin_plan = given_cin_plan(case.referral, authority.social_worker, on=date(2027, 1, 6))
    # when the conference starts a child protection plan
    initial_conference(case, chair=iro)
    # then the child in need plan ends that day and its clocks are closed
    cin_plan.refresh_from_db()
    assert (cin_plan.ended_on, cin_plan.end_reason) == (ICPC_ON, "Replaced by a child protection plan")
    assert [row[4] for row in _clocks(cin_plan)] == [ICPC_ON]
    assert _summaries(case.child, INITIAL)[0].endswith("; the child in need plan ended")


@pytest.mark.requirement("R-043")
def test_a_plan_for_an_unborn_baby_is_a_pre_birth_plan(authority: Authority, iro: StaffMember) -> None:
    # given an unborn baby, due on 10 January 2028, referred in October 2027 and enquired about
    baby = add_child("Baby", "Nowak", due_in_days=70, by=authority.business_support)
    unborn_case = given_case(
        baby, authority.social_worker, referred_on=date(2027, 10, 4), discussed_on=date(2027, 10, 5)
    )
    # when a pre-birth conference makes a plan on 13 October 2027
    plan = plan_from_conference(
        unborn_case,
        chair=iro,
        held_on=date(2027, 10, 13),
        report_shared_with_parents_on=date(2027, 10, 8),
        report_shared_with_child_on=None,
        plan=plan_details(objectives=objectives(all_by=date(2027, 12, 1))),
    )
    # then
    assert (plan.is_pre_birth, plan.started_on) == (True, date(2027, 10, 13))
    assert _summaries(baby, INITIAL)[0].endswith("category neglect (pre-birth)")


def test_a_second_plan_counts_the_plans_before_it(case: Case, iro: StaffMember, authority: Authority) -> None:
    # given Ava's first plan ended at a review in April
    first = plan_from_conference(case, chair=iro)
    _review(
        first,
        chair=iro,
        held_on=date(2027, 4, 8),
        decision=ConferenceDecision.END_PLAN,
        end_reason=PlanEndReason.NO_LONGER_AT_RISK,
        step_down_plan="Child in need plan",
    )
    # and, after the first referral closed, she is referred again in September
    case.referral.closed_on = date(2027, 8, 31)
    case.referral.closure_reason = "RC7"
    case.referral.save()
    again = given_case(case.child, authority.social_worker, referred_on=date(2027, 9, 1), discussed_on=date(2027, 9, 2))
    # when a new conference makes a new plan
    second = plan_from_conference(
        again, chair=iro, held_on=date(2027, 9, 15), plan=plan_details(objectives=objectives(all_by=date(2027, 12, 1)))
    )
    # then the census's NumberOfPreviousCPP is 1
    assert (first.previous_plans, second.previous_plans) == (0, 1)


# -- what an initial conference refuses ------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "overrides", "problems"),
    [
        (
            "before the strategy discussion",
            {"held_on": date(2027, 1, 4)},
            {
                "held_on": [
                    "The conference on 4 January 2027 is before the strategy discussion on 5 January 2027. "
                    "A conference is held after its strategy discussion",
                    "The conference on 4 January 2027 is before the section 47 enquiry started on 5 January 2027",
                ],
                "members": [
                    "Dr Anna Lowe: the invitation on 11 January 2027 is after the conference on 4 January 2027",
                    "Priya Shah: the invitation on 6 January 2027 is after the conference on 4 January 2027",
                    "Kerry Bennett: the invitation on 6 January 2027 is after the conference on 4 January 2027",
                    "Mr Singh: the invitation on 6 January 2027 is after the conference on 4 January 2027",
                ],
            },
        ),
        (
            "in the future",
            {"held_on": date(2027, 11, 2), "plan": plan_details(objectives=objectives(all_by=date(2027, 12, 1)))},
            {"held_on": ["The conference must be today or in the past"]},
        ),
        (
            "a plan without its parts",
            {"category": "", "plan": plan_details(how_risks_will_be_reduced=" ", contingency="", objectives=())},
            {
                "category": ["Select the category of abuse"],
                "how_risks_will_be_reduced": ["Enter how the risks to the child will be reduced"],
                "contingency": ["Enter the contingency plan: what will happen if things do not change"],
                "objectives": [
                    "Add at least one objective: what needs to change, what will be done, who will do it and by when"
                ],
            },
        ),
        (
            "an objective with no owner",
            {"plan": plan_details(objectives=(ObjectiveDetails("Safe", "Check", " ", date(2027, 2, 1)),))},
            {"objectives": ["Objective 1: name who is responsible"]},
        ),
        (
            "a review decision",
            {"decision": ConferenceDecision.CONTINUE_PLAN},
            {"decision": ["Select whether the child is to be made subject to a child protection plan"]},
        ),
        (
            "no one named",
            {"members": [], "decision_rationale": " ", "child_participation": ""},
            {
                "members": ["Add who was invited to the conference and who attended"],
                "child_participation": ["Select how the child took part in the conference"],
                "decision_rationale": ["Enter the reasons for the decision"],
            },
        ),
        (
            "attended and apologies",
            {"members": [MemberDetails("Jo Pike", Agency.HEALTH, attended=True, sent_apologies=True)]},
            {"members": ["Jo Pike: either attended or sent apologies, not both"]},
        ),
    ],
)
def test_a_conference_that_breaks_a_rule_is_refused_naming_the_dates_and_nothing_is_saved(
    case: Case, iro: StaffMember, _case: str, overrides: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    # given
    before = _nothing_saved(case)
    # when
    with pytest.raises(RuleBroken) as refused:
        initial_conference(case, chair=iro, **overrides)
    # then
    assert {field: sorted(messages) for field, messages in refused.value.problems.items()} == {
        field: sorted(messages) for field, messages in problems.items()
    }
    assert _nothing_saved(case) == before


def test_a_chair_who_is_not_an_iro_or_manager_is_refused(case: Case, iro: StaffMember, authority: Authority) -> None:
    before = _nothing_saved(case)
    with pytest.raises(RuleBroken) as refused:
        initial_conference(case, chair=authority.social_worker, by=iro)
    assert refused.value.problems == {"chair": ["Choose the chair: an independent reviewing officer or a manager"]}
    assert _nothing_saved(case) == before


def test_a_social_worker_may_not_record_a_conference(case: Case, iro: StaffMember, authority: Authority) -> None:
    before = _nothing_saved(case)
    with pytest.raises(NotAllowed):
        initial_conference(case, chair=iro, by=authority.social_worker)
    assert _nothing_saved(case) == before


def test_an_enquiry_that_ended_with_no_further_action_cannot_lead_to_a_conference(case: Case, iro: StaffMember) -> None:
    # given the enquiry ended on 11 January with no further action
    case.enquiry.ended_on = date(2027, 1, 11)
    case.enquiry.outcome = EnquiryOutcome.NO_FURTHER_ACTION
    case.enquiry.save()
    before = _nothing_saved(case)
    # when / then
    with pytest.raises(RuleBroken) as refused:
        initial_conference(case, chair=iro)
    assert refused.value.problems == {
        "section_47_enquiry": [
            "The section 47 enquiry ended on 11 January 2027 with the outcome “No further action”, not a conference"
        ]
    }
    assert _nothing_saved(case) == before


def test_a_child_in_need_plan_that_started_after_the_conference_is_named(
    case: Case, iro: StaffMember, authority: Authority
) -> None:
    # given a child in need plan that started on 14 January, the day after the conference date given
    given_cin_plan(case.referral, authority.social_worker, on=date(2027, 1, 14))
    before = _nothing_saved(case)
    # when / then
    with pytest.raises(RuleBroken) as refused:
        initial_conference(case, chair=iro)
    assert refused.value.problems == {
        "held_on": [
            "Ava Thompson's child in need plan started on 14 January 2027, after the conference on 13 January 2027. "
            "A child protection plan and a child in need plan cannot be open together: check the dates"
        ]
    }
    assert _nothing_saved(case) == before
    assert ChildInNeedPlan.objects.get().ended_on is None


def test_a_child_already_on_a_plan_cannot_be_given_another(case: Case, iro: StaffMember) -> None:
    # given Ava is on a plan from 13 January (from another route, such as a transfer in)
    initial_conference(case, chair=iro)
    # when a second initial conference on the same referral decides a plan again
    with pytest.raises(RuleBroken) as refused:
        initial_conference(case, chair=iro, held_on=date(2027, 1, 14))
    # then
    assert refused.value.problems == {
        "decision": [
            "Ava Thompson has been on a child protection plan since 13 January 2027; "
            "end that plan before starting another"
        ]
    }
    assert ChildProtectionPlan.objects.count() == 1


def test_a_closed_referral_takes_no_conference(case: Case, iro: StaffMember) -> None:
    case.referral.closed_on = date(2027, 1, 12)
    case.referral.closure_reason = "RC8"
    case.referral.save()
    with pytest.raises(RuleBroken) as refused:
        initial_conference(case, chair=iro)
    assert refused.value.problems == {
        "referral": ["The referral closed on 12 January 2027; a conference cannot be added to a closed referral"]
    }
    assert Conference.objects.count() == 0


# -- review conferences ---------------------------------------------------------------------------


def _review(plan: ChildProtectionPlan, *, chair: StaffMember, **overrides: Any) -> Conference:
    values: dict[str, Any] = {
        "held_on": date(2027, 4, 8),
        "chair": chair,
        "members": members(),
        "report_shared_with_parents_on": date(2027, 4, 5),
        "child_participation": ChildParticipation.ATTENDED_PART,
        "child_views": "Ava wants her mum to keep walking her to school.",
        "decision": ConferenceDecision.CONTINUE_PLAN,
        "decision_rationale": "Some progress; the heating is still not fixed.",
        **overrides,
    }
    return hold_review_conference(plan, by=chair.user, **values)


@pytest.mark.requirement("R-063")
def test_a_review_that_continues_the_plan_meets_the_first_review_and_sets_the_next_6_months_on(
    case: Case, iro: StaffMember
) -> None:
    # given the plan from 13 January
    plan = plan_from_conference(case, chair=iro)
    # when the first review is held on 8 April
    review = _review(plan, chair=iro)
    # then the first review clock is met and the next review is due 6 months later
    assert (review.kind, review.plan, review.decision, review.category, review.report_shared_with_parents_on) == (
        "review",
        plan,
        ConferenceDecision.CONTINUE_PLAN,
        "NEG",
        date(2027, 4, 5),
    )
    assert [row for row in _clocks(plan) if "review" in row[0]] == [
        ("child_protection.first_review_conference", ICPC_ON, date(2027, 4, 13), date(2027, 4, 8), None),
        ("child_protection.review_conference", date(2027, 4, 8), date(2027, 10, 8), None, None),
    ]
    assert _summaries(case.child, REVIEW) == [
        "Review child protection conference chaired by Irene Walsh: the plan continues"
    ]


def test_a_second_review_meets_the_6_monthly_clock(case: Case, iro: StaffMember) -> None:
    plan = plan_from_conference(case, chair=iro)
    _review(plan, chair=iro)
    _review(plan, chair=iro, held_on=date(2027, 10, 5))
    assert [row for row in _clocks(plan) if row[0] == "child_protection.review_conference"] == [
        ("child_protection.review_conference", date(2027, 4, 8), date(2027, 10, 8), date(2027, 10, 5), None),
        ("child_protection.review_conference", date(2027, 10, 5), date(2028, 4, 5), None, None),
    ]


def test_the_category_changes_only_at_a_review_and_the_initial_category_is_kept(case: Case, iro: StaffMember) -> None:
    plan = plan_from_conference(case, chair=iro)
    _review(plan, chair=iro, latest_category=CategoryOfAbuse.MULTIPLE)
    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category) == ("NEG", "MUL")
    assert _summaries(case.child, REVIEW) == [
        "Review child protection conference chaired by Irene Walsh: the plan continues; "
        "category changed from neglect to multiple categories"
    ]


def test_a_review_that_ends_the_plan_ends_it_that_day_and_closes_its_clocks(case: Case, iro: StaffMember) -> None:
    plan = plan_from_conference(case, chair=iro)
    _review(
        plan,
        chair=iro,
        decision=ConferenceDecision.END_PLAN,
        end_reason=PlanEndReason.NO_LONGER_AT_RISK,
        step_down_plan="Child in need plan with monthly visits; school keeps the breakfast club place.",
    )
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason, plan.step_down_plan) == (
        date(2027, 4, 8),
        "no_longer_at_risk",
        "Child in need plan with monthly visits; school keeps the breakfast club place.",
    )
    assert [(row[0], row[3], row[4]) for row in _clocks(plan)] == [
        ("child_protection.cp_is_nhs_number", None, date(2027, 4, 8)),
        ("child_protection.first_core_group", None, date(2027, 4, 8)),
        ("child_protection.first_review_conference", date(2027, 4, 8), None),
        ("child_protection.visit", None, date(2027, 4, 8)),
    ]
    assert _summaries(case.child, REVIEW) == [
        "Review child protection conference chaired by Irene Walsh: the plan ends "
        "(no longer at continuing risk of significant harm)"
    ]


@pytest.mark.parametrize(
    ("overrides", "problems"),
    [
        (
            {"held_on": ICPC_ON},
            {
                "held_on": [
                    "A review conference must be after the plan started on 13 January 2027; this one is dated 13 "
                    "January 2027"
                ]
            },
        ),
        (
            {"decision": ConferenceDecision.END_PLAN, "end_reason": PlanEndReason.NO_LONGER_AT_RISK},
            {"step_down_plan": ["Enter the step-down plan: the help that carries on after the plan ends"]},
        ),
        ({"decision": ConferenceDecision.END_PLAN}, {"end_reason": ["Select why the plan is ending"]}),
        ({"decision": ConferenceDecision.PLAN}, {"decision": ["Select whether the plan continues or ends"]}),
    ],
)
def test_a_review_that_breaks_a_rule_is_refused_and_nothing_is_saved(
    case: Case, iro: StaffMember, overrides: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    plan = plan_from_conference(case, chair=iro)
    before = _nothing_saved(case)
    with pytest.raises(RuleBroken) as refused:
        _review(plan, chair=iro, **overrides)
    assert refused.value.problems == problems
    assert _nothing_saved(case) == before
    plan.refresh_from_db()
    assert plan.ended_on is None


def test_no_review_on_a_plan_that_has_ended(case: Case, iro: StaffMember) -> None:
    plan = plan_from_conference(case, chair=iro)
    _review(plan, chair=iro, decision=ConferenceDecision.END_PLAN, end_reason=PlanEndReason.MOVED_AWAY)
    with pytest.raises(RuleBroken) as refused:
        _review(plan, chair=iro, held_on=date(2027, 5, 3))
    assert refused.value.problems == {
        "plan": ["The plan ended on 8 April 2027; a review conference cannot be recorded on a plan that has ended"]
    }


def test_a_review_may_add_objectives(case: Case, iro: StaffMember) -> None:
    plan = plan_from_conference(case, chair=iro)
    _review(
        plan,
        chair=iro,
        new_objectives=[
            ObjectiveDetails(
                "Ava sees the dentist",
                "Book and take Ava to a dentist",
                "Kerry Bennett",
                date(2027, 5, 1) + timedelta(days=0),
            )
        ],
    )
    assert plan.objectives.filter(added_on=date(2027, 4, 8)).count() == 1


# -- what the CIN census reads --------------------------------------------------------------------


def test_the_census_facts_of_a_plan_come_from_its_conferences(case: Case, iro: StaffMember) -> None:
    # given a plan from the conference on 13 January with two reviews, the second changing the category
    conference = initial_conference(case, chair=iro)
    plan = conference.plan
    assert plan is not None
    _review(plan, chair=iro)
    _review(plan, chair=iro, held_on=date(2027, 10, 5), latest_category=CategoryOfAbuse.EMOTIONAL)
    plan.refresh_from_db()
    case.enquiry.refresh_from_db()
    # then DateOfInitialCPC, the s47 end, CPPstartDate, the categories and CPPreviewDate all agree
    assert (conference.held_on, case.enquiry.ended_on, plan.started_on) == (ICPC_ON, ICPC_ON, ICPC_ON)
    assert (plan.initial_category, plan.latest_category, plan.previous_plans) == ("NEG", "EMO", 0)
    assert review_dates(plan) == [date(2027, 4, 8), date(2027, 10, 5)]
