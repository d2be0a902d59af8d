"""How people's records read through the API. Read-only: the API changes nothing yet.

Codes are the DfE and Kith codes stored on the record (``sex`` "M"/"F"/"U",
``ethnicity`` "WBRI"...), so that other systems receive what the returns receive.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kith.people.models import Person
from kith.people.queries import current_residence
from kith.workforce.queries import current_allocation


class CurrentAddressSerializer(serializers.Serializer[Any]):
    line_1 = serializers.CharField(source="address.line_1", read_only=True)
    line_2 = serializers.CharField(source="address.line_2", read_only=True)
    town = serializers.CharField(source="address.town", read_only=True)
    postcode = serializers.CharField(source="address.postcode", read_only=True)
    moved_in_on = serializers.DateField(read_only=True)


class CurrentAllocationSerializer(serializers.Serializer[Any]):
    team = serializers.CharField(source="team.name", read_only=True)
    worker = serializers.CharField(
        source="worker.full_name",
        read_only=True,
        allow_null=True,
        help_text="Empty while the child waits for a named worker.",
    )
    started_on = serializers.DateField(read_only=True)


class PersonSummarySerializer(serializers.ModelSerializer[Person]):
    """One line of a list of people."""

    kith_id = serializers.CharField(read_only=True, help_text="The number staff quote, e.g. K0000123.")
    url = serializers.HyperlinkedIdentityField(view_name="api:person", help_text="The full record through the API.")

    class Meta:
        model = Person
        fields = (
            "id",
            "kith_id",
            "url",
            "kind",
            "given_name",
            "family_name",
            "preferred_name",
            "date_of_birth",
            "expected_date_of_birth",
        )
        read_only_fields = fields


class PersonDetailSerializer(serializers.ModelSerializer[Person]):
    """A person's record: who they are, their identifiers, where they live and who holds the case."""

    kith_id = serializers.CharField(read_only=True, help_text="The number staff quote, e.g. K0000123.")
    disabilities = serializers.SerializerMethodField(help_text="CIN census disability codes, in code order.")
    current_address = serializers.SerializerMethodField()
    current_allocation = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = (
            "id",
            "kith_id",
            "kind",
            "given_name",
            "middle_names",
            "family_name",
            "preferred_name",
            "date_of_birth",
            "expected_date_of_birth",
            "sex",
            "ethnicity",
            "religion",
            "first_language",
            "interpreter_needed",
            "disabilities",
            "nhs_number",
            "upn",
            "current_address",
            "current_allocation",
        )
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_disabilities(self, person: Person) -> list[str]:
        return sorted(disability.code for disability in person.disabilities.all())

    @extend_schema_field(CurrentAddressSerializer(allow_null=True))
    def get_current_address(self, person: Person) -> dict[str, Any] | None:
        residence = current_residence(person)
        return CurrentAddressSerializer(residence).data if residence is not None else None

    @extend_schema_field(CurrentAllocationSerializer(allow_null=True))
    def get_current_allocation(self, person: Person) -> dict[str, Any] | None:
        allocation = current_allocation(person)
        return CurrentAllocationSerializer(allocation).data if allocation is not None else None
