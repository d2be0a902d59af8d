"""The health of children in care: health assessments, dental checks, immunisations and SDQ scores.

An initial health assessment by a registered medical practitioner is due within 20 working
days of the child becoming looked after; review health assessments follow every 6 months
for a child under 5 and every year from 5 (CPPCR 2010 reg 7 and the 2015 statutory
guidance). Health professionals are not Kith staff, so who assessed the child is a name and
a professional type (R-102). Dental checks, immunisations and the carer's Strengths and
Difficulties Questionnaire are the dated facts behind the 903 OC2 table and Annex A list 8.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


class AssessmentKind(models.TextChoices):
    INITIAL = "initial", "Initial health assessment"
    REVIEW = "review", "Review health assessment"


class AssessorRole(models.TextChoices):
    """Who carried out the assessment, by professional type (R-102)."""

    PAEDIATRICIAN = "paediatrician", "Paediatrician"
    GP = "gp", "GP"
    OTHER_DOCTOR = "other_doctor", "Other registered medical practitioner"
    LAC_NURSE = "lac_nurse", "Looked-after children's nurse"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    SCHOOL_NURSE = "school_nurse", "School nurse"
    MIDWIFE = "midwife", "Midwife"


# Reg 7: the initial assessment is by a registered medical practitioner; reviews may be by a
# registered nurse or midwife too.
MEDICAL_PRACTITIONERS = frozenset({AssessorRole.PAEDIATRICIAN, AssessorRole.GP, AssessorRole.OTHER_DOCTOR})


@pghistory.track()
class HealthAssessment(models.Model):
    """An initial or review health assessment, with its outcomes and the health plan's actions."""

    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="health_assessments"
    )
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="health_assessments")
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices)
    assessed_on = models.DateField()
    assessor_name = models.CharField(max_length=150)
    assessor_role = models.CharField(max_length=20, choices=AssessorRole.choices)
    # An assessment is of the child, seen: one without them is an appointment missed, not an assessment.
    child_seen = models.BooleanField()
    outcomes = models.TextField()
    # The health plan: what will be done, by whom (R-055: clear and measurable).
    health_plan = models.TextField()
    # The discussion of risk-taking: sexual health, substance misuse, smoking.
    risk_discussion = models.TextField(blank=True)
    # The 903 OC2 substance misuse items: identified; then whether an intervention was received, and
    # if not, whether one was offered (rules 192, 193). Null: not asked.
    substance_misuse = models.BooleanField(null=True)
    intervention_received = models.BooleanField(null=True)
    intervention_offered = models.BooleanField(null=True)
    # What the child thinks of the health services they receive: their GP, dentist, CAMHS.
    child_views_on_services = models.TextField(blank=True)
    # Carried out by a health team outside the authority, for a child placed out of area.
    out_of_area = models.BooleanField(default=False)
    # The LAC health team's quality assurance of the assessment: set once, all together.
    quality_checked_on = models.DateField(null=True, blank=True)
    quality_checked_by = models.CharField(max_length=150, blank=True)
    meets_standard = models.BooleanField(null=True, blank=True)
    quality_notes = models.TextField(blank=True)
    # An out-of-area assessment's forms scrutinised on their return to the authority.
    scrutinised_on = models.DateField(null=True, blank=True)
    scrutinised_by = models.CharField(max_length=150, blank=True)
    scrutiny_outcome = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["child", "assessed_on"], name="one_health_assessment_a_day"),
            models.CheckConstraint(condition=models.Q(child_seen=True), name="health_assessment_sees_the_child"),
            models.CheckConstraint(
                condition=models.Q(quality_checked_on__isnull=True, meets_standard__isnull=True)
                | models.Q(quality_checked_on__isnull=False, meets_standard__isnull=False),
                name="health_assessment_quality_check_has_its_result",
            ),
            models.CheckConstraint(
                condition=models.Q(scrutinised_on__isnull=True) | models.Q(out_of_area=True),
                name="only_out_of_area_assessments_are_scrutinised_on_return",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.assessed_on)}"


@pghistory.track()
class DentalCheck(models.Model):
    """A dental check the child attended (R-097; Annex A "date of last dental check")."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="dental_checks")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="dental_checks")
    checked_on = models.DateField()
    dentist = models.CharField(max_length=150, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["child", "checked_on"], name="one_dental_check_a_day")]

    def __str__(self) -> str:
        return f"Dental check on {long_date(self.checked_on)}"


@pghistory.track()
class ImmunisationCheck(models.Model):
    """Whether the child's immunisations were up to date when checked, and what was outstanding."""

    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="immunisation_checks"
    )
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="immunisation_checks")
    checked_on = models.DateField()
    up_to_date = models.BooleanField()
    outstanding = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["child", "checked_on"], name="one_immunisation_check_a_day"),
            models.CheckConstraint(
                condition=models.Q(up_to_date=True) | ~models.Q(outstanding=""),
                name="immunisations_not_up_to_date_say_what_is_outstanding",
            ),
        ]

    def __str__(self) -> str:
        return f"Immunisations {'up to date' if self.up_to_date else 'not up to date'} on {long_date(self.checked_on)}"


SDQ_LOWEST = 0
SDQ_HIGHEST = 40
# The 903 asks for an SDQ for children aged 4 to 16 (rules 188, 189).
SDQ_AGES = range(4, 17)


@pghistory.track()
class SdqScore(models.Model):
    """The total difficulties score of the carer's Strengths and Difficulties Questionnaire (903 SDQ_SCORE)."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="sdq_scores")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="sdq_scores")
    completed_on = models.DateField()
    score = models.PositiveSmallIntegerField()
    # Who filled in the questionnaire: the carer (the 903's), with the child's own where appropriate.
    completed_by = models.CharField(max_length=150)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["child", "completed_on"], name="one_sdq_a_day"),
            models.CheckConstraint(
                condition=models.Q(score__gte=SDQ_LOWEST, score__lte=SDQ_HIGHEST), name="sdq_score_0_to_40"
            ),
        ]

    def __str__(self) -> str:
        return f"SDQ {self.score} on {long_date(self.completed_on)}"


class PregnancyOutcome(models.TextChoices):
    BABY_BORN = "born", "Baby born"
    MISCARRIAGE = "miscarriage", "Miscarriage"
    TERMINATION = "termination", "Termination"


@pghistory.track()
class Pregnancy(models.Model):
    """A young person in care is pregnant (R-098): recorded by the child's workers, not left to chance."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="pregnancies")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pregnancies")
    known_on = models.DateField()
    # The support offered: midwife, the LAC nurse, a parenting assessment, the young person's wishes.
    support = models.TextField()
    outcome = models.CharField(max_length=12, choices=PregnancyOutcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-known_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(outcome="") & models.Q(outcome_on__isnull=True))
                | (~models.Q(outcome="") & models.Q(outcome_on__gte=models.F("known_on"))),
                name="pregnancy_outcome_has_its_date_after_it_was_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Pregnancy known on {long_date(self.known_on)}"


# The health passport is given from 16, as the young person prepares to leave care (HP10 ¶51).
PASSPORT_FROM_AGE = 16


@pghistory.track()
class HealthPassportGiven(models.Model):
    """The day a young person was given their health history in words they can read (R-096)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="health_passports")
    given_on = models.DateField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-given_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["child", "given_on"], name="one_health_passport_a_day")]

    def __str__(self) -> str:
        return f"Health passport given on {long_date(self.given_on)}"
