"""The agencies that take part in meetings about a child: strategy discussions, conferences, core groups."""

from django.db import models


class Agency(models.TextChoices):
    SOCIAL_CARE = "social_care", "Children's social care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    ADULT_SERVICES = "adult_services", "Adult services"
    VOLUNTARY = "voluntary", "Voluntary sector"
    FAMILY = "family", "Family"
    OTHER = "other", "Other"
