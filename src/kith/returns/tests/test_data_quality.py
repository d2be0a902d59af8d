"""Each data-quality check finds the child with the issue, not the child without, and links to the form that fixes it.

On 1 November 2027 the collection year under way began on 1 April 2027: a child is in the CIN census with
a referral open since then, in the SSDA903 when looked after since then.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from kith.care_leavers.actions import record_birthday_contact, start_leaving_care_support
from kith.children_in_care.actions import change_legal_status, end_period_of_care, start_period_of_care
from kith.children_in_care.models import EntryRoute, PeriodOfCare
from kith.front_door.actions import record_referral
from kith.people.models import Person
from kith.platform.reference.cin_census import PrimaryNeed
from kith.platform.reference.ssda903 import LegalStatus, PlacementType
from kith.quality.actions import record_management_decision
from kith.quality.models import DecisionKind
from kith.returns.data_quality import CHECKS, Found, population
from kith.returns.tests.conftest import a_child
from kith.workforce.tests.fixtures import Authority
from tests.casework import a_placement, given_care_review, given_cp_plan, given_looked_after_child, given_referral

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_1_november_2027")]

TODAY = date(2027, 11, 1)
IN_THE_YEAR = date(2027, 5, 3)
LATELY = date(2027, 10, 25)


def _found(code: str) -> list[Found]:
    people = population(Person.objects.filter(kind="child"), on=TODAY)
    return list(CHECKS[code].find(people))


def _referred(child: Person, authority: Authority, on: date = IN_THE_YEAR) -> Person:
    given_referral(child, authority.social_worker, on=on)
    return child


def _in_care(child: Person, authority: Authority, on: date = IN_THE_YEAR) -> PeriodOfCare:
    return given_looked_after_child(child, authority.social_worker, on=on)


def _details(child: Person, field: str) -> str:
    return f"/people/{child.pk}/details/#id_{field}"


def test_the_checks_are_registered_in_the_order_the_view_lists_them() -> None:
    assert list(CHECKS) == [
        "upn_missing",
        "ethnicity_not_obtained",
        "sex_not_known",
        "disability_not_recorded",
        "previous_permanence_not_asked",
        "placement_urn_missing",
        "no_named_social_worker",
        "emergency_protection_order_too_long",
        "looked_after_review_overdue",
        "cp_review_overdue",
        "health_assessment_overdue",
        "care_leaver_information_missing",
    ]


def test_a_child_of_school_age_in_a_return_without_a_upn(authority: Authority) -> None:
    # given Rosa (referred) and Ruby (in care) with no UPN; Uma, referred, born on the last day that makes her
    # of school age this year, 31 August 2022, and Tia, born the day after; Sam, referred, with a UPN; Vic,
    # whose only referral needed no further action (the census's UN7)
    rosa = _referred(a_child(authority, "Rosa", "Ames", upn=""), authority)
    ruby = a_child(authority, "Ruby", "Hale", upn="")
    _in_care(ruby, authority)
    uma = _referred(a_child(authority, "Uma", "Kerr", upn="", date_of_birth=date(2022, 8, 31)), authority)
    _referred(a_child(authority, "Tia", "Kerr", upn="", date_of_birth=date(2022, 9, 1)), authority)
    _referred(a_child(authority, "Sam", "Lowe"), authority)
    vic = a_child(authority, "Vic", "Moss", upn="")
    record_referral(
        vic,
        referral_date=IN_THE_YEAR,
        source="1A",
        threshold_level="2",
        no_further_action=True,
        by=authority.social_worker.user,
    )
    # when / then
    assert _found("upn_missing") == [
        Found(rosa.pk, _details(rosa, "upn"), returns=("cin_census",)),
        Found(ruby.pk, _details(ruby, "upn"), returns=("ssda903",)),
        Found(uma.pk, _details(uma, "upn"), returns=("cin_census",)),
    ]


def test_a_child_in_a_return_whose_ethnicity_is_not_yet_obtained(authority: Authority) -> None:
    # given Rosa, referred, ethnicity not obtained; Sam, referred, White British; Wes, not obtained, in no return
    rosa = _referred(a_child(authority, "Rosa", "Ames", ethnicity="NOBT"), authority)
    _referred(a_child(authority, "Sam", "Lowe"), authority)
    a_child(authority, "Wes", "Hart", ethnicity="NOBT")
    # when / then
    assert _found("ethnicity_not_obtained") == [Found(rosa.pk, _details(rosa, "ethnicity"), returns=("cin_census",))]


def test_a_child_in_a_return_whose_sex_is_not_recorded(authority: Authority) -> None:
    # given Ruby, in care, sex not known; Sam, referred, female
    ruby = a_child(authority, "Ruby", "Hale", sex="U")
    _in_care(ruby, authority)
    _referred(a_child(authority, "Sam", "Lowe"), authority)
    # when / then
    assert _found("sex_not_known") == [Found(ruby.pk, _details(ruby, "sex"), returns=("ssda903",))]


def test_a_child_in_the_census_with_nothing_recorded_about_disability(authority: Authority) -> None:
    # given Rosa, referred, nothing recorded; Sam, referred, "no disability"; Ruby, in care only, nothing recorded
    rosa = _referred(a_child(authority, "Rosa", "Ames", disabilities=[]), authority)
    _referred(a_child(authority, "Sam", "Lowe", disabilities=["NONE"]), authority)
    _in_care(a_child(authority, "Ruby", "Hale", disabilities=[]), authority)
    # when / then: the census's issue only (its rule 8540)
    assert _found("disability_not_recorded") == [Found(rosa.pk, _details(rosa, "disabilities"))]


def test_a_child_come_into_care_this_year_without_the_previous_permanence_answer(authority: Authority) -> None:
    # given Ruby, in care since May without the answer; Sol, in care since October, who had no order before
    ruby = a_child(authority, "Ruby", "Hale")
    _in_care(ruby, authority)
    sol = a_child(authority, "Sol", "Tate")
    decision = record_management_decision(
        sol,
        kind=DecisionKind.ENTRY_TO_CARE,
        decision="Sol should be looked after.",
        rationale="No relative could care for him.",
        decided_on=LATELY,
        by=authority.team_manager.user,
    )
    start_period_of_care(
        sol,
        started_on=LATELY,
        route=EntryRoute.VOLUNTARY,
        legal_status=LegalStatus.SECTION_20,
        category_of_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        reason_for_care="Neglect.",
        alternatives_considered="A family group conference.",
        decision=decision,
        placement=a_placement(),
        previous_permanence="Z1",
        by=authority.social_worker.user,
    )
    # when / then: the care history, as no form yet changes the answer
    assert _found("previous_permanence_not_asked") == [
        Found(ruby.pk, reverse("children_in_care:care_history", args=[ruby.pk]))
    ]


def test_a_placement_in_a_childrens_home_without_its_ofsted_urn(authority: Authority) -> None:
    # given Ruby, placed in a children's home with no URN recorded; Sol, in a children's home with its URN; Kim,
    # in foster care with none (the 903 writes XXXXXXX for her)
    ruby = a_child(authority, "Ruby", "Hale")
    home = a_placement(PlacementType.CHILDRENS_HOME, carer="Ash House", provider="PR4")
    given_looked_after_child(ruby, authority.social_worker, on=IN_THE_YEAR, placement=home)
    registered = replace(home, urn="SC654321")
    sol = a_child(authority, "Sol", "Park")
    given_looked_after_child(sol, authority.social_worker, on=IN_THE_YEAR, placement=registered)
    _in_care(a_child(authority, "Kim", "Ng"), authority)
    # when / then
    assert _found("placement_urn_missing") == [Found(ruby.pk, reverse("children_in_care:care_history", args=[ruby.pk]))]


def test_a_child_in_care_with_no_named_social_worker(authority: Authority) -> None:
    # given Nia, in care, held by North with no named worker; Ruby, in care, held by Priya Shah
    nia = a_child(authority, "Nia", "Cole", worker=None)
    _in_care(nia, authority)
    _in_care(a_child(authority, "Ruby", "Hale"), authority)
    # when / then
    assert _found("no_named_social_worker") == [Found(nia.pk, f"/workforce/children/{nia.pk}/allocate/")]


def test_a_child_still_on_an_emergency_protection_order_after_15_days(authority: Authority) -> None:
    # given Ruby, on an emergency protection order since 16 October 2027 (16 days); Sol, since 17 October (15
    # days, the longest one may last); Kim, whose order of 3 May 2027 was followed by an interim care order
    epo = LegalStatus.EMERGENCY_PROTECTION_ORDER
    ruby_care = given_looked_after_child(
        a_child(authority, "Ruby", "Hale"), authority.social_worker, on=date(2027, 10, 16), legal_status=epo
    )
    given_looked_after_child(
        a_child(authority, "Sol", "Park"), authority.social_worker, on=date(2027, 10, 17), legal_status=epo
    )
    kim_care = given_looked_after_child(
        a_child(authority, "Kim", "Ng"), authority.social_worker, on=IN_THE_YEAR, legal_status=epo
    )
    change_legal_status(
        kim_care,
        changed_on=date(2027, 5, 10),
        legal_status=LegalStatus.INTERIM_CARE_ORDER,
        by=authority.social_worker.user,
    )
    # when / then
    assert _found("emergency_protection_order_too_long") == [
        Found(ruby_care.child_id, f"/children-in-care/periods/{ruby_care.pk}/legal-status/")
    ]


def test_a_review_of_a_child_in_care_overdue(authority: Authority) -> None:
    # given Ruby, in care since 3 May 2027 with no review recorded; Sol, in care since 25 October 2027; Kim, in
    # care since 3 May 2027 and reviewed on 28 May 2027, her second review due by 28 August 2027 (overdue too)
    iro = authority.service_manager
    ruby_care = _in_care(a_child(authority, "Ruby", "Hale"), authority)
    _in_care(a_child(authority, "Sol", "Tate"), authority, on=LATELY)
    kim = a_child(authority, "Kim", "Shaw")
    kim_care = _in_care(kim, authority)
    given_care_review(kim_care, iro, on=date(2027, 5, 28))
    # when / then: the review form of each period of care
    assert _found("looked_after_review_overdue") == [
        Found(ruby_care.child_id, f"/children-in-care/reviews/care/{ruby_care.pk}/reviews/new/", "Due 1 June 2027"),
        Found(kim.pk, f"/children-in-care/reviews/care/{kim_care.pk}/reviews/new/", "Due 28 August 2027"),
    ]


def test_a_review_child_protection_conference_overdue(authority: Authority) -> None:
    # given Cara, on a plan since 3 May 2027 with no review conference; Dan, on a plan since 25 October 2027
    cara = a_child(authority, "Cara", "Bell")
    plan = given_cp_plan(
        given_referral(cara, authority.social_worker, on=IN_THE_YEAR), authority.social_worker, on=IN_THE_YEAR
    )
    dan = a_child(authority, "Dan", "Bell")
    given_cp_plan(given_referral(dan, authority.social_worker, on=LATELY), authority.social_worker, on=LATELY)
    # when / then
    assert _found("cp_review_overdue") == [
        Found(cara.pk, f"/child-protection/plans/{plan.pk}/review-conference/new/", "Due 3 August 2027")
    ]


def test_a_health_assessment_of_a_child_in_care_overdue(authority: Authority) -> None:
    # given Ruby, in care since 3 May 2027 with no health assessment; Sol, in care since 25 October 2027
    ruby_care = _in_care(a_child(authority, "Ruby", "Hale"), authority)
    _in_care(a_child(authority, "Sol", "Tate"), authority, on=LATELY)
    # when / then: the work tray's own link, "Record a health assessment"
    assert _found("health_assessment_overdue") == [
        Found(ruby_care.child_id, f"/children-in-care/health/care/{ruby_care.pk}/assessments/new/", "Due 1 June 2027")
    ]


def test_a_care_leavers_birthday_without_the_903_information(authority: Authority) -> None:
    # given Kai, born 15 September 2010, in care from 2 June 2025, left care on 1 August 2027 at 16: a relevant
    # young person on his 17th birthday, 15 September 2027
    kai = a_child(authority, "Kai", "Morgan", sex="M", date_of_birth=date(2010, 9, 15))
    period = _in_care(kai, authority, on=date(2025, 6, 2))
    support = start_leaving_care_support(kai, on=date(2026, 9, 20), by=authority.social_worker.user)
    end_period_of_care(period, ended_on=date(2027, 8, 1), reason_ceased="E5", by=authority.social_worker.user)
    # when / then
    assert _found("care_leaver_information_missing") == [
        Found(kai.pk, f"/care-leavers/{kai.pk}/birthdays/new/", "17th birthday, 15 September 2027")
    ]
    # and once the information is recorded, through that form's action, nothing is found
    record_birthday_contact(
        support,
        birthday=17,
        contact_on=date(2027, 9, 20),
        in_touch="YES",
        activity="F2",
        accommodation="E",
        accommodation_suitable=True,
        by=authority.social_worker.user,
    )
    assert _found("care_leaver_information_missing") == []
