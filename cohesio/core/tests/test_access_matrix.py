"""Every URL pattern × every role (and anonymous, and an outsider) answers the expected status."""

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from cohesio.core.models import Invitation, Role
from cohesio.interventions.models import Intervention
from cohesio.network.models import Partner
from cohesio.plans.services import import_plan
from cohesio.plans.tests.documents import small_document
from conftest import make_member

OUR_NAMESPACES = {"core", "plans", "analysis", "network", "sharing", "interventions"}
EVERY_MEMBER = {role: 200 for role in Role.values}

# url name -> expected status per role; anonymous is redirected to sign in (302) on every locality page.
EXPECTED = {
    "core:home": {role: 302 for role in Role.values},  # one locality: straight to its plan
    "core:healthz": EVERY_MEMBER,
    "core:invitation_accept": EVERY_MEMBER,
    "core:members": {"coordinator": 200, "dpo": 200, "partner": 403, "political_owner": 403, "viewer": 403},
}
PUBLIC = {"core:healthz", "core:invitation_accept"}


def _names(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{entry.namespace}:" if entry.namespace else prefix
            yield from _names(entry, ns if entry.namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name and prefix.rstrip(":") in OUR_NAMESPACES:
            yield f"{prefix}{entry.name}"


URL_NAMES = sorted(set(_names()))


@pytest.fixture
def world(riverside, elsewhere):
    """Riverside with a plan and one member per role; Elsewhere with its own plan."""
    plan = import_plan(small_document(), riverside)
    import_plan(small_document("Elsewhere"), elsewhere)
    users = {role: make_member(riverside, role, f"{role}@riverside.example") for role in Role.values}
    users["outsider"] = make_member(elsewhere, "coordinator", "outsider@elsewhere.example")
    invitation = Invitation.objects.create(locality=riverside, email="new@riverside.example")
    kwargs = {
        "locality": "riverside",
        "pk": {
            "network:partner": Partner.objects.filter(plan=plan).first().pk,
            "interventions:detail": Intervention.objects.filter(plan=plan).first().pk,
        },
        "token": invitation.token,
    }
    return users, kwargs


def _url(name, kwargs):
    """Reverse `name` with whichever of locality / pk / token its pattern takes."""
    values = {"locality": kwargs["locality"], "pk": kwargs["pk"].get(name), "token": kwargs["token"]}
    for subset in ((), ("locality",), ("token",), ("locality", "pk")):
        try:
            return reverse(name, kwargs={k: values[k] for k in subset})
        except NoReverseMatch:
            continue
    raise AssertionError(f"no test arguments for {name}")


def test_the_matrix_covers_our_url_patterns():
    assert {"plans:overview", "network:partner", "interventions:detail", "core:members"} <= set(URL_NAMES)


@pytest.mark.parametrize("name", URL_NAMES)
@pytest.mark.parametrize("who", [*Role.values, "anonymous", "outsider"])
def test_url_answers_expected_status_for_each_role(client, world, name, who):
    users, kwargs = world
    url = _url(name, kwargs)
    if who != "anonymous":
        client.force_login(users[who])
    status = client.get(url).status_code
    if name in PUBLIC:
        expected = 200
    elif who == "anonymous":
        expected = 302
    elif who == "outsider":
        expected = 302 if name == "core:home" else 404
    else:
        expected = EXPECTED.get(name, EVERY_MEMBER)[who]
    assert status == expected, f"{who} GET {url}"
