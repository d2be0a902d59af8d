"""The inspection pages: uploading reports (good and bad), the plan, an item, history, reference, self-evaluation."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kith.inspection import actions
from kith.inspection.models import Evidence, ImprovementPlan, Inspection, PlanItem, SelfEvaluation
from kith.inspection.reading import read_report
from kith.inspection.tests import snippets
from kith.inspection.tests.conftest import report_path
from kith.inspection.tests.pdfs import pdf_with_text, pdf_without_text
from kith.platform import clock
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]
HP10 = "hartlepool-2010-safeguarding-and-looked-after.txt"
HP24 = "hartlepool-2024-ilacs.txt"


def _upload(client: Client, name: str, data: bytes) -> str:
    response = client.post(reverse("inspection:import"), {"report": SimpleUploadedFile(name, data)}, follow=True)
    return html.unescape(response.content.decode())


def _error(page: str) -> str:
    """The message under the file field."""
    found = re.search(r'<p id="id_report-error" class="govuk-error-message">(.*?)</p>', page, re.S)
    assert found, "the page shows no error for the file"
    return " ".join(found.group(1).replace('<span class="govuk-visually-hidden">Error:</span>', "").split())


def test_uploading_the_councils_report_shows_its_judgements_and_starts_the_plan(
    sign_in: SignIn, authority: Authority
) -> None:
    # when a service manager uploads Hartlepool's 2010 report
    page = _upload(sign_in(authority.service_manager), HP10, report_path(HP10).read_bytes())

    # then the inspection's page shows its facts, its judgements strand by strand, and a link to the plan
    inspection = Inspection.objects.get()
    assert (
        "Hartlepool's Safeguarding and looked after children (2010) report imported and its improvement plan started"
        in page
    )
    assert summary_list(page, "inspection")["Inspected"] == "7 June 2010 to 18 June 2010"
    assert table_rows(page, "judgements-1")[0] == [
        "Overall effectiveness",
        "Good (grade 2)",
        "Grade 2 (Good) (summary table and section heading)",
    ]
    assert len(table_rows(page, "judgements-1")) + len(table_rows(page, "judgements-2")) == 33
    assert table_rows(page, "improvements")[4] == [
        "5",
        "Safeguarding services HSCB to ensure that board representation and attendance accords fully with national "
        "guidance.",
        "Within six months",
        "HSCB",
    ]
    assert f'href="/inspection/plans/{inspection.plan.pk}/"' in page
    assert 'id="warnings"' not in page


def test_the_report_without_a_publication_date_shows_the_warning(sign_in: SignIn, authority: Authority) -> None:
    # when the 2024 report is uploaded
    page = _upload(sign_in(authority.service_manager), HP24, report_path(HP24).read_bytes())

    # then the page asks for the date the report does not give
    assert "The report gives no publication date; enter it on the inspection's page when it is known." in page
    assert "Not given in the report" in page


def test_a_pdf_report_is_uploaded_through_its_text_layer(sign_in: SignIn, authority: Authority) -> None:
    # when another council's report is uploaded as a PDF
    page = _upload(sign_in(authority.service_manager), "northbridge.pdf", pdf_with_text(snippets.ilacs()))

    # then it is kept as reference
    assert "Northbridge's ILACS report imported, kept as reference" in page
    assert Inspection.objects.get().source_name == "northbridge.pdf"


@pytest.mark.parametrize(
    ("_case", "name", "data", "message"),
    [
        ("empty", "empty.txt", b"", "The file is empty: choose the report"),
        (
            "a scan with no text",
            "scan.pdf",
            pdf_without_text(),
            "scan.pdf has no text layer: its pages are images (a scan, or a printed-and-scanned copy), so there is no "
            "text for Kith to read. Download the report from Ofsted's website, which publishes PDFs with text, or "
            "save it as plain text.",
        ),
        (
            "not a report",
            "minutes.txt",
            b"Minutes of the team meeting\n\nPresent: everyone\n\nActions: tidy the kitchen.\n",
            "This file does not look like an Ofsted inspection report: it has no inspection report title and none of "
            "the judgement headings of the frameworks Kith knows, so nothing was imported.",
        ),
        (
            "an unknown framework",
            "sif.txt",
            b"Inspection of services for children in need of help and protection, children looked after and care "
            b"leavers\n\nInspection date: 3 March 2015 to 26 March 2015\n\nOfsted\n",
            "This looks like an Ofsted inspection report, but not one of a framework Kith knows, so nothing was "
            "imported.",
        ),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_the_reason(
    sign_in: SignIn, authority: Authority, _case: str, name: str, data: bytes, message: str
) -> None:
    # when the file is uploaded
    page = _upload(sign_in(authority.service_manager), name, data)

    # then the form says why, and nothing is imported
    assert _error(page).startswith(message)
    assert (Inspection.objects.count(), ImprovementPlan.objects.count()) == (0, 0)


def test_uploading_the_same_report_again_says_so_and_keeps_one(sign_in: SignIn, authority: Authority) -> None:
    # given the 2024 report imported
    client = sign_in(authority.service_manager)
    _upload(client, HP24, report_path(HP24).read_bytes())

    # when it is uploaded again
    page = _upload(client, "again.txt", report_path(HP24).read_bytes())

    # then the form says it was imported already, and there is still one
    assert _error(page) == (
        "This report (Hartlepool, ILACS, 18 March 2024 to 22 March 2024) was imported on "
        f"{clock.today().day} {clock.today():%B %Y} by Helen Marsh; nothing was imported again"
    )
    assert (Inspection.objects.count(), PlanItem.objects.count()) == (1, 2)


def test_the_plan_shows_items_overdue_items_and_progress(sign_in: SignIn, authority: Authority) -> None:
    # given the 2010 plan (every item past its due date today), with item 3 complete
    leader = authority.service_manager
    inspection = actions.import_report(read_report(report_path(HP10).read_text()), source_name=HP10, by=leader.user)
    actions.assign_plan_item(
        inspection.plan.items.get(position=1), owner=authority.team_manager, due_on=None, by=leader.user
    )
    actions.record_progress(
        inspection.plan.items.get(position=3), status="complete", note="Done.", written_on=clock.today(), by=leader.user
    )

    # when the plan is opened, and then only its overdue items
    client = sign_in(leader)
    page = client.get(reverse("inspection:plan", args=[inspection.plan.pk])).content.decode()
    overdue = client.get(reverse("inspection:plan", args=[inspection.plan.pk]), {"show": "overdue"}).content.decode()

    # then each item shows its owner, due date and status, overdue ones marked
    rows = table_rows(page, "items")
    assert rows[0][2:] == ["Tom Hughes", "16 July 2010 Overdue", "No update yet"]
    assert rows[2][4:] == ["Complete"]
    assert len(rows) == 10
    assert len(table_rows(overdue, "items")) == 9
    assert "9 overdue" in page
    assert table_rows(page, "progress")[-1][1:] == ["0", "0", "0", "1", "9"]


def test_an_item_shows_its_evidence_and_hides_children_the_reader_may_not_see(
    sign_in: SignIn, authority: Authority
) -> None:
    # given item 1 of the 2024 plan with a link and a child of South's team as evidence, linked by the service manager
    leader = authority.service_manager
    inspection = actions.import_report(read_report(report_path(HP24).read_text()), source_name=HP24, by=leader.user)
    item = inspection.plan.items.get(position=1)
    actions.assign_plan_item(item, owner=authority.team_manager, due_on=date(2024, 9, 30), by=leader.user)
    actions.link_evidence(item, description="Care leaver survey", url="https://intranet.invalid/survey", by=leader.user)
    actions.link_evidence(item, description="A care leaver's pathway plan", child=authority.other_child, by=leader.user)

    # when the owner, a North team manager, opens the item
    page = sign_in(authority.team_manager).get(reverse("inspection:item", args=[item.pk])).content.decode()

    # then the link is shown, and the South child is counted but not named
    assert "Care leaver survey" in page
    assert authority.other_child.full_name not in page
    assert "1 child's record you cannot see" in html.unescape(page)
    assert Evidence.objects.count() == 2


def test_linking_a_child_the_user_may_not_see_answers_as_for_a_missing_child(
    sign_in: SignIn, authority: Authority
) -> None:
    # given the owner of an item
    leader = authority.service_manager
    inspection = actions.import_report(read_report(report_path(HP24).read_text()), source_name=HP24, by=leader.user)
    item = inspection.plan.items.get(position=2)
    actions.assign_plan_item(item, owner=authority.team_manager, due_on=None, by=leader.user)

    # when they give the Kith ID of a child in another team
    response = sign_in(authority.team_manager).post(
        reverse("inspection:link_evidence", args=[item.pk]),
        {"description": "Example", "child": authority.other_child.kith_id},
    )

    # then the form answers as for a child who does not exist, and nothing is linked
    assert f"No child you can see has the Kith ID {authority.other_child.kith_id}" in response.content.decode()
    assert Evidence.objects.count() == 0


def test_recording_progress_in_the_form_keeps_what_was_typed_when_refused(
    sign_in: SignIn, authority: Authority
) -> None:
    # given an item of the 2024 plan
    leader = authority.service_manager
    inspection = actions.import_report(read_report(report_path(HP24).read_text()), source_name=HP24, by=leader.user)
    item = inspection.plan.items.get(position=1)

    # when progress is dated before the inspection ended
    response = sign_in(leader).post(
        reverse("inspection:record_progress", args=[item.pk]),
        {"status": "amber", "note": "Drafting the leaflet.", **date_fields("written_on", date(2024, 3, 1))},
    )

    # then the form shows the problem and keeps the note
    page = response.content.decode()
    assert "The date of the update (1 March 2024) cannot be before the end of the inspection (22 March 2024)" in page
    assert "Drafting the leaflet." in page
    assert item.updates.count() == 0


def test_the_history_page_puts_hartlepools_judgements_side_by_side(sign_in: SignIn, authority: Authority) -> None:
    # given Hartlepool's 2010 and 2024 reports
    leader = authority.service_manager
    for name in (HP10, HP24):
        actions.import_report(read_report(report_path(name).read_text()), source_name=name, by=leader.user)

    # when the history is opened
    page = sign_in(leader).get(reverse("inspection:history")).content.decode()

    # then 2010 and 2024 line up
    assert table_rows(page, "history")[:2] == [
        ["Overall effectiveness of children's services", "–", "Outstanding"],
        ["Help and protection (safeguarding)", "Safeguarding services: Good (grade 2)", "Outstanding"],
    ]


def test_the_reference_page_searches_other_councils_reports(sign_in: SignIn, authority: Authority) -> None:
    # given another council's report
    actions.import_report(read_report(snippets.ilacs()), source_name="n", by=authority.service_manager.user)

    # when reports judged inadequate are searched for, then reports with items about housing
    client = sign_in(authority.service_manager)
    inadequate = client.get(reverse("inspection:reference"), {"grade": "inadequate"}).content.decode()
    none = client.get(reverse("inspection:reference"), {"grade": "outstanding"}).content.decode()

    # then Northbridge is found with the judgement that matched
    assert "1 report found" in inadequate
    assert "Judged inadequate: The experiences and progress of care leavers" in inadequate
    assert "0 reports found" in none


def test_the_self_evaluation_page_keeps_each_version(sign_in: SignIn, authority: Authority) -> None:
    # given the head of service's evaluation of care leavers
    client = sign_in(authority.service_manager)
    url = reverse("inspection:self_evaluation_area", args=["care_leavers"])
    client.post(url, {"text": "Good, with custody support to improve."})

    # when it is rewritten
    response = client.post(url, {"text": "Good; custody support now in place."}, follow=True)

    # then the page shows the latest and both versions
    page = response.content.decode()
    assert SelfEvaluation.objects.get().text == "Good; custody support now in place."
    assert page.count("Helen Marsh") >= 2
    assert "Good, with custody support to improve." in page


def test_an_empty_self_evaluation_is_refused(sign_in: SignIn, authority: Authority) -> None:
    response = sign_in(authority.service_manager).post(
        reverse("inspection:self_evaluation_area", args=["care_leavers"]), {"text": ""}
    )
    assert "Enter your evaluation" in response.content.decode()
    assert SelfEvaluation.objects.count() == 0


def test_an_area_the_current_framework_lacks_is_not_found(sign_in: SignIn, authority: Authority) -> None:
    response = sign_in(authority.service_manager).get(
        reverse("inspection:self_evaluation_area", args=["value_for_money"])
    )
    assert response.status_code == 404


def test_entering_the_publication_date_sets_due_dates(sign_in: SignIn, authority: Authority) -> None:
    # given an own report with timed items and no publication date
    text = snippets.slac().replace("Northbridge", "Hartlepool").replace("Published: 19 November 2010", "")
    inspection = actions.import_report(read_report(text), source_name="x", by=authority.service_manager.user)

    # when the publication date is entered in the form
    response = sign_in(authority.service_manager).post(
        reverse("inspection:set_publication_date", args=[inspection.pk]), date_fields("published", date(2010, 11, 19))
    )

    # then the items have their due dates
    assert response.status_code == 302
    assert PlanItem.objects.get(position=1).due_on == date(2010, 11, 19)


def test_leaders_are_offered_inspection_in_the_navigation(sign_in: SignIn, authority: Authority) -> None:
    leader = sign_in(authority.service_manager).get(reverse("inspection:index")).content.decode()
    assert 'href="/inspection/"' in leader


def test_the_overview_shows_the_latest_judgements_plans_and_overdue_items(
    sign_in: SignIn, authority: Authority
) -> None:
    # given Hartlepool's 2010 and 2024 reports
    leader = authority.service_manager
    for name in (HP10, HP24):
        actions.import_report(read_report(report_path(name).read_text()), source_name=name, by=leader.user)

    # when the overview is opened
    page = sign_in(leader).get(reverse("inspection:index")).content.decode()

    # then it shows 2024's judgements, both plans with their counts, and the 2010 items that are overdue
    assert table_rows(page, "latest-judgements")[-1] == ["Overall effectiveness", "Outstanding"]
    assert [row[1:] for row in table_rows(page, "plans")] == [["2", "0", "0", "2"], ["10", "0", "10", "10"]]
    assert page.count('href="/inspection/items/') == 10


def test_the_plan_page_stays_within_its_query_budget(
    sign_in: SignIn, authority: Authority, django_assert_max_num_queries: Any
) -> None:
    # given the 2010 plan with owners, progress and activity on every item
    leader = authority.service_manager
    inspection = actions.import_report(read_report(report_path(HP10).read_text()), source_name=HP10, by=leader.user)
    for item in inspection.plan.items.all():
        actions.assign_plan_item(item, owner=authority.team_manager, due_on=None, by=leader.user)
        actions.record_progress(item, status="green", note="On track.", written_on=clock.today(), by=leader.user)
    client = sign_in(leader)

    # when the plan is opened / then it takes no more than 15 queries, whatever the number of items
    with django_assert_max_num_queries(15):
        client.get(reverse("inspection:plan", args=[inspection.plan.pk]))
