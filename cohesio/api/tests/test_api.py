"""The HTTP API: the plan and its findings for members, JSON errors for everyone else."""

import pytest

from cohesio.document.services import import_plan
from cohesio.format import load
from cohesio.plans.tests.documents import small_document


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def test_member_lists_their_localities(client, bob, plan):
    client.force_login(bob)
    assert client.get("/api/localities/").json() == [
        {"slug": "riverside", "name": "Riverside", "kind": "municipality", "fictional": False, "role": "partner"}
    ]


def test_member_reads_the_plan_in_the_open_format(client, bob, plan):
    client.force_login(bob)
    response = client.get("/api/localities/riverside/plan")
    assert response.status_code == 200
    assert load(response.json()).plan.title == "Together in Riverside"


def test_findings_have_code_severity_element_path_message_hint(client, bob, plan):
    client.force_login(bob)
    body = client.get("/api/localities/riverside/findings").json()
    assert body["findings"], "the small test plan has gaps the checker names"
    assert {"code", "severity", "element", "path", "message", "hint"} <= set(body["findings"][0])
    assert set(body["summary"]) == {"errors", "warnings", "tips", "accepted"}


@pytest.mark.parametrize("url", ["/api/localities/riverside/plan", "/api/localities/riverside/findings"])
def test_outsider_gets_a_json_404(client, charlie, plan, url):
    client.force_login(charlie)
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_anonymous_gets_a_json_401(client, db):
    response = client.get("/api/localities/")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_locality_without_a_plan_is_a_json_404(client, alice):
    client.force_login(alice)
    assert client.get("/api/localities/riverside/plan").status_code == 404


def test_openapi_schema_documents_the_endpoints(client, db):
    schema = client.get("/api/openapi.json").json()
    assert "/api/localities/{slug}/plan" in schema["paths"]
    assert "404" in schema["paths"]["/api/localities/{slug}/findings"]["get"]["responses"]
