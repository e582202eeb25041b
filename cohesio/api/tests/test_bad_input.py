"""Odd input to the API gets a 4xx answer with a JSON body, never a 500 or a web page, on every database."""

import json

import pytest

from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document

ODD_SLUGS = [
    "riverside%00",  # a NUL character: PostgreSQL refuses it in a query
    "%00",
    "x" * 5000,
    "%F0%9F%98%80",  # an emoji
    "%ff",  # not UTF-8
    "riverside%0Aabc",
    "%27%3B%20drop",
    "riverside%2Fplan",
    "..%2F..%2Fetc",
]
ENDPOINTS = ["plan", "findings"]


@pytest.fixture
def signed_in(client, alice, riverside):
    import_plan(small_document(), riverside)
    client.force_login(alice)
    client.raise_request_exception = False
    return client


def _json_error(response, status: int) -> None:
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["detail"]


@pytest.mark.parametrize("slug", ODD_SLUGS)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_odd_locality_is_not_found_in_json(signed_in, slug, endpoint):
    _json_error(signed_in.get(f"/api/localities/{slug}/{endpoint}"), 404)


@pytest.mark.parametrize(
    "path",
    ["/api/nowhere", "/api/localities/riverside/plan/extra", "/api/localities/riverside/", "/api/%00"],
)
def test_an_address_under_the_api_that_names_no_endpoint_is_not_found_in_json(signed_in, path):
    _json_error(signed_in.get(path), 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_method_an_endpoint_does_not_take_is_refused_in_json(signed_in, method):
    response = getattr(signed_in, method)(
        "/api/localities/riverside/plan", data="{bad", content_type="application/json"
    )

    _json_error(response, 405)
    assert response["Allow"] == "GET"


def test_odd_query_parameters_are_ignored(signed_in):
    for path in [
        "/api/localities/?x=%00",
        "/api/localities/riverside/plan?%00=%00",
        "/api/localities/riverside/findings?a=" + "x" * 5000,
    ]:
        assert signed_in.get(path).status_code == 200


def test_pages_outside_the_api_still_get_the_site_s_not_found_page(signed_in):
    response = signed_in.get("/l/riverside/nowhere/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
