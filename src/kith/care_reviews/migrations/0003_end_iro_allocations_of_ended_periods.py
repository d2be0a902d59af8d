"""End the IRO allocations left open by periods of care that ended.

Before ending a period of care ended its IRO allocation too, a child who left care kept an open one:
the IRO went on counting the child, and a child coming back into care could not be given an IRO
(one open allocation per child). Each such allocation ends on the day its period did, as it would
have then.
"""

from django.db import migrations
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Greatest


def end_with_their_periods(apps, schema_editor):
    IroAllocation = apps.get_model("care_reviews", "IroAllocation")
    PeriodOfCare = apps.get_model("children_in_care", "PeriodOfCare")
    period_ended = PeriodOfCare.objects.filter(pk=OuterRef("period_id")).values("ended_on")[:1]
    # Never before the allocation began, which the table's check would refuse.
    IroAllocation.objects.filter(ended_on__isnull=True, period__ended_on__isnull=False).update(
        ended_on=Greatest(Subquery(period_ended), F("allocated_on"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("care_reviews", "0002_complaints_advocacy_and_independent_visitors"),
        ("children_in_care", "0006_previous_permanence"),
    ]

    # Nothing to undo: an allocation open after its period ended was never right.
    operations = [migrations.RunPython(end_with_their_periods, migrations.RunPython.noop)]
