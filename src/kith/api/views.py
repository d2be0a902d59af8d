"""Read-only endpoints over people's records, scoped exactly as the pages are.

Lists come from ``people_visible_to`` / ``children_visible_to`` and the detail from
``get_person_for_user_or_404``, so the API can never show what the pages would not.

Access logging: each read of one record (the detail endpoint) writes an access-log
row with ``what="api"``, and each refusal a ``"refused"`` row, exactly as a page view
does. List endpoints do not write a row per person listed: like the search results
page they show names and dates of birth to find a record, not the record itself, and
a row per result would bury the reads that matter in the log. Opening any one of
them through ``url`` is logged.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request

from kith.api.permissions import RequireVerifiedSession
from kith.api.serializers import PersonDetailSerializer, PersonSummarySerializer
from kith.people.access import children_visible_to, get_person_for_user_or_404, people_visible_to
from kith.people.models import Person
from kith.people.queries import search_people
from kith.platform.access.models import AccessLogEntry

API_PERMISSIONS = [IsAuthenticated, RequireVerifiedSession]

_SEARCH = OpenApiParameter(
    name="q",
    type=str,
    location=OpenApiParameter.QUERY,
    required=False,
    description="Name (partial or misspelt), Kith ID (K0000123) or NHS number. Empty: everyone you may see.",
)

_REFUSALS = {
    401: OpenApiResponse(description="No credentials were sent, or the token is not valid."),
    403: OpenApiResponse(description="A browser session that has not completed two-factor sign-in."),
}


def _search(among: QuerySet[Person], text: str) -> QuerySet[Person]:
    text = text.strip()
    if not text:
        return among.order_by("family_name", "given_name", "pk")
    return search_people(among, text=text)


class PersonList(generics.ListAPIView[Person]):
    serializer_class = PersonSummarySerializer
    permission_classes = API_PERMISSIONS

    @extend_schema(
        summary="List or search the people you may see",
        description=(
            "Children and adults within your access, paginated with limit and offset. Not access-logged per person."
        ),
        parameters=[_SEARCH],
        responses={200: OpenApiResponse(PersonSummarySerializer, description="A page of people."), **_REFUSALS},
        tags=["people"],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Person]:
        return _search(people_visible_to(self.request.user), self.request.query_params.get("q", ""))


class ChildList(PersonList):
    @extend_schema(
        summary="List or search the children you may see",
        description=(
            "Children only (including unborn children), paginated with limit and offset. Not access-logged per child."
        ),
        parameters=[_SEARCH],
        responses={200: OpenApiResponse(PersonSummarySerializer, description="A page of children."), **_REFUSALS},
        tags=["people"],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Person]:
        return _search(children_visible_to(self.request.user), self.request.query_params.get("q", ""))


class PersonDetail(generics.RetrieveAPIView[Person]):
    serializer_class = PersonDetailSerializer
    permission_classes = API_PERMISSIONS
    # Only for the schema's path parameter; records are fetched through the access function.
    queryset = Person.objects.none()

    @extend_schema(
        summary="Read one person's record",
        description="404 alike for a record that does not exist and one you may not see. Every read is access-logged.",
        responses={
            200: OpenApiResponse(PersonDetailSerializer, description="The person's record."),
            **_REFUSALS,
            404: OpenApiResponse(description="No such record, or not one you may see (the answer is the same)."),
        },
        tags=["people"],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_object(self) -> Person:
        person = get_person_for_user_or_404(
            self.request.user, self.kwargs["pk"], page=self.request.path, what=AccessLogEntry.What.API
        )
        self.check_object_permissions(self.request, person)
        return person


schema = SpectacularAPIView.as_view(permission_classes=API_PERMISSIONS)


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    """The API reference as a page of our own: Swagger UI and Redoc load scripts from CDNs, which the CSP forbids."""
    user = request.user
    if not user.is_authenticated:
        return redirect(f"{reverse('access:sign_in')}?next={request.path}")
    if getattr(settings, "KITH_REQUIRE_MFA", False) and not user.is_verified():  # type: ignore[attr-defined]
        return redirect(f"{reverse('access:two_factor')}?next={request.path}")
    api_request = Request(request, authenticators=[SessionAuthentication()])
    document = SchemaGenerator().get_schema(request=api_request, public=True)
    return render(request, "api/docs.html", {"info": document.get("info", {}), **_describe(document)})


def _describe(document: dict[str, Any]) -> dict[str, Any]:
    """The schema reshaped for a template: operations by path, and each component's fields."""
    operations = []
    for path, methods in document.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "anchor": operation.get("operationId", f"{method}-{path}"),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "location": parameter.get("in", ""),
                            "required": parameter.get("required", False),
                            "type": _type_of(parameter.get("schema", {})),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": [
                        {
                            "status": status,
                            "description": response.get("description", ""),
                            "schemas": sorted(
                                {_type_of(body.get("schema", {})) for body in response.get("content", {}).values()}
                            ),
                        }
                        for status, response in operation.get("responses", {}).items()
                    ],
                }
            )
    components = []
    for name, component in document.get("components", {}).get("schemas", {}).items():
        required = set(component.get("required", []))
        components.append(
            {
                "name": name,
                "description": component.get("description", ""),
                "properties": [
                    {
                        "name": field_name,
                        "type": _type_of(field),
                        "required": field_name in required,
                        "nullable": field.get("nullable", False),
                        "description": field.get("description", ""),
                    }
                    for field_name, field in component.get("properties", {}).items()
                ],
            }
        )
    return {"operations": operations, "components": components}


def _type_of(schema: dict[str, Any]) -> str:
    """A short name for a schema: a component's name, ``array of X``, or the JSON type and format."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _type_of(schema["allOf"][0])
    if "oneOf" in schema or "anyOf" in schema:
        return " or ".join(_type_of(option) for option in schema.get("oneOf", schema.get("anyOf", [])))
    if schema.get("type") == "array":
        return f"array of {_type_of(schema.get('items', {}))}"
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"] if value not in ("", None))
    kind = str(schema.get("type", "object"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind
