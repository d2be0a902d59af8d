"""The education of children in care: the child's school, the personal education plan, exclusions and attendance.

The personal education plan (PEP) is part of the care plan: started within 10 working days
of the child becoming looked after and completed within 20, in time for the first review
(CPPCR 2010 reg 5(b)(ii) and the 2018 statutory guidance), then reviewed each term. Each
PEP meeting records the designated teacher's and the virtual school's part, the child's
views, specific targets and how pupil premium plus is used (R-056, R-111). Exclusions and
termly attendance are what the virtual school tracks for every child (R-107 to R-109).
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.education.terms import Term, term_name
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import Activity


class YearGroup(models.TextChoices):
    NURSERY = "N", "Nursery (early years)"
    RECEPTION = "R", "Reception"
    Y1 = "1", "Year 1"
    Y2 = "2", "Year 2"
    Y3 = "3", "Year 3"
    Y4 = "4", "Year 4"
    Y5 = "5", "Year 5"
    Y6 = "6", "Year 6"
    Y7 = "7", "Year 7"
    Y8 = "8", "Year 8"
    Y9 = "9", "Year 9"
    Y10 = "10", "Year 10"
    Y11 = "11", "Year 11"
    Y12 = "12", "Year 12"
    Y13 = "13", "Year 13"


class OfstedJudgement(models.TextChoices):
    """The school's last Ofsted judgement, looked at when choosing it (R-110)."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"
    NOT_YET_INSPECTED = "not_inspected", "Not yet inspected"
    NOT_INSPECTED_BY_OFSTED = (
        "not_ofsted",
        "Not inspected by Ofsted (outside England, or independent with another inspectorate)",
    )


class SenStatus(models.TextChoices):
    """The child's special educational needs provision (R-109), as the school census records it."""

    NONE = "none", "No special educational needs"
    SEN_SUPPORT = "sen_support", "SEN support"
    EHCP = "ehcp", "Education, health and care plan"


@pghistory.track()
class SchoolPlace(models.Model):
    """The school (or early years setting) the child attends, from when to when."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="schools")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="school_places")
    school_name = models.CharField(max_length=200)
    # The DfE unique reference number: six digits. Blank for a setting outside England's register.
    urn = models.CharField(max_length=6, blank=True)
    # The year group the child joined in.
    year_group = models.CharField(max_length=2, choices=YearGroup.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    # Why the child moved from their last school (RC12 ¶109: moves in Years 10 and 11 especially).
    reason_for_change = models.TextField(blank=True)
    # Blank on places recorded before these were asked.
    ofsted_judgement = models.CharField(max_length=20, choices=OfstedJudgement.choices, blank=True)
    sen_status = models.CharField(max_length=12, choices=SenStatus.choices, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_school_at_a_time"
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="school_place_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school_name} from {long_date(self.started_on)}"


@pghistory.track()
class PersonalEducationPlan(models.Model):
    """The child's PEP for a period of care: when it was started and when first completed."""

    period = models.OneToOneField(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="personal_education_plan"
    )
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="personal_education_plans")
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True) | models.Q(completed_on__gte=models.F("started_on")),
                name="pep_completed_after_it_was_started",
            ),
        ]

    def __str__(self) -> str:
        return f"Personal education plan started on {long_date(self.started_on)}"


class PepMeetingKind(models.TextChoices):
    FIRST = "first", "PEP completed"
    REVIEW = "review", "PEP review"


class PepQuality(models.TextChoices):
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


@pghistory.track()
class PepMeeting(models.Model):
    """A PEP meeting: the first completes the plan, later ones review it each term."""

    plan = models.ForeignKey(PersonalEducationPlan, on_delete=models.PROTECT, related_name="meetings")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pep_meetings")
    kind = models.CharField(max_length=10, choices=PepMeetingKind.choices)
    held_on = models.DateField()
    designated_teacher = models.CharField(max_length=150)
    virtual_school = models.CharField(max_length=150)
    # In the child's words where possible, in depth.
    child_views = models.TextField()
    # Specific targets, each with how progress will be measured and by when.
    targets = models.TextField()
    # How pupil premium plus (and any enrichment funding) will be spent.
    pupil_premium_plus = models.TextField(blank=True)
    # The virtual school's rating of the quality of this PEP: set once, all together.
    quality_rating = models.CharField(max_length=20, choices=PepQuality.choices, blank=True)
    quality_rated_on = models.DateField(null=True, blank=True)
    quality_rated_by = models.CharField(max_length=150, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "held_on"], name="one_pep_meeting_a_day"),
            models.CheckConstraint(
                condition=(models.Q(quality_rating="") & models.Q(quality_rated_on__isnull=True))
                | (~models.Q(quality_rating="") & models.Q(quality_rated_on__gte=models.F("held_on"))),
                name="pep_quality_rated_on_or_after_the_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.held_on)}"


class ExclusionKind(models.TextChoices):
    SUSPENSION = "suspension", "Suspension (fixed-term exclusion)"
    PERMANENT = "permanent", "Permanent exclusion"


# A pupil may be suspended for no more than 45 school days in a school year.
MOST_SUSPENSION_DAYS = 45


@pghistory.track()
class Exclusion(models.Model):
    """A suspension or permanent exclusion from school (R-109)."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="exclusions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="exclusions")
    school = models.ForeignKey(SchoolPlace, on_delete=models.PROTECT, null=True, blank=True, related_name="exclusions")
    kind = models.CharField(max_length=10, choices=ExclusionKind.choices)
    starts_on = models.DateField()
    # School days, for a suspension; none for a permanent exclusion.
    days = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField()
    # The child's SEN provision when excluded, so disproportion shows; blank: not known.
    sen_status = models.CharField(max_length=12, choices=SenStatus.choices, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind=ExclusionKind.SUSPENSION, days__gte=1, days__lte=MOST_SUSPENSION_DAYS)
                    | models.Q(kind=ExclusionKind.PERMANENT, days__isnull=True)
                ),
                name="suspensions_have_1_to_45_days",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {long_date(self.starts_on)}"


# Missing 10% or more of sessions is persistent absence (DfE).
PERSISTENT_ABSENCE_BELOW = 90


@pghistory.track()
class TermAttendance(models.Model):
    """The child's attendance over a school term, as a percentage of possible sessions."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="attendance")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="term_attendance")
    # The year the school year starts: 2026 is 2026/27.
    school_year = models.PositiveSmallIntegerField()
    term = models.CharField(max_length=6, choices=Term.choices)
    attendance_percent = models.DecimalField(max_digits=4, decimal_places=1)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-school_year", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["child", "school_year", "term"], name="one_attendance_a_term"),
            models.CheckConstraint(
                condition=models.Q(attendance_percent__gte=0, attendance_percent__lte=100),
                name="attendance_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attendance_percent}% in {term_name(self.school_year, self.term)}"

    @property
    def persistently_absent(self) -> bool:
        return self.attendance_percent < PERSISTENT_ABSENCE_BELOW


@pghistory.track()
class CareLeaverEducationReview(models.Model):
    """The virtual school's oversight of a care leaver's education, training or employment (R-112).

    The main activity is in the 903's own codes, so the virtual school and the birthday returns speak alike.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_leaver_eet_reviews")
    reviewed_on = models.DateField()
    activity = models.CharField(max_length=2, choices=Activity.choices)
    # Who reviewed it for the virtual school.
    virtual_school = models.CharField(max_length=150)
    # What the young person is doing, and what the virtual school will do to help.
    notes = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["child", "reviewed_on"], name="one_eet_review_a_day")]

    def __str__(self) -> str:
        return f"Education, training or employment reviewed on {long_date(self.reviewed_on)}"
