"""A NUL character is refused with a message on every database, never stored and never a 500 (PostgreSQL cannot
store one in text or JSON; SQLite can, which hid the fault). Run this file on both databases.

Every form on every page of a locality is posted with a NUL in each of its fields in turn; every page is asked
for with NUL in the query; the map's GeoJSON, the one JSON field typed into a form, gets one inside a string.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db import models

from cohesio.analysis.models import Area
from cohesio.document.services import import_plan

from .documents import small_document
from .pages import all_pages

NUL = "a\x00b"


class _PostForms(HTMLParser):
    """The POST forms of a page: action and the fields with their values as the page gives them."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._fields: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._fields = {}
            self.forms.append((attrs.get("action") or "", self._fields))
        elif tag in ("input", "textarea", "select") and self._fields is not None and attrs.get("name"):
            self._fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None


def _forms(client, pages) -> dict[tuple[str, tuple[str, ...]], dict[str, str]]:
    found = {}
    for page in pages:
        response = client.get(page)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        parser = _PostForms()
        parser.feed(response.content.decode())
        for action, fields in parser.forms:
            found.setdefault((action or page, tuple(sorted(fields))), fields)
    return found


def _stored_nul() -> list[str]:
    """Text columns of the plan's apps that hold a NUL (only SQLite can store one)."""
    found = []
    for app in ("core", "plans", "analysis", "network", "sharing", "interventions", "review", "cocreation"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField):
                    # read back and looked at here: SQLite cuts a query parameter at a NUL
                    values = model._default_manager.values_list(field.name, flat=True)
                    if any("\x00" in (value or "") for value in values):
                        found.append(f"{model.__name__}.{field.name}")
    return found


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def test_every_form_refuses_a_nul_in_every_field(client, alice, plan):
    client.force_login(alice)
    client.raise_request_exception = False
    forms = _forms(client, all_pages(plan))
    errors = []
    for (action, names), fields in forms.items():
        for name in names:
            if name == "csrfmiddlewaretoken":
                continue
            status = client.post(action, {**fields, name: NUL}).status_code
            if status >= 500:
                errors.append(f"{action} {name}: {status}")

    assert len(forms) > 30  # the walk reaches the edit forms, the check page's forms, comments, proposals
    assert errors == []
    assert _stored_nul() == []


def test_every_page_ignores_a_nul_in_the_query(client, alice, plan):
    client.force_login(alice)
    client.raise_request_exception = False
    names = ["level", "page", "element", "text", "to", "role", "public", "next", "kind", "version"]
    query = "&".join(f"{name}=a%00b" for name in names)

    errors = [page for page in all_pages(plan) if client.get(f"{page}?{query}").status_code >= 500]

    assert errors == []


def test_a_nul_inside_the_geojson_of_an_area_is_refused_with_a_message(client, alice, plan):
    client.force_login(alice)
    geometry = '{"type": "Point", "coordinates": ["\\u0000", 52]}'

    response = client.post("/l/riverside/edit/area/new/", {"name": "New Town", "geometry": geometry})

    assert response.status_code == 200
    assert "The GeoJSON geometry needs coordinates" in response.content.decode()
    assert not Area.objects.filter(name="New Town").exists()
