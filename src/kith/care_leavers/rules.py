"""What makes leaving care work acceptable: pure checks naming the dates and codes they compare.

The 903 rules behind a check are named in brackets.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from kith.care_leavers.eligibility import CareLeaverStatus, Eligibility, anniversary
from kith.care_leavers.models import (
    ARRANGEMENT_ACCOMMODATION,
    OC3_BIRTHDAYS,
    Arrangement,
    ChangeDecision,
    ContactKind,
    Entitlement,
    LeavingCareSupport,
    PathwayPlan,
    SupportDecision,
)
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import add_months, long_date
from kith.platform.reference.ssda903 import (
    ALWAYS_UNSUITABLE_ACCOMMODATION,
    Accommodation,
    Activity,
    InTouch,
)

# The 903 guide asks for the young person's circumstances "around" the birthday: from three months
# before it to one month after (DfE SSDA903 guide; not in returns.md, so checked against the guide).
MONTHS_BEFORE_BIRTHDAY = 3
MONTHS_AFTER_BIRTHDAY = 1


@dataclass(frozen=True)
class NeedsDetails:
    """What the needs assessment found, in the matters it must cover (CPPCR 2010 Sch 8)."""

    young_person_views: str
    health_and_development: str
    education_training_employment: str
    family_and_relationships: str
    practical_skills_and_money: str
    accommodation: str


NEEDS_MESSAGES = {
    "young_person_views": "Record the young person's views, in their words where you can",
    "health_and_development": "Record their health and development needs",
    "education_training_employment": "Record their education, training and employment needs",
    "family_and_relationships": "Record the support they have from family and friends",
    "practical_skills_and_money": "Record their practical skills and money management",
    "accommodation": "Record their accommodation needs",
}


@dataclass(frozen=True)
class PlanDetails:
    """What a pathway plan says (Care Leavers Regulations 2010 Sch 1; R-051, R-053)."""

    young_person_views: str
    accommodation: str
    education_training_employment: str
    health_and_wellbeing: str
    finance: str
    support_network: str
    contingency: str


PLAN_MESSAGES = {
    "young_person_views": "Record the young person's views on their plan",
    "accommodation": "Say where the young person will live and the support there",
    "education_training_employment": "Say what the plan is for education, training or work",
    "health_and_wellbeing": "Say how their health and emotional wellbeing will be supported",
    "finance": "Say what money they will have and the financial support",
    "support_network": "Say who supports them: family, friends and professionals",
    "contingency": "Say what happens if the plan does not work out",
}


def _all_said(details: Any, messages: dict[str, str]) -> Problems:
    problems: Problems = {}
    for each in fields(details):
        required(problems, each.name, getattr(details, each.name), messages[each.name])
    return problems


def merge(*found: Problems) -> Problems:
    problems: Problems = {}
    for each in found:
        for field, messages in each.items():
            problems.setdefault(field, []).extend(messages)
    return problems


def support_date_problems(support: LeavingCareSupport, *, on: date, field: str, label: str, today: date) -> Problems:
    """Leaving care work is dated from the day the young person became eligible to the day before they turn 25."""
    child = support.child
    problems = dated_work_problems(field, label, on, child=child, today=today)
    if on < support.became_eligible_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before {child.full_name} became eligible for leaving care support "
            f"({long_date(support.became_eligible_on)})",
        )
    if child.date_of_birth is not None:
        twenty_fifth = anniversary(child.date_of_birth, years=25)
        if on >= twenty_fifth:
            add(
                problems,
                field,
                f"{label} ({long_date(on)}) is on or after {child.full_name}'s 25th birthday "
                f"({long_date(twenty_fifth)}), when leaving care support ends",
            )
    return problems


def start_problems(child: Any, *, status: Eligibility, on: date, today: date, already_started: bool) -> Problems:
    problems = dated_work_problems("on", "The date", on, child=child, today=today)
    if already_started:
        add(problems, "on", f"Leaving care support for {child.full_name} has already started")
    elif status.status is not CareLeaverStatus.ELIGIBLE:
        add(
            problems,
            "on",
            f"{child.full_name} is not an eligible child on {long_date(on)} "
            f"({status.status.label.lower()}: {status.reason})",
        )
    return problems


def needs_assessment_problems(
    support: LeavingCareSupport, *, completed_on: date, details: NeedsDetails, today: date, already_on: date | None
) -> Problems:
    problems = support_date_problems(
        support, on=completed_on, field="completed_on", label="The needs assessment", today=today
    )
    if already_on is not None:
        add(problems, "completed_on", f"The needs assessment was completed on {long_date(already_on)}")
    return merge(problems, _all_said(details, NEEDS_MESSAGES))


def adviser_problems(
    support: LeavingCareSupport,
    *,
    adviser: Any,
    allocated_on: date,
    today: date,
    current: Any,
    adviser_reaches_the_record: bool,
) -> Problems:
    child = support.child
    problems = support_date_problems(
        support, on=allocated_on, field="allocated_on", label="The allocation", today=today
    )
    if adviser.role != "personal_adviser" or not adviser.is_active:
        add(problems, "adviser", f"{adviser.full_name} is not a personal adviser in post")
    elif current is not None and current.adviser_id == adviser.pk:
        add(problems, "adviser", f"{adviser.full_name} is already {child.full_name}'s personal adviser")
    elif current is not None and allocated_on < current.allocated_on:
        add(
            problems,
            "allocated_on",
            f"{current.adviser.full_name} has been the personal adviser since {long_date(current.allocated_on)}: "
            "the new adviser cannot start before that",
        )
    elif not adviser_reaches_the_record:
        add(
            problems,
            "adviser",
            f"{adviser.full_name} cannot open {child.full_name}'s record: allocate the case to their team first",
        )
    return problems


def plan_problems(
    support: LeavingCareSupport,
    *,
    agreed_on: date,
    details: PlanDetails,
    copy_given_on: date | None,
    today: date,
    field: str = "agreed_on",
    label: str = "The pathway plan",
) -> Problems:
    problems = support_date_problems(support, on=agreed_on, field=field, label=label, today=today)
    if copy_given_on is not None:
        problems = merge(problems, copy_problems(agreed_on=agreed_on, given_on=copy_given_on, today=today))
    return merge(problems, _all_said(details, PLAN_MESSAGES))


def agree_plan_problems(
    support: LeavingCareSupport,
    *,
    agreed_on: date,
    details: PlanDetails,
    copy_given_on: date | None,
    today: date,
    in_force: PathwayPlan | None,
    assessed_on: date | None,
) -> Problems:
    problems = plan_problems(support, agreed_on=agreed_on, details=details, copy_given_on=copy_given_on, today=today)
    if in_force is not None:
        add(
            problems,
            "agreed_on",
            f"A pathway plan agreed on {long_date(in_force.agreed_on)} is in force: review it to change it",
        )
    if assessed_on is None:
        add(problems, "agreed_on", "Complete the needs assessment first: the pathway plan is prepared from it")
    elif agreed_on < assessed_on:
        add(
            problems,
            "agreed_on",
            f"The pathway plan ({long_date(agreed_on)}) is before the needs assessment it is prepared from "
            f"({long_date(assessed_on)})",
        )
    return problems


def review_plan_problems(
    plan: PathwayPlan,
    support: LeavingCareSupport,
    *,
    reviewed_on: date,
    details: PlanDetails,
    what_changed: str,
    copy_given_on: date | None,
    today: date,
) -> Problems:
    problems = plan_problems(
        support,
        agreed_on=reviewed_on,
        details=details,
        copy_given_on=copy_given_on,
        today=today,
        field="reviewed_on",
        label="The review",
    )
    if plan.replaced_on is not None:
        add(
            problems,
            "reviewed_on",
            f"This version was replaced on {long_date(plan.replaced_on)}: review the plan in force",
        )
    elif reviewed_on < plan.agreed_on:
        add(
            problems,
            "reviewed_on",
            f"The review ({long_date(reviewed_on)}) is before the plan it reviews was agreed "
            f"({long_date(plan.agreed_on)})",
        )
    required(
        problems, "what_changed", what_changed, "Say what changed, including any change the young person asked for"
    )
    return problems


def copy_problems(*, agreed_on: date, given_on: date, today: date, already_on: date | None = None) -> Problems:
    problems: Problems = {}
    if already_on is not None:
        add(problems, "copy_given_on", f"A copy was given on {long_date(already_on)}")
    if given_on > today:
        add(problems, "copy_given_on", f"The copy given ({long_date(given_on)}) must be today or in the past")
    if given_on < agreed_on:
        add(
            problems,
            "copy_given_on",
            f"A copy cannot be given ({long_date(given_on)}) before the plan was agreed ({long_date(agreed_on)})",
        )
    return problems


def contact_problems(
    support: LeavingCareSupport, *, contact_on: date, kind: str, where: str, notes: str, today: date
) -> Problems:
    problems = support_date_problems(support, on=contact_on, field="contact_on", label="The contact", today=today)
    if kind not in ContactKind.values:
        add(problems, "kind", "Choose how you were in touch")
    elif kind == ContactKind.SEEN:
        required(problems, "where", where, "Say where you saw the young person")
    required(problems, "notes", notes, "Record what was talked about and what you noticed")
    return problems


def accommodation_problems(
    support: LeavingCareSupport,
    *,
    moved_on: date,
    accommodation: str,
    suitable: bool | None,
    description: str,
    looked_after: bool,
    today: date,
    arrangement: str = "",
) -> Problems:
    child = support.child
    problems = support_date_problems(support, on=moved_on, field="moved_on", label="The move", today=today)
    if arrangement and arrangement not in Arrangement.values:
        add(problems, "arrangement", "Choose the arrangement, or none of these")
    elif arrangement and (needed := ARRANGEMENT_ACCOMMODATION.get(Arrangement(arrangement))) not in {
        None,
        accommodation,
    }:
        assert needed is not None
        add(
            problems,
            "arrangement",
            f"{Arrangement(arrangement).label.split(' (')[0]} is recorded as {needed.label.lower()} ({needed.value})",
        )
    if looked_after:
        add(
            problems,
            "moved_on",
            f"{child.full_name} was looked after on {long_date(moved_on)}: record a move in care as a placement move",
        )
    return merge(
        problems,
        _accommodation_code_problems(accommodation, suitable, field="accommodation", known_required=True),
        _description_problems(description),
    )


def _description_problems(description: str) -> Problems:
    problems: Problems = {}
    required(problems, "description", description, "Say where the young person lives (the address or provider)")
    return problems


def _accommodation_code_problems(
    accommodation: str, suitable: bool | None, *, field: str, known_required: bool
) -> Problems:
    """A 903 accommodation letter with its suitability; S and X only as unsuitable (rule 133)."""
    problems: Problems = {}
    if not accommodation:
        if known_required:
            add(problems, field, "Choose the kind of accommodation")
        elif suitable is not None:
            add(problems, "accommodation_suitable", "Suitability goes with a known accommodation")
        return problems
    if accommodation not in Accommodation.values:
        add(problems, field, f"{accommodation} is not a 903 accommodation code")
        return problems
    if suitable is None:
        add(problems, "accommodation_suitable", "Say whether the accommodation is suitable")
    elif suitable and accommodation in ALWAYS_UNSUITABLE_ACCOMMODATION:
        add(
            problems,
            "accommodation_suitable",
            f"{Accommodation(accommodation).label} is always recorded as unsuitable ({accommodation}2)",
        )
    return problems


def birthday_window(birthday_on: date) -> tuple[date, date]:
    """The days on which the birthday's information may be gathered: 3 months before to 1 month after."""
    return add_months(birthday_on, -MONTHS_BEFORE_BIRTHDAY), add_months(birthday_on, MONTHS_AFTER_BIRTHDAY)


def birthday_problems(
    support: LeavingCareSupport,
    *,
    birthday: int,
    contact_on: date,
    in_touch: str,
    activity: str,
    accommodation: str,
    accommodation_suitable: bool | None,
    status_on_birthday: Eligibility | None,
    already_recorded: bool,
    today: date,
) -> Problems:
    child = support.child
    problems = dated_work_problems("contact_on", "The contact", contact_on, child=child, today=today)
    if birthday not in OC3_BIRTHDAYS or child.date_of_birth is None:
        add(problems, "birthday", "Choose the 17th, 18th, 19th, 20th or 21st birthday")
    else:
        birthday_on = anniversary(child.date_of_birth, years=birthday)
        first, last = birthday_window(birthday_on)
        if already_recorded:
            add(problems, "birthday", f"The information for the {ordinal(birthday)} birthday is already recorded")
        if not first <= contact_on <= last:
            add(
                problems,
                "contact_on",
                f"The contact ({long_date(contact_on)}) is outside the 903 window for the {ordinal(birthday)} "
                f"birthday: {long_date(first)} to {long_date(last)}",
            )
        if status_on_birthday is not None and status_on_birthday.status not in {
            CareLeaverStatus.RELEVANT,
            CareLeaverStatus.FORMER_RELEVANT,
        }:
            add(
                problems,
                "birthday",
                f"{child.full_name} was not a care leaver who had left care on their {ordinal(birthday)} birthday "
                f"({long_date(birthday_on)}: {status_on_birthday.reason}); the 903 does not ask (rules 1007, 1016)",
            )
        if birthday == 17 and accommodation == Accommodation.FORMER_FOSTER_CARERS:
            add(
                problems,
                "accommodation",
                "At the 17th birthday the accommodation cannot be former foster carers (rule 3001)",
            )
        if birthday == 17 and accommodation == Accommodation.FOYER:
            add(problems, "accommodation", "A care leaver under 18 cannot be accommodated in a foyer (rule 347)")
    if in_touch not in InTouch.values:
        add(problems, "in_touch", "Choose whether the council was in touch")
    if activity not in Activity.values:
        add(problems, "activity", "Choose the young person's main activity")
    if in_touch == InTouch.YES:
        if activity == Activity.NOT_KNOWN:
            add(problems, "activity", "In touch: record the young person's main activity, not 0 (rule 345)")
        if not accommodation:
            add(problems, "accommodation", "In touch: record the young person's accommodation, not 0 (rule 345)")
    return merge(
        problems,
        _accommodation_code_problems(
            accommodation, accommodation_suitable, field="accommodation", known_required=False
        ),
    )


def ordinal(n: int) -> str:
    return f"{n}{'st' if n % 10 == 1 and n != 11 else 'th'}"


# The choice about support after 21 is asked in the months before the birthday.
MONTHS_BEFORE_21_TO_ASK = 3


def support_after_21_problems(
    support: LeavingCareSupport,
    *,
    decided_on: date,
    decision: str,
    young_person_views: str,
    latest: str | None,
    today: date,
) -> Problems:
    """``latest``: the young person's last recorded decision. They choose once at 21 (from 3 months before), may
    stop later, and may ask again after stopping, up to 25 (Children and Social Work Act 2017 s.3)."""
    child = support.child
    problems = support_date_problems(support, on=decided_on, field="decided_on", label="The decision", today=today)
    required(problems, "young_person_views", young_person_views, "Record what the young person said")
    if decision not in SupportDecision.values or child.date_of_birth is None:
        add(problems, "decision", "Choose the young person's decision")
        return problems
    twenty_first = anniversary(child.date_of_birth, years=21)
    earliest = add_months(twenty_first, -MONTHS_BEFORE_21_TO_ASK)
    if decision == SupportDecision.OPT_BACK_IN:
        if latest != SupportDecision.STOP:
            add(problems, "decision", f"{child.full_name} has not said they want no support: nothing to opt back into")
        if decided_on < twenty_first:
            add(
                problems,
                "decided_on",
                f"Opting back in is from the 21st birthday ({long_date(twenty_first)}); {long_date(decided_on)} is "
                "before it",
            )
        return problems
    if decided_on < earliest:
        add(
            problems,
            "decided_on",
            f"The choice about support after 21 is made from {long_date(earliest)}, three months before "
            f"{child.full_name}'s 21st birthday ({long_date(twenty_first)})",
        )
    if decision == SupportDecision.CONTINUE and latest is not None:
        add(problems, "decision", f"The choice at 21 is recorded: {SupportDecision(latest).label.lower()}")
    if decision == SupportDecision.STOP and latest == SupportDecision.STOP:
        add(problems, "decision", f"{child.full_name} has already said they want no support after 21")
    return problems


def entitlement_problems(
    support: LeavingCareSupport, *, entitlement: str, explained_on: date, already_on: date | None, today: date
) -> Problems:
    problems = support_date_problems(
        support, on=explained_on, field="explained_on", label="The explanation", today=today
    )
    if entitlement not in Entitlement.values:
        add(problems, "entitlement", "Choose the entitlement")
    elif already_on is not None:
        add(
            problems,
            "entitlement",
            f"{Entitlement(entitlement).label} was explained on {long_date(already_on)}",
        )
    return problems


def taken_up_problems(
    support: LeavingCareSupport,
    *,
    entitlement: str,
    taken_up_on: date,
    explained_on: date | None,
    already_on: date | None,
    today: date,
) -> Problems:
    problems = support_date_problems(support, on=taken_up_on, field="taken_up_on", label="The date", today=today)
    label = Entitlement(entitlement).label if entitlement in Entitlement.values else "The entitlement"
    if explained_on is None:
        add(problems, "entitlement", f"{label} has not been explained yet: record that first")
    elif already_on is not None:
        add(problems, "entitlement", f"{label} was taken up on {long_date(already_on)}")
    elif taken_up_on < explained_on:
        add(
            problems,
            "taken_up_on",
            f"The date ({long_date(taken_up_on)}) is before {label.lower()} was explained ({long_date(explained_on)})",
        )
    return problems


def handover_problems(
    support: LeavingCareSupport, *, handed_over_on: date, from_team: Any, to_team: Any, handed_over: str, today: date
) -> Problems:
    problems = support_date_problems(
        support, on=handed_over_on, field="handed_over_on", label="The handover", today=today
    )
    if from_team is None:
        add(problems, "from_team", "Choose the team handing over")
    if to_team is None:
        add(problems, "to_team", "Choose the team taking over")
    if from_team is not None and to_team is not None and from_team.pk == to_team.pk:
        add(problems, "to_team", f"The case is handed from {from_team.name} to another team")
    required(problems, "handed_over", handed_over, "Say what was handed over")
    return problems


def parenthood_problems(child: Any, *, baby_born_on: date, support_given: str, today: date) -> Problems:
    problems = dated_work_problems("baby_born_on", "The baby's birth", baby_born_on, child=child, today=today)
    required(problems, "support_given", support_given, "Record the support given to the young person and their baby")
    return problems


def change_request_problems(
    plan: PathwayPlan,
    *,
    requested_on: date,
    what_was_asked: str,
    decision: str,
    decided_on: date,
    how_handled: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if requested_on > today:
        add(problems, "requested_on", f"The request ({long_date(requested_on)}) must be today or in the past")
    if requested_on < plan.agreed_on:
        add(
            problems,
            "requested_on",
            f"The request ({long_date(requested_on)}) is before the plan was agreed ({long_date(plan.agreed_on)})",
        )
    if decided_on > today:
        add(problems, "decided_on", f"The decision ({long_date(decided_on)}) must be today or in the past")
    if decided_on < requested_on:
        add(
            problems,
            "decided_on",
            f"The decision ({long_date(decided_on)}) is before the request ({long_date(requested_on)})",
        )
    if decision not in ChangeDecision.values:
        add(problems, "decision", "Choose whether the change was agreed")
    required(problems, "what_was_asked", what_was_asked, "Record what the young person asked to change")
    required(problems, "how_handled", how_handled, "Say how the request was handled and what the young person was told")
    return problems
