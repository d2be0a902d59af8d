"""Care leavers: the council's leaving care support, from becoming eligible to the 25th birthday.

Whether a young person is eligible, relevant, former relevant or qualifying is never stored:
``eligibility.status_on`` computes it from their time in care. What is stored is the work:
the start of leaving care support (the day the young person became eligible, and the needs
assessment clock it starts), the needs assessment, the personal adviser, each agreed version
of the pathway plan, the personal adviser's contact, where the young person lives, and the
903 care leaver information (OC3) around each of the 17th to 21st birthdays.

A pathway plan is agreed with the young person, then reviewed at least every six months;
each agreed version is a row, and the one in force is the latest not yet replaced. Its
actions live in ``kith.plans`` as objectives, so progress is recorded against them the same
way as on every other plan.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import Accommodation, Activity, InTouch

# The birthdays the 903 asks about care leavers around (the OC3 table).
OC3_BIRTHDAYS = (17, 18, 19, 20, 21)


@pghistory.track()
class LeavingCareSupport(models.Model):
    """The council's leaving care duties to one young person, started when they became eligible."""

    child = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="leaving_care", verbose_name="young person"
    )
    # Computed from the periods of care when support started (``eligibility.first_eligible_day``).
    became_eligible_on = models.DateField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Leaving care support from {long_date(self.became_eligible_on)}"


@pghistory.track()
class NeedsAssessment(models.Model):
    """The eligible child's needs assessment, from which the pathway plan is prepared (CPPCR 2010 regs 42-43)."""

    support = models.OneToOneField(LeavingCareSupport, on_delete=models.PROTECT, related_name="needs_assessment")
    completed_on = models.DateField()
    young_person_views = models.TextField()
    # The matters the assessment covers (CPPCR 2010 Sch 8, in practitioners' words).
    health_and_development = models.TextField()
    education_training_employment = models.TextField()
    family_and_relationships = models.TextField()
    practical_skills_and_money = models.TextField()
    accommodation = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Needs assessment completed on {long_date(self.completed_on)}"


@pghistory.track()
class PersonalAdviserAllocation(models.Model):
    """The personal adviser who supports the young person, one at a time (R-114)."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="advisers")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="personal_advisers")
    adviser = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="advisees")
    allocated_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-allocated_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("allocated_on")),
                name="personal_adviser_allocation_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_personal_adviser_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.adviser} as personal adviser from {long_date(self.allocated_on)}"


@pghistory.track()
class PathwayPlan(models.Model):
    """One agreed version of a young person's pathway plan (Care Leavers Regulations 2010, reg 6; R-051, R-053)."""

    # Named ``child`` like every other plan's, so the shared plan code reads it the same way.
    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="pathway_plans", verbose_name="young person"
    )
    agreed_on = models.DateField()
    # Set when a reviewed version replaces this one, or when support ends.
    replaced_on = models.DateField(null=True, blank=True)
    # The version this one replaced at a review; empty for the first plan.
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by")
    young_person_views = models.TextField()
    accommodation = models.TextField()
    education_training_employment = models.TextField()
    health_and_wellbeing = models.TextField()
    finance = models.TextField()
    support_network = models.TextField()
    contingency = models.TextField()
    # At a review: what changed, including changes the young person asked for.
    what_changed = models.TextField(blank=True)
    # The date the young person was given their copy.
    copy_given_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(replaced_on__isnull=True) | models.Q(replaced_on__gte=models.F("agreed_on")),
                name="pathway_plan_replaced_after_it_was_agreed",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(replaced_on__isnull=True),
                name="one_pathway_plan_in_force_per_young_person",
            ),
            models.CheckConstraint(
                condition=models.Q(copy_given_on__isnull=True) | models.Q(copy_given_on__gte=models.F("agreed_on")),
                name="pathway_plan_copy_given_after_it_was_agreed",
            ),
        ]

    def __str__(self) -> str:
        return f"Pathway plan agreed on {long_date(self.agreed_on)}"


class ContactKind(models.TextChoices):
    SEEN = "seen", "Seen in person"
    SPOKEN_TO = "spoken_to", "Spoken to by phone or video"
    MESSAGE = "message", "Letter, text or message only"


@pghistory.track()
class PersonalAdviserContact(models.Model):
    """A visit or other contact with the young person (R-114). Only seeing them counts as a visit."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="contacts")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="personal_adviser_contacts")
    contact_on = models.DateField()
    kind = models.CharField(max_length=10, choices=ContactKind.choices)
    where = models.CharField(max_length=200, blank=True)
    young_person_views = models.TextField(blank=True)
    notes = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-contact_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(kind="seen") | ~models.Q(where=""), name="a_visit_says_where"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.contact_on)}"


class Arrangement(models.TextChoices):
    """The arrangements behind a care leaver's home that the 903 code alone does not show (R-117)."""

    STAYING_PUT = "staying_put", "Staying put (with former foster carers after 18)"
    STAYING_CLOSE = "staying_close", "Staying close (near the former children's home, with its support)"
    SUPPORTED_LODGINGS = "supported_lodgings", "Supported lodgings"


# The 903 code each arrangement must go with, where there is only one.
ARRANGEMENT_ACCOMMODATION = {
    Arrangement.STAYING_PUT: Accommodation.FORMER_FOSTER_CARERS,
    Arrangement.SUPPORTED_LODGINGS: Accommodation.SUPPORTED_LODGINGS,
}


@pghistory.track()
class CareLeaverAccommodation(models.Model):
    """Where the young person lives after care, from ``moved_on``, in the 903 accommodation codes (R-117)."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="homes")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_leaver_homes")
    moved_on = models.DateField()
    accommodation = models.CharField(max_length=1, choices=Accommodation.choices)
    suitable = models.BooleanField()
    description = models.CharField(max_length=300)
    arrangement = models.CharField(max_length=20, choices=Arrangement.choices, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-moved_on", "-pk"]
        constraints = [
            # No fixed abode and custody are never suitable (903 rule 133).
            models.CheckConstraint(
                condition=~models.Q(accommodation__in=["S", "X"], suitable=True),
                name="no_fixed_abode_and_custody_are_unsuitable",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_accommodation_display()} from {long_date(self.moved_on)}"

    @property
    def code(self) -> str:
        """The 903 ACCOM code: the letter and 1 (suitable) or 2 (unsuitable)."""
        return f"{self.accommodation}{1 if self.suitable else 2}"


@pghistory.track()
class BirthdayContact(models.Model):
    """The care leaver information around a 17th to 21st birthday: one row of the 903 OC3 table."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="birthday_contacts")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="birthday_contacts")
    birthday = models.PositiveSmallIntegerField()
    birthday_on = models.DateField()
    # When the council was in touch (or last tried) for this birthday's information.
    contact_on = models.DateField()
    in_touch = models.CharField(max_length=4, choices=InTouch.choices)
    activity = models.CharField(max_length=2, choices=Activity.choices)
    # Blank: not known (the 903's 0).
    accommodation = models.CharField(max_length=1, choices=Accommodation.choices, blank=True)
    accommodation_suitable = models.BooleanField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-birthday_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["child", "birthday"], name="one_oc3_record_per_birthday"),
            models.CheckConstraint(
                condition=models.Q(birthday__gte=17, birthday__lte=21), name="oc3_birthday_17_to_21"
            ),
            models.CheckConstraint(
                condition=(models.Q(accommodation="") & models.Q(accommodation_suitable__isnull=True))
                | (~models.Q(accommodation="") & models.Q(accommodation_suitable__isnull=False)),
                name="oc3_accommodation_has_its_suitability",
            ),
        ]

    def __str__(self) -> str:
        return f"Care leaver information at {self.birthday} ({long_date(self.birthday_on)})"

    @property
    def accom_code(self) -> str:
        """The 903 ACCOM code: the letter and 1 or 2, or 0 when not known."""
        if not self.accommodation:
            return "0"
        return f"{self.accommodation}{1 if self.accommodation_suitable else 2}"


class SupportDecision(models.TextChoices):
    CONTINUE = "continue", "Wants support to continue after 21"
    STOP = "stop", "Does not want support after 21"
    OPT_BACK_IN = "opt_back_in", "Asked for support again"


@pghistory.track()
class SupportAfter21(models.Model):
    """The young person's choice at 21 about continued support, and any asking again up to 25 (R-115)."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="decisions_after_21")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="support_after_21")
    decided_on = models.DateField()
    decision = models.CharField(max_length=12, choices=SupportDecision.choices)
    young_person_views = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({long_date(self.decided_on)})"


class Entitlement(models.TextChoices):
    """The local offer's entitlements and the young person's rights, each explained and perhaps taken up (R-116)."""

    COUNCIL_TAX_EXEMPTION = "council_tax", "Council tax exemption"
    SETTING_UP_HOME = "setting_up_home", "Setting-up-home allowance"
    HIGHER_EDUCATION_BURSARY = "he_bursary", "Higher education bursary"
    FURTHER_EDUCATION_BURSARY = "fe_bursary", "16 to 19 bursary"
    FREE_PRESCRIPTIONS = "prescriptions", "Free prescriptions"
    LEISURE_PASS = "leisure_pass", "Free leisure pass"
    HOW_TO_COMPLAIN = "complaints", "How to complain"
    ADVOCACY = "advocacy", "How to get an advocate"


@pghistory.track()
class EntitlementRecord(models.Model):
    """One entitlement of the local offer: when it was explained, and when the young person took it up."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="entitlements")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="local_offer_entitlements")
    entitlement = models.CharField(max_length=16, choices=Entitlement.choices)
    explained_on = models.DateField()
    taken_up_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["entitlement"]
        constraints = [
            models.UniqueConstraint(fields=["child", "entitlement"], name="each_entitlement_explained_once"),
            models.CheckConstraint(
                condition=models.Q(taken_up_on__isnull=True) | models.Q(taken_up_on__gte=models.F("explained_on")),
                name="entitlement_taken_up_after_it_was_explained",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_entitlement_display()} explained on {long_date(self.explained_on)}"


@pghistory.track()
class Handover(models.Model):
    """The case handed from the children in care team to the leaving care team, and what went with it (R-120)."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="handovers")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="leaving_care_handovers")
    handed_over_on = models.DateField()
    from_team = models.ForeignKey("workforce.Team", on_delete=models.PROTECT, related_name="+")
    to_team = models.ForeignKey("workforce.Team", on_delete=models.PROTECT, related_name="+")
    # What was handed over: the plan, health, education, money, documents, who matters to them.
    handed_over = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-handed_over_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(from_team=models.F("to_team")), name="handover_between_teams")
        ]

    def __str__(self) -> str:
        return f"Handed over on {long_date(self.handed_over_on)}"


@pghistory.track()
class Parenthood(models.Model):
    """A care leaver who is a parent, their child, and the support given to them both (R-121)."""

    support = models.ForeignKey(LeavingCareSupport, on_delete=models.PROTECT, related_name="parenthood")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_leaver_parenthood")
    baby_born_on = models.DateField()
    lives_with_young_person = models.BooleanField()
    support_given = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-baby_born_on", "-pk"]

    def __str__(self) -> str:
        return f"Became a parent on {long_date(self.baby_born_on)}"


class ChangeDecision(models.TextChoices):
    AGREED = "agreed", "Agreed"
    PARTLY_AGREED = "partly_agreed", "Partly agreed"
    NOT_AGREED = "not_agreed", "Not agreed"


@pghistory.track()
class PlanChangeRequest(models.Model):
    """The young person asked to change their pathway plan; how the request was handled (R-054)."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="change_requests")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pathway_plan_requests")
    requested_on = models.DateField()
    what_was_asked = models.TextField()
    decision = models.CharField(max_length=14, choices=ChangeDecision.choices)
    decided_on = models.DateField()
    how_handled = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-requested_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decided_on__gte=models.F("requested_on")),
                name="plan_change_decided_after_it_was_asked",
            )
        ]

    def __str__(self) -> str:
        return f"Asked to change the pathway plan on {long_date(self.requested_on)}"
