"""What makes becoming looked after, a move, a change of legal status or leaving care acceptable.

Pure checks: each returns ``{field: [message, ...]}`` (empty when the change may be made) and
the actions raise ``RuleBroken`` with it, so nothing is half-saved. Messages name the dates
and codes they compare. The SSDA903 validator rules behind a check are named in brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from kith.children_in_care.models import Episode, PeriodOfCare, Placement
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.cin_census import PrimaryNeed
from kith.platform.reference.ssda903 import (
    ADOPTED,
    ADOPTIVE_PLACEMENTS,
    CONNECTED_PERSON_PLACEMENTS,
    FOSTER_PLACEMENTS,
    LEGAL_STATUSES_NO_LONGER_MADE,
    PLACEMENT_ORDER_PLACEMENTS,
    PLACEMENT_TYPES_NO_LONGER_USED,
    PLACEMENTS_WITHOUT_PROVIDER,
    PLACEMENTS_WITHOUT_URN,
    TEMPORARY_PLACEMENTS,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    PreviousPermanence,
    ReasonEpisodeCeased,
    ReasonPlacementChange,
)

# Placements for adoption with the parents' consent under section 19 (the others need a placement order).
CONSENT_PLACEMENTS = frozenset(ADOPTIVE_PLACEMENTS - PLACEMENT_ORDER_PLACEMENTS)
# A placement plan can be agreed before the placement starts, for a planned admission, but not months before.
PLAN_AHEAD_DAYS = 28
# Permanence orders a child may have had before care, which the return wants with the council and date.
ORDERS_BEFORE_CARE = frozenset({"P1", "P2", "P3"})
# Placed for adoption with the current foster carers: the 903 wants the episode to begin with S, T or U.
ADOPTION_WITH_CURRENT_CARERS = frozenset(
    {PlacementType.ADOPTION_CONSENT_CURRENT_CARER, PlacementType.ADOPTION_ORDER_CURRENT_CARER}
)
# A UK postcode, written with or without its space (the return's HOME_POST and PL_POST).
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
# Ofsted's unique reference numbers: "SC" and six digits for social care, or six or seven digits.
URN = re.compile(r"^(SC[0-9]{6}|[0-9]{6,7})$")
# Categories of need the 903 accepts (rule 145): N1–N8, not N9 or N0.
CATEGORIES_OF_NEED = frozenset(code for code in PrimaryNeed.values if code not in {"N9", "N0"})


def merge(*found: Problems) -> Problems:
    problems: Problems = {}
    for each in found:
        for field, messages in each.items():
            problems.setdefault(field, []).extend(messages)
    return problems


def normalise_postcode(value: str) -> str:
    """Upper case with one space before the inward code: "ts248ab" → "TS24 8AB"."""
    compact = re.sub(r"\s+", "", value).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


@dataclass(frozen=True)
class PlacementDetails:
    """A placement as the worker describes it, before it is saved."""

    placement_type: str
    carer: str
    postcode: str
    home_postcode: str
    in_area: bool
    planned: bool
    provider: str = ""
    urn: str = ""
    host_authority: str = ""
    distance_miles: Decimal | None = None
    matching: str = ""
    siblings_placed_together: bool | None = None
    temporary_approval: bool = False
    unregistered: bool = False


def anniversary(day: date, *, years: int) -> date:
    """The same day ``years`` later; 29 February falls on 1 March in a year that has none."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def eighteenth_birthday(child: Any) -> date | None:
    born = child.date_of_birth
    return None if born is None else anniversary(born, years=18)


def placement_problems(
    details: PlacementDetails,
    *,
    legal_status: str,
    category_of_need: str,
    starts_on: date | None = None,
    consent_to_place_on: date | None = None,
) -> Problems:
    """A placement in the return's codes, with the provider, URN and postcodes the return needs."""
    return merge(
        _type_problems(
            details, legal_status=legal_status, starts_on=starts_on, consent_to_place_on=consent_to_place_on
        ),
        _provider_problems(details),
        _where_problems(details, category_of_need=category_of_need),
    )


def _type_problems(
    details: PlacementDetails, *, legal_status: str, starts_on: date | None, consent_to_place_on: date | None
) -> Problems:
    problems: Problems = {}
    kind = details.placement_type
    if kind not in PlacementType.values:
        add(problems, "placement_type", "Choose the type of placement")
    elif kind in PLACEMENT_TYPES_NO_LONGER_USED:
        add(
            problems,
            "placement_type",
            f"Placement type {kind} is no longer collected: choose the code that now describes the placement",
        )
    elif kind in PLACEMENT_ORDER_PLACEMENTS and legal_status != LegalStatus.PLACEMENT_ORDER:
        add(
            problems,
            "placement_type",
            f"Placement type {kind} is a placement for adoption under a placement order, but the legal status "
            f"is {legal_status}: record the placement order (E1) first",
        )
    elif kind == PlacementType.WITH_PARENTS and legal_status == LegalStatus.SECTION_20:
        add(
            problems,
            "placement_type",
            "A child accommodated under section 20 is not placed with their parents: a placement with parents (P1) "
            "needs a care order, interim or full (903 rule 378)",
        )
    elif kind in CONSENT_PLACEMENTS and (consent_to_place_on is None or starts_on is None):
        add(
            problems,
            "placement_type",
            f"Placement type {kind} is a placement for adoption with consent: record the parents' consent under "
            "section 19 as the authority to place first",
        )
    elif (
        kind in CONSENT_PLACEMENTS and starts_on is not None and consent_to_place_on and consent_to_place_on > starts_on
    ):
        add(
            problems,
            "placement_type",
            f"Placement type {kind} needs the parents' consent, given on {long_date(consent_to_place_on)}, "
            f"after the placement starts ({long_date(starts_on)})",
        )
    if details.temporary_approval and kind not in CONNECTED_PERSON_PLACEMENTS:
        add(
            problems,
            "temporary_approval",
            "Temporary approval (reg 24) is for a relative or friend as foster carer: placement types U1, U2 and U3",
        )
    required(problems, "carer", details.carer, "Enter the carer, home or provider")
    return problems


def _provider_problems(details: PlacementDetails) -> Problems:
    """The provider is blank for temporary and Z1x placements (rules 178, 213); PR0 goes with P1 only."""
    problems: Problems = {}
    kind = details.placement_type
    if details.provider and details.provider not in PlacementProvider.values:
        add(problems, "provider", "Choose who provides the placement")
    elif kind in PLACEMENTS_WITHOUT_PROVIDER and details.provider:
        add(problems, "provider", f"A placement of type {kind} has no provider: leave it blank (rules 178, 213)")
    elif kind in PlacementType.values and kind not in PLACEMENTS_WITHOUT_PROVIDER and not details.provider:
        add(problems, "provider", "Choose who provides the placement")
    elif details.provider == PlacementProvider.PARENTS and kind != PlacementType.WITH_PARENTS:
        add(problems, "provider", "Provision by parents (PR0) is only for a placement with parents (P1)")
    elif kind == PlacementType.WITH_PARENTS and details.provider != PlacementProvider.PARENTS:
        add(problems, "provider", "A placement with parents (P1) is provided by the parents (PR0)")
    if details.urn and kind in PLACEMENTS_WITHOUT_URN:
        add(problems, "urn", f"A placement of type {kind} has no Ofsted URN: leave it blank (903 rule 222)")
    elif details.urn and not URN.match(details.urn.strip().upper()):
        add(problems, "urn", "Enter the Ofsted URN as it appears on the inspection report, like SC123456")
    return problems


def _where_problems(details: PlacementDetails, *, category_of_need: str) -> Problems:
    problems: Problems = {}
    for field, value, label in (
        ("postcode", details.postcode, "the placement's postcode"),
        ("home_postcode", details.home_postcode, "the child's home postcode"),
    ):
        if not value.strip():
            add(problems, field, f"Enter {label}")
        elif not POSTCODE.match(normalise_postcode(value)):
            add(problems, field, f"Enter {label} as a full UK postcode, like TS24 8AB")
    # Only a placement with parents is at the family's home (903 rule 392d). A child whose parents are absent
    # (N8, as every unaccompanied child's are) may have no home but where they are placed: the 903 leaves an
    # unaccompanied child's home postcode out (rule 406), so the worker may give the placement's.
    placed_at = normalise_postcode(details.postcode)
    if (
        details.placement_type != PlacementType.WITH_PARENTS
        and category_of_need != PrimaryNeed.ABSENT_PARENTING
        and POSTCODE.match(placed_at)
        and placed_at == normalise_postcode(details.home_postcode)
    ):
        add(
            problems,
            "postcode",
            f"The placement's postcode is the child's home postcode ({placed_at}): only a placement with parents "
            "(P1) is at home. Check both postcodes (903 rule 392d)",
        )
    if not details.in_area and not details.host_authority.strip():
        add(problems, "host_authority", "Enter the council the child is placed in")
    if details.distance_miles is not None and details.distance_miles < 0:
        add(problems, "distance_miles", "The distance from home cannot be negative")
    return problems


def legal_status_problems(legal_status: str) -> Problems:
    problems: Problems = {}
    if legal_status not in LegalStatus.values:
        add(problems, "legal_status", "Choose the legal status")
    elif legal_status in LEGAL_STATUSES_NO_LONGER_MADE:
        add(problems, "legal_status", f"A {LegalStatus(legal_status).label.lower()} can no longer be made")
    return problems


def entry_problems(
    child: Any,
    *,
    started_on: date,
    today: date,
    legal_status: str,
    category_of_need: str,
    reason_for_care: str,
    alternatives_considered: str,
    decision: Any,
    route: str,
    routes: list[str],
    placement: PlacementDetails,
    open_period: PeriodOfCare | None,
    last_period: PeriodOfCare | None,
) -> Problems:
    """Becoming looked after: a child under 18, not already in care, on or after the last period ended,
    with the manager's decision to accommodate, why, and what was considered first."""
    problems = dated_work_problems(
        "started_on", "The date the child became looked after", started_on, child=child, today=today
    )
    if child.date_of_birth is None:
        add(problems, "started_on", f"{child.full_name} has no date of birth: a child must be born to be looked after")
    adult_on = eighteenth_birthday(child)
    if adult_on is not None and started_on >= adult_on:
        add(
            problems,
            "started_on",
            f"{child.full_name} was 18 on {long_date(adult_on)}: a child can only become looked after before then",
        )
    if open_period is not None:
        add(
            problems,
            "started_on",
            f"{child.full_name} has been looked after since {long_date(open_period.started_on)}: "
            "record a move or a change of legal status instead",
        )
    elif last_period is not None and last_period.ended_on is not None and started_on < last_period.ended_on:
        add(
            problems,
            "started_on",
            f"The new period of care ({long_date(started_on)}) would start before the last one ended "
            f"({long_date(last_period.ended_on)})",
        )
    if route not in routes:
        add(problems, "route", "Say how the child came into care")
    if category_of_need not in CATEGORIES_OF_NEED:
        add(problems, "category_of_need", "Choose the category of need, N1 to N8")
    required(problems, "reason_for_care", reason_for_care, "Say why the child is becoming looked after")
    required(
        problems,
        "alternatives_considered",
        alternatives_considered,
        "Say what was tried or considered first, including care by the wider family",
    )
    if decision is None:
        add(problems, "decision", "Choose the manager's decision that the child should be looked after")
    else:
        if decision.child_id != child.pk:
            add(problems, "decision", "The decision chosen is about another child")
        if decision.decided_on > started_on:
            add(
                problems,
                "decision",
                f"The manager's decision ({long_date(decision.decided_on)}) is after the child became looked after "
                f"({long_date(started_on)})",
            )
    return merge(
        problems,
        legal_status_problems(legal_status),
        placement_problems(placement, legal_status=legal_status, category_of_need=category_of_need),
    )


def change_problems(
    period: PeriodOfCare,
    *,
    on: date,
    today: date,
    episode: Episode | None,
    field: str,
    label: str,
) -> Problems:
    """A change in care happens while the child is looked after, on or after the current episode began."""
    problems = dated_work_problems(field, label, on, child=period.child, today=today)
    if period.ended_on is not None:
        add(
            problems,
            field,
            f"{period.child.full_name} stopped being looked after on {long_date(period.ended_on)}",
        )
    elif episode is not None and on < episode.started_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before the current episode began ({long_date(episode.started_on)})",
        )
    adult_on = eighteenth_birthday(period.child)
    if adult_on is not None and on > adult_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is after {period.child.full_name}'s 18th birthday ({long_date(adult_on)}), "
            "when being looked after ends",
        )
    return problems


def move_problems(
    period: PeriodOfCare,
    *,
    moved_on: date,
    today: date,
    episode: Episode | None,
    placement: Placement | None,
    reason_for_change: str,
    new_placement: PlacementDetails,
    legal_status: str,
    consent_to_place_on: date | None = None,
    legal_status_changes: bool = False,
) -> Problems:
    """A move: the reason in the return's codes, unless the move is a temporary one (rules 225, 226).
    A placement for adoption with consent (A3, A4) needs the consent recorded (``consent_to_place_on``);
    one with the current foster carers (A3, A5) starts with a change of legal status (rule 217)."""
    problems = change_problems(period, on=moved_on, today=today, episode=episode, field="moved_on", label="The move")
    if placement is not None and moved_on < placement.started_on:
        add(
            problems,
            "moved_on",
            f"The move ({long_date(moved_on)}) is before the current placement began "
            f"({long_date(placement.started_on)})",
        )
    temporary = new_placement.placement_type in TEMPORARY_PLACEMENTS
    if reason_for_change and reason_for_change not in ReasonPlacementChange.values:
        add(problems, "reason_for_change", "Choose why the child moved")
    elif not reason_for_change and not temporary:
        add(problems, "reason_for_change", "Say why the child moved")
    if new_placement.placement_type in ADOPTION_WITH_CURRENT_CARERS and not legal_status_changes:
        add(
            problems,
            "legal_status",
            f"A placement for adoption with the current foster carers ({new_placement.placement_type}) starts with "
            "a change of legal status the same day (903 rule 217): give the new legal status",
        )
    return merge(
        problems,
        legal_status_problems(legal_status),
        placement_problems(
            new_placement,
            legal_status=legal_status,
            category_of_need=episode.category_of_need if episode is not None else "",
            starts_on=moved_on,
            consent_to_place_on=consent_to_place_on,
        ),
    )


def legal_status_change_problems(
    period: PeriodOfCare, *, changed_on: date, today: date, episode: Episode | None, legal_status: str
) -> Problems:
    problems = change_problems(
        period, on=changed_on, today=today, episode=episode, field="changed_on", label="The change of legal status"
    )
    if episode is not None and legal_status == episode.legal_status:
        add(problems, "legal_status", f"The legal status is already {legal_status}")
    if (
        episode is not None
        and episode.placement.placement_type in PLACEMENT_ORDER_PLACEMENTS
        and legal_status != LegalStatus.PLACEMENT_ORDER
    ):
        add(
            problems,
            "legal_status",
            f"The child is placed for adoption under a placement order ({episode.placement.placement_type}): "
            "move the child before the placement order ends",
        )
    if (
        episode is not None
        and episode.placement.placement_type == PlacementType.WITH_PARENTS
        and legal_status == LegalStatus.SECTION_20
    ):
        add(
            problems,
            "legal_status",
            "The child is placed with their parents (P1), which section 20 accommodation cannot be (903 rule 378): "
            "move the child first",
        )
    return merge(problems, legal_status_problems(legal_status))


# Special guardianship orders made to the child's former foster carers (903 rule 516).
SGO_TO_FORMER_FOSTER_CARERS = frozenset(
    {ReasonEpisodeCeased.SGO_FORMER_CARER_RELATIVE, ReasonEpisodeCeased.SGO_FORMER_CARER_OTHER}
)


def leaving_problems(
    period: PeriodOfCare, *, ended_on: date, today: date, episode: Episode | None, reason_ceased: str
) -> Problems:
    """Leaving care: a reason other than X1; adoption only from a placement for adoption (rule 1004 family)."""
    problems = change_problems(
        period, on=ended_on, today=today, episode=episode, field="ended_on", label="The date care ended"
    )
    if reason_ceased not in ReasonEpisodeCeased.values or reason_ceased == ReasonEpisodeCeased.CONTINUES:
        add(problems, "reason_ceased", "Choose why the child stopped being looked after")
    elif reason_ceased in ADOPTED and (episode is None or episode.placement.placement_type not in ADOPTIVE_PLACEMENTS):
        add(
            problems,
            "reason_ceased",
            "A child can only leave care through adoption from a placement for adoption (A3 to A6)",
        )
    elif reason_ceased in SGO_TO_FORMER_FOSTER_CARERS and (
        episode is None or episode.placement.placement_type not in FOSTER_PLACEMENTS
    ):
        add(
            problems,
            "reason_ceased",
            f"{ReasonEpisodeCeased(reason_ceased).label}: the child is not in a foster placement, so the special "
            "guardians are not former foster carers (903 rule 516); choose E47 or E48",
        )
    elif reason_ceased == ReasonEpisodeCeased.STAYING_PUT:
        adult_on = eighteenth_birthday(period.child)
        if adult_on is None or ended_on < adult_on:
            add(problems, "reason_ceased", "Staying put (E17) is for young people who have turned 18")
    elif reason_ceased == ReasonEpisodeCeased.DIED and period.child.date_of_death is None:
        add(problems, "reason_ceased", "Record the child's death on their details first")
    return problems


def _within_placement(problems: Problems, placement: Any, *, on: date, field: str, label: str) -> None:
    if placement.ended_on is not None and on > placement.ended_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is after the placement with {placement.carer} ended "
            f"({long_date(placement.ended_on)})",
        )


def placement_plan_problems(
    placement: Any, *, agreed_on: date, today: date, arrangements: str, delegated_authority: str, child_views: str
) -> Problems:
    """A placement plan may be agreed before the placement starts (reg 9), never after it ended."""
    problems: Problems = {}
    if agreed_on > today:
        add(problems, "agreed_on", f"The placement plan's date ({long_date(agreed_on)}) is in the future")
    if agreed_on < placement.period.started_on - timedelta(days=PLAN_AHEAD_DAYS):
        add(
            problems,
            "agreed_on",
            f"The placement plan's date ({long_date(agreed_on)}) is long before the child came into care "
            f"({long_date(placement.period.started_on)})",
        )
    _within_placement(problems, placement, on=agreed_on, field="agreed_on", label="The placement plan")
    required(problems, "arrangements", arrangements, "Say how the carer will meet the child's needs day to day")
    required(problems, "delegated_authority", delegated_authority, "Say what the carer may decide without asking")
    required(problems, "child_views", child_views, "Record the child's views on the placement, or how they were sought")
    return problems


def notification_problems(
    placement: Any,
    *,
    notified_on: date,
    today: date,
    recipients: str,
    health_team_notified_on: date | None,
    host_authority_notified_on: date | None,
) -> Problems:
    """Notice goes to everyone reg 13 names, the health team always and the host authority out of area."""
    problems: Problems = {}
    for field, label, on in (
        ("notified_on", "The notification", notified_on),
        ("health_team_notified_on", "The health team's notification", health_team_notified_on),
        ("host_authority_notified_on", "The host authority's notification", host_authority_notified_on),
    ):
        if on is not None and on > today:
            add(problems, field, f"{label} ({long_date(on)}) is in the future")
        if on is not None:
            _within_placement(problems, placement, on=on, field=field, label=label)
    required(problems, "recipients", recipients, "Say who was told: the child, parents, carer, GP, school and IRO")
    if health_team_notified_on is None:
        add(problems, "health_team_notified_on", "Enter the date the looked-after children's health team was told")
    if not placement.in_area and host_authority_notified_on is None:
        add(
            problems,
            "host_authority_notified_on",
            f"The placement is in {placement.host_authority or 'another area'}: enter the date that council was told",
        )
    return problems


def _dated(problems: Problems, *, on: date, today: date, field: str, label: str) -> None:
    if on > today:
        add(problems, field, f"{label} ({long_date(on)}) is in the future")


def _in_placement(problems: Problems, placement: Any, *, on: date, field: str, label: str) -> None:
    if on < placement.started_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before the placement with {placement.carer} began "
            f"({long_date(placement.started_on)})",
        )
    _within_placement(problems, placement, on=on, field=field, label=label)


def risk_flag_problems(
    placement: Any, *, on: date, today: date, concerns: str, support: str, open_flag: Any
) -> Problems:
    problems: Problems = {}
    _dated(problems, on=on, today=today, field="flagged_on", label="The flag")
    _in_placement(problems, placement, on=on, field="flagged_on", label="The flag")
    if open_flag is not None:
        add(problems, "flagged_on", f"The placement is already flagged at risk since {long_date(open_flag.flagged_on)}")
    required(problems, "concerns", concerns, "Say what puts the placement at risk")
    required(problems, "support", support, "Say what support is being put in to keep it going")
    return problems


def lift_problems(flag: Any, *, on: date, today: date, outcome: str) -> Problems:
    problems: Problems = {}
    _dated(problems, on=on, today=today, field="lifted_on", label="Lifting the flag")
    if flag.lifted_on is not None:
        add(problems, "lifted_on", f"The flag was lifted on {long_date(flag.lifted_on)}")
    if on < flag.flagged_on:
        add(
            problems,
            "lifted_on",
            f"The flag cannot be lifted ({long_date(on)}) before it was raised ({long_date(flag.flagged_on)})",
        )
    required(problems, "outcome", outcome, "Say what made the difference, or why the flag is lifted")
    return problems


def disruption_problems(
    placement: Any,
    *,
    held_on: date,
    today: date,
    chair_is_manager: bool,
    attendees: str,
    what_happened: str,
    learning: str,
) -> Problems:
    """After an unplanned ending only: a planned move is not a disruption."""
    problems: Problems = {}
    _dated(problems, on=held_on, today=today, field="held_on", label="The meeting")
    if placement.ended_on is None:
        add(problems, "held_on", f"The placement with {placement.carer} has not ended")
    elif placement.end_was_planned:
        add(problems, "held_on", f"The placement with {placement.carer} ended as planned: it did not disrupt")
    elif held_on < placement.ended_on:
        add(
            problems,
            "held_on",
            f"The meeting ({long_date(held_on)}) is before the placement ended ({long_date(placement.ended_on)})",
        )
    if not chair_is_manager:
        add(problems, "chair", "The chair must be a manager or an independent reviewing officer still in post")
    required(problems, "attendees", attendees, "Say who came")
    required(problems, "what_happened", what_happened, "Say what led to the placement ending")
    required(problems, "learning", learning, "Record the learning for the next placement and the care plan")
    return problems


def distance_plan_problems(
    placement: Any,
    *,
    agreed_on: date,
    today: date,
    reason_for_distance: str,
    visiting_pattern: str,
    return_plan: str,
    target_return_on: date | None,
) -> Problems:
    problems: Problems = {}
    _dated(problems, on=agreed_on, today=today, field="agreed_on", label="The plan")
    _in_placement(problems, placement, on=agreed_on, field="agreed_on", label="The plan")
    if placement.in_area:
        add(problems, "agreed_on", f"The placement with {placement.carer} is in the council's area")
    required(problems, "reason_for_distance", reason_for_distance, "Say why the child is placed at a distance")
    required(problems, "visiting_pattern", visiting_pattern, "Say who visits and how often")
    required(
        problems, "return_plan", return_plan, "Say how and when the child will come back to the home area, or why not"
    )
    if target_return_on is not None and target_return_on <= agreed_on:
        add(
            problems,
            "target_return_on",
            f"The target date ({long_date(target_return_on)}) must be after the plan ({long_date(agreed_on)})",
        )
    return problems


def oversight_problems(
    placement: Any,
    *,
    checked_on: date,
    today: date,
    safety: str,
    registration_progress: str,
    next_check_on: date | None,
) -> Problems:
    problems: Problems = {}
    _dated(problems, on=checked_on, today=today, field="checked_on", label="The check")
    _in_placement(problems, placement, on=checked_on, field="checked_on", label="The check")
    if not placement.unregistered:
        add(problems, "checked_on", f"The placement with {placement.carer} is not recorded as unregistered provision")
    required(problems, "safety", safety, "Say how the child is kept safe there")
    required(
        problems, "registration_progress", registration_progress, "Say where the provider's registration has got to"
    )
    if next_check_on is None:
        add(problems, "next_check_on", "Enter the date of the next check")
    elif next_check_on <= checked_on:
        add(
            problems,
            "next_check_on",
            f"The next check ({long_date(next_check_on)}) must be after this one ({long_date(checked_on)})",
        )
    return problems


def inbound_problems(
    child: Any,
    *,
    placed_on: date,
    notified_on: date | None,
    today: date,
    placing_authority: str,
    carer: str,
    postcode: str,
    open_inbound: Any,
    looked_after_here: bool,
) -> Problems:
    problems = dated_work_problems("placed_on", "The placement", placed_on, child=child, today=today)
    if notified_on is None:
        add(problems, "notified_on", "Enter the date this council was told")
    else:
        _dated(problems, on=notified_on, today=today, field="notified_on", label="The notification")
    required(problems, "placing_authority", placing_authority, "Enter the council that placed the child")
    required(problems, "carer", carer, "Enter the carer, home or provider")
    if not POSTCODE.match(postcode.strip().upper()):
        add(problems, "postcode", "Enter the placement's postcode, like TS24 8AB")
    if open_inbound is not None:
        add(problems, "placed_on", f"Already recorded as placed here by {open_inbound.placing_authority}")
    if looked_after_here:
        add(problems, "placed_on", f"{child.full_name} is looked after by this council")
    return problems


@dataclass(frozen=True)
class TrackingItem:
    """One child discussed at a tracking meeting, and the action agreed."""

    child: Any
    discussion: str
    action: str
    owner: str
    due_on: date | None


def tracking_meeting_problems(
    *,
    held_on: date,
    today: date,
    chair_may_chair: bool,
    attendees: str,
    items: list[TrackingItem],
    looked_after: set[int],
) -> Problems:
    problems: Problems = {}
    _dated(problems, on=held_on, today=today, field="held_on", label="The meeting")
    if not chair_may_chair:
        add(problems, "chair", "The chair must be a manager still in post")
    required(problems, "attendees", attendees, "Say who came")
    if not items:
        add(problems, "items", "Record at least one child discussed, with the action agreed")
    for number, item in enumerate(items, start=1):
        field = f"item_{number}"
        if item.child.pk not in looked_after:
            add(problems, field, f"Row {number}: {item.child.full_name} was not looked after on {long_date(held_on)}")
        required(problems, field, item.discussion, f"Row {number}: say what was discussed")
        required(problems, field, item.action, f"Row {number}: say what will be done")
        required(problems, field, item.owner, f"Row {number}: say who will do it")
        if item.due_on is None:
            add(problems, field, f"Row {number}: say by when")
        elif item.due_on < held_on:
            add(problems, field, f"Row {number}: the action is due ({long_date(item.due_on)}) before the meeting")
    return problems


def previous_permanence_problems(code: str, *, la: str, on: date | None, started_on: date) -> Problems:
    """An order before care is P1 to P3 with the council and the date (903 rule 630), P4 when it is not
    known whether there was one, Z1 when there was none; blank leaves the question unanswered."""
    problems: Problems = {}
    if not code:
        return problems
    if code not in PreviousPermanence.values:
        add(problems, "previous_permanence", "Choose whether the child had a permanence order before care")
    elif code in ORDERS_BEFORE_CARE:
        required(problems, "previous_permanence_la", la, "Enter the council that made the order")
        if on is None:
            add(problems, "previous_permanence_on", "Enter the date of the order")
        elif on > started_on:
            add(
                problems,
                "previous_permanence_on",
                f"The order ({long_date(on)}) is after the child came into care ({long_date(started_on)})",
            )
    return problems
