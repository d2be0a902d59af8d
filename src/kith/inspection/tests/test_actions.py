"""Importing reports and running the improvement plan, through the actions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine

from kith.inspection import actions, queries
from kith.inspection.models import (
    Activity,
    Evidence,
    ImprovementArea,
    ImprovementPlan,
    Inspection,
    Judgement,
    PlanItem,
    ProgressUpdate,
    Rag,
    SelfEvaluation,
)
from kith.inspection.reading import read_report, text_of
from kith.inspection.tests import snippets
from kith.inspection.tests.conftest import report_path
from kith.inspection.tests.pdfs import pdf_with_text
from kith.platform import clock
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

HP10 = "hartlepool-2010-safeguarding-and-looked-after.txt"
HP24 = "hartlepool-2024-ilacs.txt"
HP09 = "hartlepool-2009-unannounced-letter.txt"


def _import(name: str, by: StaffMember) -> Inspection:
    report = read_report(text_of(report_path(name).read_bytes(), name=name))
    return actions.import_report(report, source_name=name, by=by.user)


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Inspection, Judgement, ImprovementArea, ImprovementPlan, PlanItem, Activity, CaseEvent)
    )


@pytest.fixture
def frozen(time_machine: time_machine.TimeMachineFixture) -> date:
    """Tuesday 1 March 2011: eight months after the 2010 report was published."""
    time_machine.move_to("2011-03-01 10:00:00+00:00", tick=False)
    return date(2011, 3, 1)


def test_importing_the_councils_own_report_starts_a_plan_with_an_item_per_area_for_improvement(
    authority: Authority, frozen: date
) -> None:
    # given Hartlepool is the council Kith serves
    events_before = CaseEvent.objects.count()

    # when a service manager imports its 2010 report
    inspection = _import(HP10, authority.service_manager)

    # then the inspection, its 33 judgements and 10 areas for improvement are kept, and a plan of 10 items begins
    plan = inspection.plan
    items = list(plan.items.select_related("area").order_by("position"))
    assert (inspection.is_own_authority, inspection.judgements.count(), len(items)) == (True, 33, 10)
    # each due date follows from its timescale and the publication date (16 July 2010)
    assert [(item.area.timescale, item.due_on) for item in items] == [
        ("immediately", date(2010, 7, 16)),
        ("immediately", date(2010, 7, 16)),
        ("within three months", date(2010, 10, 16)),
        ("within three months", date(2010, 10, 16)),
        ("within six months", date(2011, 1, 16)),
        ("within three months", date(2010, 10, 16)),
        ("within three months", date(2010, 10, 16)),
        ("within three months", date(2010, 10, 16)),
        ("within six months", date(2011, 1, 16)),
        ("within six months", date(2011, 1, 16)),
    ]
    assert items[2].due_reason == "Within three months of publication on 16 July 2010."
    assert items[0].due_reason == "Immediately: due on the date the report was published (16 July 2010)."
    assert [item.owner for item in items] == [None] * 10
    # one activity entry records it, and no child's chronology is touched
    assert CaseEvent.objects.count() == events_before
    assert list(Activity.objects.values_list("code", "summary")) == [
        (
            "inspection.report_imported",
            "Hartlepool: Safeguarding and looked after children (2010) of 7 June 2010 to 18 June 2010 imported, 33 "
            "judgements and 10 areas for improvement; an improvement plan of 10 items was started",
        )
    ]


def test_another_councils_report_is_kept_as_reference_with_no_plan(authority: Authority) -> None:
    # when a report of another council is imported
    report = read_report(snippets.ilacs())
    inspection = actions.import_report(report, source_name="northbridge.txt", by=authority.service_manager.user)

    # then it is kept, with its items themed for searching, and no plan is started
    assert (inspection.authority, inspection.is_own_authority, ImprovementPlan.objects.count()) == (
        "Northbridge",
        False,
        0,
    )
    assert list(inspection.improvements.values_list("themes", flat=True)) == [
        ["front_door"],
        ["planning", "care_leavers"],
        ["oversight", "care_leavers", "housing"],
    ]


def test_importing_the_same_report_twice_does_not_duplicate_it(authority: Authority) -> None:
    # given the 2024 report imported once
    first = _import(HP24, authority.service_manager)
    before = _counts()

    # when it is imported again, and again as a PDF of the same report (different text, same council and dates)
    with pytest.raises(RuleBroken) as again:
        _import(HP24, authority.service_manager)
    as_pdf = read_report(text_of(pdf_with_text(report_path(HP24).read_text())))
    with pytest.raises(RuleBroken):
        actions.import_report(as_pdf, source_name="copy.pdf", by=authority.service_manager.user)

    # then nothing changed, and the message says when it was imported and by whom
    assert _counts() == before
    assert again.value.problems == {
        "report": [
            "This report (Hartlepool, ILACS, 18 March 2024 to 22 March 2024) was imported on "
            f"{clock.today().day} {clock.today():%B %Y} by Helen Marsh; nothing was imported again"
        ]
    }
    assert Inspection.objects.get() == first


@pytest.mark.parametrize("role", ["social_worker", "team_manager", "analyst", "administrator"])
def test_only_leaders_import_reports(authority: Authority, role: str) -> None:
    # given someone who does not lead the service
    staff = getattr(authority, role)

    before = _counts()

    # when they try to import a report / then they may not, and nothing is kept
    with pytest.raises(NotAllowed):
        _import(HP24, staff)
    assert _counts() == before


def test_a_report_with_no_publication_date_waits_for_one_to_set_due_dates(authority: Authority) -> None:
    # given an invented own-council SLAC report with no publication date
    text = snippets.slac().replace("Northbridge", "Hartlepool").replace("Published: 19 November 2010", "")
    inspection = actions.import_report(read_report(text), source_name="x.txt", by=authority.service_manager.user)
    items = list(PlanItem.objects.order_by("position").select_related("area"))
    assert {item.due_on for item in items} == {None}
    assert items[0].due_reason == "Immediately of publication, and the report gives no publication date yet."

    # when the publication date is entered
    actions.set_publication_date(inspection, published=date(2010, 11, 19), by=authority.service_manager.user)

    # then each timed item gets its due date
    assert [item.due_on for item in PlanItem.objects.order_by("position")] == [
        date(2010, 11, 19),
        date(2011, 2, 19),
        date(2011, 2, 19),
        date(2011, 5, 19),
        date(2011, 2, 19),
        date(2011, 5, 19),
    ]


def test_a_publication_date_before_the_inspection_ended_is_refused(authority: Authority) -> None:
    # given the 2024 report, which gives no publication date
    inspection = _import(HP24, authority.service_manager)

    # when a date before the inspection ended is entered / then it is refused, naming both dates
    with pytest.raises(RuleBroken) as refused:
        actions.set_publication_date(inspection, published=date(2024, 3, 1), by=authority.service_manager.user)
    assert refused.value.problems == {
        "published": [
            "The publication date (1 March 2024) cannot be before the last day of the inspection (22 March 2024)"
        ]
    }
    inspection.refresh_from_db()
    assert inspection.published is None


@pytest.mark.requirement("R-149")
def test_an_item_is_owned_acted_on_and_tracked_to_completion(
    authority: Authority, time_machine: time_machine.TimeMachineFixture
) -> None:
    # given the 2010 plan; item 10 is "put staff supervision records into the electronic system"
    leader = authority.service_manager
    owner = authority.team_manager
    time_machine.move_to("2011-01-10 10:00:00+00:00", tick=False)
    inspection = _import(HP10, leader)
    item = inspection.plan.items.get(position=10)

    # when a leader gives it to a team manager, who adds an action, records progress, completes the action and,
    # on 1 March 2011, records the item complete
    actions.assign_plan_item(item, owner=owner, due_on=None, by=leader.user)
    done = actions.add_plan_action(
        item, description="Move supervision notes into Kith", due_on=date(2011, 4, 1), by=owner.user
    )
    time_machine.move_to("2011-02-01 10:00:00+00:00", tick=False)
    actions.record_progress(
        item, status=Rag.AMBER, note="Half the teams moved.", written_on=clock.today(), by=owner.user
    )
    time_machine.move_to("2011-02-28 10:00:00+00:00", tick=False)
    actions.complete_plan_action(done, completed_on=clock.today(), by=owner.user)
    time_machine.move_to("2011-03-01 10:00:00+00:00", tick=False)
    frozen = clock.today()
    actions.record_progress(item, status=Rag.COMPLETE, note="Every team moved.", written_on=frozen, by=owner.user)

    # then the item is complete, with its history of updates, and no longer overdue
    item.refresh_from_db()
    assert (item.owner, item.status, item.completed_on, item.is_overdue(frozen)) == (
        authority.team_manager,
        "complete",
        date(2011, 3, 1),
        False,
    )
    assert list(item.updates.values_list("written_on", "status", "note")) == [
        (date(2011, 3, 1), "complete", "Every team moved."),
        (date(2011, 2, 1), "amber", "Half the teams moved."),
    ]
    assert list(Activity.objects.filter(item=item).order_by("pk").values_list("code", flat=True)) == [
        "inspection.item_assigned",
        "inspection.action_added",
        "inspection.progress_recorded",
        "inspection.action_completed",
        "inspection.progress_recorded",
    ]
    # and nothing more is recorded on a completed item
    with pytest.raises(RuleBroken) as refused:
        actions.record_progress(item, status=Rag.GREEN, note="x", written_on=frozen, by=leader.user)
    assert refused.value.problems == {"status": ["This item was completed on 1 March 2011; nothing more is recorded"]}


@pytest.mark.requirement("R-153")
def test_leaders_see_overdue_items_and_progress_over_time(authority: Authority, frozen: date) -> None:
    # given the 2010 plan on 1 March 2011, after updates in October and December 2010
    leader = authority.service_manager
    plan = _import(HP10, leader).plan
    first, second = plan.items.get(position=1), plan.items.get(position=3)
    actions.record_progress(
        first,
        status=Rag.RED,
        note="Audit: 40% of core assessments to standard.",
        written_on=date(2010, 10, 5),
        by=leader.user,
    )
    actions.link_evidence(
        first,
        description="Core assessment audit, October 2010",
        url="https://intranet.invalid/audits/core-assessments-2010-10",
        by=leader.user,
    )
    actions.record_progress(
        first, status=Rag.GREEN, note="Audit: 85% to standard.", written_on=date(2010, 12, 20), by=leader.user
    )
    actions.record_progress(
        second,
        status=Rag.COMPLETE,
        note="Designated nurse now at A&E huddles.",
        written_on=date(2010, 9, 30),
        by=leader.user,
    )

    # when leaders look at the plan
    items = list(queries.plan_items(plan))
    summary = queries.summarise(plan, items, on=frozen)
    progress = queries.progress_over_time(plan, items, on=frozen)

    # then every past-due item not complete is overdue (all but the completed one, on 1 March 2011)
    assert (summary.items, summary.overdue, summary.by_status) == (
        10,
        9,
        {"red": 0, "amber": 0, "green": 1, "complete": 1, "none": 8},
    )
    assert [item.position for item in queries.overdue_items(on=frozen)] == [1, 2, 4, 6, 7, 8, 5, 9, 10]
    # and progress month by month, from publication (July 2010) to today
    assert [(month.month_end, month.by_status) for month in progress] == [
        (date(2010, 7, 31), {"red": 0, "amber": 0, "green": 0, "complete": 0, "none": 10}),
        (date(2010, 8, 31), {"red": 0, "amber": 0, "green": 0, "complete": 0, "none": 10}),
        (date(2010, 9, 30), {"red": 0, "amber": 0, "green": 0, "complete": 1, "none": 9}),
        (date(2010, 10, 31), {"red": 1, "amber": 0, "green": 0, "complete": 1, "none": 8}),
        (date(2010, 11, 30), {"red": 1, "amber": 0, "green": 0, "complete": 1, "none": 8}),
        (date(2010, 12, 31), {"red": 0, "amber": 0, "green": 1, "complete": 1, "none": 8}),
        (date(2011, 1, 31), {"red": 0, "amber": 0, "green": 1, "complete": 1, "none": 8}),
        (date(2011, 2, 28), {"red": 0, "amber": 0, "green": 1, "complete": 1, "none": 8}),
        (date(2011, 3, 1), {"red": 0, "amber": 0, "green": 1, "complete": 1, "none": 8}),
    ]


def test_a_childs_record_is_evidence_only_for_someone_who_may_see_it(authority: Authority) -> None:
    # given the 2024 plan, and a team manager who owns item 1
    leader = authority.service_manager
    item = _import(HP24, leader).plan.items.get(position=1)
    actions.assign_plan_item(item, owner=authority.team_manager, due_on=date(2024, 9, 30), by=leader.user)

    # when the owner links a child of their own team, and tries a child of another team
    linked = actions.link_evidence(
        item, description="Care leaver who knows the offer", child=authority.own_child, by=authority.team_manager.user
    )
    with pytest.raises(NotAllowed):
        actions.link_evidence(item, description="Other", child=authority.other_child, by=authority.team_manager.user)

    # then only the first is kept, and its log names the record by Kith ID only
    assert list(Evidence.objects.values_list("pk", flat=True)) == [linked.pk]
    assert Activity.objects.filter(code="inspection.evidence_linked").get().summary == (
        f"Evidence for item 1: Care leaver who knows the offer (the record {authority.own_child.kith_id})"
    )


@pytest.mark.parametrize(
    ("_case", "values", "problems"),
    [
        (
            "both",
            {"url": "https://x.invalid", "child": True},
            {"url": ["Give either a link or a child's Kith ID, not both"]},
        ),
        ("neither", {"url": ""}, {"url": ["Give either a link or a child's Kith ID, not both"]}),
        (
            "not a link",
            {"url": "intranet/audit"},
            {"url": ["Enter a link that starts with https://, http:// or / (a page of Kith)"]},
        ),
        (
            "no description",
            {"url": "/quality/", "description": " "},
            {"description": ["Enter what the evidence shows"]},
        ),
    ],
)
def test_evidence_is_a_link_or_a_child(
    authority: Authority, _case: str, values: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    # given an item
    item = _import(HP24, authority.service_manager).plan.items.get(position=2)
    child = authority.own_child if values.pop("child", False) else None

    # when evidence that is not one link or one child is given / then it is refused and nothing kept
    with pytest.raises(RuleBroken) as refused:
        actions.link_evidence(
            item, description=values.pop("description", "KPI"), child=child, by=authority.service_manager.user, **values
        )
    assert (refused.value.problems, Evidence.objects.count()) == (problems, 0)


def test_a_due_date_before_publication_is_refused_and_an_owner_must_still_work_here(authority: Authority) -> None:
    # given the 2010 plan and a member of staff who has left
    leader = authority.service_manager
    item = _import(HP10, leader).plan.items.get(position=1)
    leaver = authority.colleague
    StaffMember.objects.filter(pk=leaver.pk).update(is_active=False)
    leaver.refresh_from_db()

    # when / then
    with pytest.raises(RuleBroken) as refused:
        actions.assign_plan_item(item, owner=leaver, due_on=date(2010, 7, 1), by=leader.user)
    assert refused.value.problems == {
        "owner": ["Select a member of staff who still works here"],
        "due_on": ["The due date (1 July 2010) cannot be before the report's publication (16 July 2010)"],
    }
    item.refresh_from_db()
    assert (item.owner, item.due_on) == (None, date(2010, 7, 16))


def test_an_owner_may_update_their_item_but_not_reassign_it_or_touch_another(authority: Authority) -> None:
    # given two items, the first owned by a team manager
    leader = authority.service_manager
    plan = _import(HP24, leader).plan
    mine, other = plan.items.get(position=1), plan.items.get(position=2)
    actions.assign_plan_item(mine, owner=authority.team_manager, due_on=None, by=leader.user)
    owner = authority.team_manager.user

    # when the owner records progress on theirs / then it is kept
    actions.record_progress(mine, status=Rag.GREEN, note="Leaflet drafted.", written_on=clock.today(), by=owner)

    # and they may neither reassign it nor update the other item
    with pytest.raises(NotAllowed):
        actions.assign_plan_item(mine, owner=authority.north_deputy, due_on=None, by=owner)
    with pytest.raises(NotAllowed):
        actions.record_progress(other, status=Rag.GREEN, note="x", written_on=clock.today(), by=owner)
    assert ProgressUpdate.objects.count() == 1


def test_self_evaluation_keeps_every_version(authority: Authority, head_of_service: StaffMember) -> None:
    # when the head of service writes an evaluation of help and protection, then rewrites it
    actions.write_self_evaluation("ilacs", "help_and_protection", text="First view.", by=head_of_service.user)
    evaluation = actions.write_self_evaluation(
        "ilacs", "help_and_protection", text="Second view, after the audit.", by=head_of_service.user
    )

    # then one evaluation shows the latest text, and both versions are in its history
    assert SelfEvaluation.objects.get().text == "Second view, after the audit."
    assert [version["text"] for version in queries.self_evaluation_versions(evaluation)] == [
        "Second view, after the audit.",
        "First view.",
    ]


def test_a_self_evaluation_of_an_area_the_framework_lacks_is_refused(authority: Authority) -> None:
    with pytest.raises(RuleBroken) as refused:
        actions.write_self_evaluation("ilacs", "value_for_money", text="x", by=authority.service_manager.user)
    assert (refused.value.problems, SelfEvaluation.objects.count()) == (
        {"area": ["Select a judgement area of the framework"]},
        0,
    )


def test_judgement_history_lines_up_the_councils_inspections(authority: Authority) -> None:
    # given Hartlepool's three reports
    for name in (HP24, HP09, HP10):
        _import(name, authority.service_manager)

    # when its history is read
    inspections = queries.inspections_of("hartlepool")
    rows = queries.judgement_history(inspections)

    # then the inspections are oldest first, and each row lines up the judgements answering one question
    assert [inspection.framework for inspection in inspections] == ["cra_unannounced_2009", "slac_2010", "ilacs"]
    assert [
        (row.title, [[f"{j.strand or '-'}:{j.grade}" for j in cell.judgements] for cell in row.cells]) for row in rows
    ] == [
        ("Overall effectiveness of children's services", [[], [], ["-:outstanding"]]),
        ("Help and protection (safeguarding)", [[], ["safeguarding:good"], ["-:outstanding"]]),
        ("Children in care (looked after children)", [[], ["looked_after:good"], ["-:outstanding"]]),
        ("Care leavers", [[], [], ["-:good"]]),
        ("Leadership and management", [[], ["safeguarding:good", "looked_after:good"], ["-:outstanding"]]),
        ("Capacity for improvement", [[], ["safeguarding:good", "looked_after:good"], []]),
    ]


def test_the_reference_library_finds_reports_by_judgement_and_by_theme(authority: Authority) -> None:
    # given two other councils' reports and the council's own
    by = authority.service_manager.user
    actions.import_report(read_report(snippets.ilacs()), source_name="a", by=by)
    actions.import_report(read_report(snippets.slac()), source_name="b", by=by)
    _import(HP24, authority.service_manager)

    # when leaders search
    inadequate = queries.reference_library(grade="inadequate")
    supervision = queries.reference_library(theme="oversight")
    health = queries.reference_library(words="health visitors")

    # then only other councils' reports are found, each with what matched
    assert [(r.inspection.framework, [j.area for j in r.judgements]) for r in inadequate] == [
        ("ilacs", ["care_leavers"]),
        ("slac_2010", ["case_planning"]),
    ]
    assert [(r.inspection.framework, [i.text[:30] for i in r.improvements]) for r in supervision] == [
        ("ilacs", ["Leaders' oversight of care lea"]),
        ("slac_2010", ["Improve the recording of manag"]),
    ]
    assert [(r.inspection.framework, len(r.improvements)) for r in health] == [("slac_2010", 1)]
