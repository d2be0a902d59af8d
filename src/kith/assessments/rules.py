"""What makes an assessment, a strategy discussion or a section 47 enquiry acceptable.

Pure checks on records already read and values typed: no database. Each returns the
problems it found as ``{field: [message, ...]}``; empty means the change may be made.
Actions raise ``RuleBroken`` with them, so the form shows each message beside its field
and nothing is saved. Messages about dates name the dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from kith.assessments.models import (
    LONDON,
    Assessment,
    AssessmentKind,
    AssessmentOutcome,
    DiscussionMode,
    EnquiryOutcome,
    Section47Enquiry,
    StrategyDecision,
    StrategyDiscussion,
)
from kith.front_door.models import Referral
from kith.people.models import Person
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import AssessmentFactor

Problems = dict[str, list[str]]

# The homeless 16 and 17 year old assessment is for young people of these ages (HP24 ¶21).
HOMELESS_AGES = (16, 17)
MIN_PARTICIPANTS = 2
MIN_AGENCIES = 2


def _add(problems: Problems, field: str, message: str) -> None:
    problems.setdefault(field, []).append(message)


def _not_in_future(problems: Problems, field: str, label: str, value: date, today: date) -> None:
    if value > today:
        _add(problems, field, f"{label} ({long_date(value)}) must be today or in the past")


def _required(problems: Problems, field: str, value: str, message: str) -> None:
    if not value.strip():
        _add(problems, field, message)


def _open_referral(problems: Problems, field: str, referral: Referral) -> None:
    if referral.closed_on is not None:
        _add(
            problems,
            field,
            f"The referral of {long_date(referral.referral_date)} was closed on {long_date(referral.closed_on)}: "
            "no new work can be recorded on a closed referral",
        )


def _within_life(
    problems: Problems, field: str, what: str, value: date, child: Person, *, before_birth_ok: bool
) -> None:
    if child.date_of_death is not None and value > child.date_of_death:
        died = long_date(child.date_of_death)
        _add(problems, field, f"{what} ({long_date(value)}) cannot be after the child's death on {died}")
    if not before_birth_ok and child.date_of_birth is not None and value < child.date_of_birth:
        born = long_date(child.date_of_birth)
        _add(problems, field, f"{what} ({long_date(value)}) cannot be before the child's birth on {born}")


# --- the assessment's sections ------------------------------------------------------------------

# Every field a worker fills in while the assessment is in progress (``save_assessment``).
ANSWER_FIELDS = (
    "child_seen",
    "child_seen_alone",
    "child_spoken_to_alone",
    "why_not_seen",
    "child_views",
    "child_issues_follow_up",
    "parents_views",
    "professionals_views",
    "history_and_analysis",
    "analysis",
    "research_used",
    "risk_factors",
    "protective_factors",
    "steps_to_reduce_risk",
    "identity_needs",
    "identity_actions",
    "factors",
    "advised_of_right_to_be_looked_after_on",
    "accommodation_secured",
)


@dataclass(frozen=True)
class Section:
    """One task on the assessment's task list, filled in on its own page."""

    slug: str
    title: str
    fields: tuple[str, ...]
    kinds: frozenset[str] = frozenset(AssessmentKind.values)


SECTIONS = (
    Section(
        "child",
        "The child: seen, and their views",
        (
            "child_seen",
            "child_seen_alone",
            "child_spoken_to_alone",
            "why_not_seen",
            "child_views",
            "child_issues_follow_up",
        ),
    ),
    Section("views", "Family's and professionals' views", ("parents_views", "professionals_views")),
    Section("history", "History and analysis", ("history_and_analysis", "analysis", "research_used")),
    Section(
        "risk",
        "Risks, protective factors and steps to reduce risk",
        ("risk_factors", "protective_factors", "steps_to_reduce_risk"),
    ),
    Section("identity", "Identity and the actions to meet identity needs", ("identity_needs", "identity_actions")),
    Section("factors", "Factors identified", ("factors",)),
    Section(
        "rights",
        "Rights and accommodation",
        ("advised_of_right_to_be_looked_after_on", "accommodation_secured"),
        frozenset({AssessmentKind.HOMELESS_16_17}),
    ),
)
SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}


def sections_for(assessment: Assessment) -> list[Section]:
    return [section for section in SECTIONS if assessment.kind in section.kinds]


class SectionStatus(NamedTuple):
    section: Section
    status: str  # "Completed", "In progress", "Not yet started"


def section_statuses(assessment: Assessment) -> list[SectionStatus]:
    """Where each task stands: complete when nothing it holds is missing for completion."""
    gaps = completion_gaps(assessment)
    statuses = []
    for section in sections_for(assessment):
        started = any(_answered(getattr(assessment, name)) for name in section.fields)
        missing = any(name in gaps for name in section.fields)
        if not missing and started:
            status = "Completed"
        elif started:
            status = "In progress"
        else:
            status = "Not yet started"
        statuses.append(SectionStatus(section, status))
    return statuses


def _answered(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def factor_problems(factors: Iterable[str]) -> list[str]:
    """Factors must come from the census list, once each (rule 8898); "No factors" stands alone (rule 8869)."""
    chosen = list(factors)
    unknown = sorted(set(chosen) - set(AssessmentFactor.values))
    if unknown:
        return [f"Choose factors from the list ({', '.join(unknown)} is not one)"]
    if len(set(chosen)) != len(chosen):
        return ["Select each factor once"]
    if AssessmentFactor.NO_FACTORS in chosen and len(chosen) > 1:
        return ["Select 'No factors identified' on its own, or select the factors identified"]
    return []


def completion_gaps(assessment: Assessment) -> Problems:
    """What must be recorded before the assessment can be completed (R-002, R-020, R-024, R-032).

    Nothing about the child's being seen or their views is asked of a pre-birth assessment.
    """
    gaps: Problems = {}
    a = assessment
    if a.kind != AssessmentKind.PRE_BIRTH:
        if a.child_seen is None:
            _add(gaps, "child_seen", "Say whether the child was seen")
        elif a.child_seen:
            if a.child_seen_alone is None:
                _add(gaps, "child_seen_alone", "Say whether the child was seen alone")
            if a.child_spoken_to_alone is None:
                _add(gaps, "child_spoken_to_alone", "Say whether the child was spoken to alone")
        not_alone = a.child_seen is False or a.child_seen_alone is False or a.child_spoken_to_alone is False
        if not_alone and not a.why_not_seen.strip():
            _add(gaps, "why_not_seen", "Enter why the child was not seen, seen alone or spoken to alone")
        _required(
            gaps,
            "child_views",
            a.child_views,
            "Enter the child's views, or how their experience was understood if they could not give them",
        )
        _required(
            gaps,
            "child_issues_follow_up",
            a.child_issues_follow_up,
            "Enter how the issues the child raised are being followed up, or say they raised none",
        )
    _required(gaps, "risk_factors", a.risk_factors, "Enter the risk factors")
    _required(gaps, "protective_factors", a.protective_factors, "Enter the protective factors")
    _required(gaps, "steps_to_reduce_risk", a.steps_to_reduce_risk, "Enter the steps needed to reduce the risk")
    _required(
        gaps,
        "identity_needs",
        a.identity_needs,
        "Enter the child's identity needs: ethnicity, culture, religion, language and disability",
    )
    _required(gaps, "identity_actions", a.identity_actions, "Enter the actions to meet the child's identity needs")
    if not a.factors:
        _add(gaps, "factors", "Select the factors identified at assessment, or 'No factors identified'")
    if a.kind == AssessmentKind.HOMELESS_16_17 and a.advised_of_right_to_be_looked_after_on is None:
        _add(
            gaps,
            "advised_of_right_to_be_looked_after_on",
            "Enter the date the young person was advised of their rights, including the right to become looked after",
        )
    return gaps


# --- starting, saving, completing and authorising an assessment ----------------------------------


def start_problems(
    *,
    referral: Referral,
    child: Person,
    kind: str,
    started_on: date,
    connected_person: Person | None,
    open_assessments: Sequence[Assessment],
    today: date,
) -> Problems:
    problems: Problems = {}
    _open_referral(problems, "started_on", referral)
    if kind not in AssessmentKind.values:
        _add(problems, "kind", "Select the kind of assessment")
        return problems
    _not_in_future(problems, "started_on", "The start date", started_on, today)
    if started_on < referral.referral_date:
        _add(
            problems,
            "started_on",
            f"The assessment cannot start on {long_date(started_on)}, before the referral on "
            f"{long_date(referral.referral_date)}",
        )
    _kind_problems(problems, child=child, kind=kind, started_on=started_on, connected_person=connected_person)
    for other in open_assessments:
        if kind != AssessmentKind.CONNECTED_PERSON and other.is_about_the_child:
            _add(
                problems,
                "kind",
                f"The {other.get_kind_display().lower()} started on {long_date(other.started_on)} is still open: "
                "complete it before starting another",
            )
        elif (
            kind == AssessmentKind.CONNECTED_PERSON
            and connected_person is not None
            and other.connected_person_id == connected_person.pk
        ):
            _add(
                problems,
                "connected_person",
                f"An assessment of {connected_person.full_name} as a carer started on {long_date(other.started_on)} "
                "is still open",
            )
    return problems


def _kind_problems(
    problems: Problems, *, child: Person, kind: str, started_on: date, connected_person: Person | None
) -> None:
    """What each kind of assessment asks: a pre-birth one before the birth, a homeless young person
    aged 16 or 17, a connected person assessment naming the carer assessed."""
    pre_birth = kind == AssessmentKind.PRE_BIRTH
    _within_life(problems, "started_on", "The start date", started_on, child, before_birth_ok=pre_birth)
    if pre_birth and child.date_of_birth is not None and started_on >= child.date_of_birth:
        _add(
            problems,
            "kind",
            f"A pre-birth assessment starts before the birth: the child was born on {long_date(child.date_of_birth)}",
        )
    if kind == AssessmentKind.HOMELESS_16_17:
        age = child.age_on(started_on)
        if age not in HOMELESS_AGES:
            shown = "of unknown age" if age is None else f"{age} years old"
            _add(
                problems,
                "kind",
                f"This assessment is for young people aged 16 or 17: the child is {shown} on {long_date(started_on)}",
            )
    if kind == AssessmentKind.CONNECTED_PERSON:
        if connected_person is None:
            _add(problems, "connected_person", "Choose the family member or friend being assessed as a carer")
        elif connected_person.pk == child.pk:
            _add(problems, "connected_person", "Choose the family member or friend being assessed, not the child")
    elif connected_person is not None:
        _add(problems, "connected_person", "Only a connected person assessment names a carer being assessed")


def answer_problems(
    assessment: Assessment, answers: Mapping[str, object], *, referral: Referral, today: date
) -> Problems:
    """Saving work in progress: only what is typed wrongly is refused, never what is not yet typed."""
    problems: Problems = {}
    _open_referral(problems, "assessment", referral)
    if assessment.completed_on is not None:
        _add(
            problems,
            "assessment",
            f"This assessment was completed on {long_date(assessment.completed_on)}: it can no longer be changed",
        )
    unknown = sorted(set(answers) - set(ANSWER_FIELDS))
    if unknown:
        raise ValueError(f"Not an assessment answer: {', '.join(unknown)}")
    if "factors" in answers:
        factors = answers["factors"]
        assert isinstance(factors, list)
        for message in factor_problems(factors):
            _add(problems, "factors", message)
    advised = answers.get("advised_of_right_to_be_looked_after_on")
    if advised is not None:
        assert isinstance(advised, date)
        if assessment.kind != AssessmentKind.HOMELESS_16_17:
            _add(
                problems,
                "advised_of_right_to_be_looked_after_on",
                "Only a homeless 16 or 17 year old's assessment records this advice",
            )
        _not_in_future(problems, "advised_of_right_to_be_looked_after_on", "The date of the advice", advised, today)
    return problems


def completion_problems(
    assessment: Assessment,
    *,
    referral: Referral,
    completed_on: date,
    outcome: str,
    outcome_rationale: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if assessment.completed_on is not None:
        _add(problems, "completed_on", f"This assessment was already completed on {long_date(assessment.completed_on)}")
        return problems
    _open_referral(problems, "completed_on", referral)
    _not_in_future(problems, "completed_on", "The completion date", completed_on, today)
    if completed_on < assessment.started_on:
        _add(
            problems,
            "completed_on",
            f"The assessment cannot be completed on {long_date(completed_on)}, before it started on "
            f"{long_date(assessment.started_on)}",
        )
    advised = assessment.advised_of_right_to_be_looked_after_on
    if advised is not None and advised > completed_on:
        _add(
            problems,
            "completed_on",
            f"The young person was advised of their rights on {long_date(advised)}, after the completion date "
            f"({long_date(completed_on)})",
        )
    for field, messages in completion_gaps(assessment).items():
        for message in messages:
            _add(problems, field, message)
    for message in factor_problems(assessment.factors):
        _add(problems, "factors", message)
    if outcome not in AssessmentOutcome.values:
        _add(problems, "outcome", "Select the outcome of the assessment")
    _required(problems, "outcome_rationale", outcome_rationale, "Enter the reasons for the outcome")
    return problems


def authorisation_problems(
    assessment: Assessment, *, referral: Referral, authorised_on: date, rationale: str, today: date
) -> Problems:
    problems: Problems = {}
    if assessment.authorised_on is not None:
        already = long_date(assessment.authorised_on)
        _add(problems, "authorised_on", f"This assessment was already authorised on {already}")
        return problems
    if assessment.completed_on is None:
        _add(
            problems,
            "authorised_on",
            "The assessment has not been completed: it can be authorised once the social worker completes it",
        )
        return problems
    _open_referral(problems, "authorised_on", referral)
    _not_in_future(problems, "authorised_on", "The date of authorisation", authorised_on, today)
    if authorised_on < assessment.completed_on:
        _add(
            problems,
            "authorised_on",
            f"The assessment cannot be authorised on {long_date(authorised_on)}, before it was completed on "
            f"{long_date(assessment.completed_on)}",
        )
    _required(problems, "rationale", rationale, "Enter the reasons for authorising the assessment")
    return problems


# --- strategy discussions ---------------------------------------------------------------------------


class Participant(NamedTuple):
    """Someone who took part in a strategy discussion: named, with their agency (R-060)."""

    name: str
    agency: str
    role: str = ""


def health_took_part(participants: Iterable[Participant | tuple[str, str, str]]) -> bool:
    """Whether anyone from health took part (R-062: health was not routinely included, HT10 ¶23)."""
    return any(Participant(*person).agency == Agency.HEALTH for person in participants)


def participant_problems(participants: Sequence[Participant]) -> list[str]:
    messages = []
    named = []
    for number, person in enumerate(participants, start=1):
        name, agency = person.name.strip(), person.agency
        if not name and not agency and not person.role.strip():
            continue
        if not name:
            messages.append(f"Person {number}: enter their name")
        if agency not in Agency.values:
            whose = f"{name}'s" if name else "their"
            messages.append(f"Person {number}: select {whose} agency")
        if name and agency in Agency.values:
            named.append(person)
    if len(named) < MIN_PARTICIPANTS:
        messages.append("Name at least two people who took part, each with their agency")
    elif len({person.agency for person in named}) < MIN_AGENCIES:
        messages.append("A strategy discussion involves more than one agency: name people from at least two agencies")
    return messages


def strategy_discussion_problems(
    *,
    referral: Referral,
    child: Person,
    held_at: datetime,
    mode: str,
    participants: Sequence[Participant],
    information_shared: str,
    risk_analysis: str,
    decision: str,
    rationale: str,
    now: datetime,
) -> Problems:
    problems: Problems = {}
    _open_referral(problems, "held_at", referral)
    held_on = held_at.astimezone(LONDON).date()
    today = now.astimezone(LONDON).date()
    if held_on > today:
        _add(
            problems,
            "held_at",
            f"The date of the strategy discussion ({long_date(held_on)}) must be today or in the past",
        )
    elif held_at > now:
        _add(problems, "held_at", "The time of the strategy discussion must be in the past")
    if held_on < referral.referral_date:
        _add(
            problems,
            "held_at",
            f"The strategy discussion cannot be held on {long_date(held_on)}, before the referral on "
            f"{long_date(referral.referral_date)}",
        )
    _within_life(problems, "held_at", "The strategy discussion", held_on, child, before_birth_ok=True)
    if mode not in DiscussionMode.values:
        _add(problems, "mode", "Select whether it was a meeting or a discussion")
    for message in participant_problems(participants):
        _add(problems, "participants", message)
    _required(problems, "information_shared", information_shared, "Enter the information shared")
    _required(problems, "risk_analysis", risk_analysis, "Enter the analysis of risk")
    if decision not in StrategyDecision.values:
        _add(problems, "decision", "Select the decision: a section 47 enquiry (single-agency or joint), or none")
    _required(problems, "rationale", rationale, "Enter the reasons for the decision")
    return problems


# --- section 47 enquiries --------------------------------------------------------------------------


def section_47_start_problems(
    *,
    discussion: StrategyDiscussion,
    referral: Referral,
    started_on: date,
    open_enquiry: Section47Enquiry | None,
    assessment: Assessment | None,
    today: date,
) -> Problems:
    problems: Problems = {}
    _open_referral(problems, "started_on", referral)
    if not discussion.decided_section_47:
        _add(
            problems,
            "started_on",
            f"The strategy discussion on {long_date(discussion.held_on)} decided not to make section 47 enquiries: "
            "hold a new strategy discussion first",
        )
    _not_in_future(problems, "started_on", "The start date", started_on, today)
    if started_on < discussion.held_on:
        _add(
            problems,
            "started_on",
            f"The section 47 enquiry cannot start on {long_date(started_on)}, before the strategy discussion on "
            f"{long_date(discussion.held_on)}",
        )
    if open_enquiry is not None:
        _add(
            problems,
            "started_on",
            f"The section 47 enquiry started on {long_date(open_enquiry.started_on)} is still open: "
            "complete it before starting another",
        )
    if assessment is not None and assessment.referral_id != referral.pk:
        _add(problems, "assessment", "Choose an assessment made under this referral")
    return problems


def section_47_completion_problems(
    enquiry: Section47Enquiry,
    *,
    referral: Referral,
    ended_on: date,
    outcome: str,
    findings: str,
    child_seen: bool | None,
    child_seen_alone: bool | None,
    why_not_seen: str,
    outcome_rationale: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if enquiry.ended_on is not None:
        _add(problems, "ended_on", f"This section 47 enquiry already ended on {long_date(enquiry.ended_on)}")
        return problems
    _open_referral(problems, "ended_on", referral)
    _not_in_future(problems, "ended_on", "The end date", ended_on, today)
    if ended_on < enquiry.started_on:
        _add(
            problems,
            "ended_on",
            f"The section 47 enquiry cannot end on {long_date(ended_on)}, before it started on "
            f"{long_date(enquiry.started_on)}",
        )
    if outcome not in EnquiryOutcome.values:
        _add(
            problems,
            "outcome",
            "Select the outcome: initial child protection conference, child in need plan or no further action",
        )
    _required(problems, "findings", findings, "Enter the findings of the enquiry")
    if child_seen is None:
        _add(problems, "child_seen", "Say whether the child was seen")
    elif child_seen and child_seen_alone is None:
        _add(problems, "child_seen_alone", "Say whether the child was seen alone")
    if (child_seen is False or child_seen_alone is False) and not why_not_seen.strip():
        _add(problems, "why_not_seen", "Enter why the child was not seen, or not seen alone")
    _required(problems, "outcome_rationale", outcome_rationale, "Enter the reasons for the outcome")
    return problems
