"""Every URL pattern × every role (and anonymous, and an outsider) answers the expected status."""

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from cohesio.core.models import Invitation, Role
from cohesio.interventions.models import Intervention
from cohesio.network.models import Partner
from cohesio.plans.models import Goal
from cohesio.plans.services import import_plan
from cohesio.plans.tests.documents import small_document
from conftest import make_member

OUR_NAMESPACES = {"core", "plans", "analysis", "network", "sharing", "interventions", "review", "cocreation"}
EVERY_MEMBER = {role: 200 for role in Role.values}

# url name -> expected status per role; anonymous is redirected to sign in (302) on every locality page.
EXPECTED = {
    "core:home": {role: 302 for role in Role.values},  # one locality: straight to its plan
    "core:healthz": EVERY_MEMBER,
    "core:invitation_accept": EVERY_MEMBER,
    "core:members": {"coordinator": 200, "dpo": 200, "partner": 403, "political_owner": 403, "viewer": 403},
    # the check page's forms take POST only: coordinators get 405 for a GET, everyone else 403
    "review:acknowledge": {**{role: 403 for role in Role.values}, "coordinator": 405},
    "review:reopen": {**{role: 403 for role in Role.values}, "coordinator": 405},
    "review:accepted_terms": {**{role: 403 for role in Role.values}, "coordinator": 405},
}
COORDINATOR_ONLY = {**{role: 403 for role in Role.values}, "coordinator": 200}
COORDINATOR_POST_ONLY = {**{role: 403 for role in Role.values}, "coordinator": 405}
EXPECTED.update(
    {
        "plans:edit": COORDINATOR_ONLY,
        "plans:edit_create": COORDINATOR_ONLY,
        "plans:edit_delete": COORDINATOR_ONLY,
        "plans:edit_history": COORDINATOR_ONLY,
        "plans:edit_section": COORDINATOR_ONLY,
        "plans:edit_move": COORDINATOR_POST_ONLY,
        "plans:edit_undo": COORDINATOR_POST_ONLY,
        "plans:start": {**COORDINATOR_ONLY, "coordinator": 302},  # a plan exists: on to the next step
        "plans:start_step": COORDINATOR_ONLY,
        "network:invite": COORDINATOR_ONLY,
        "network:designate_coordinator": COORDINATOR_POST_ONLY,
        # members without a partner profile in this plan are told they have none
        "network:my_profile": {role: 404 for role in Role.values},
        "network:my_information_type": {role: 404 for role in Role.values},
    }
)
# co-creation: coordinators, partners and the political owner comment and propose; partners and the owner endorse
COMMENTERS = {"coordinator": 200, "partner": 200, "political_owner": 200, "dpo": 403, "viewer": 403}
COMMENTERS_POST_ONLY = {role: 405 if status == 200 else status for role, status in COMMENTERS.items()}
EXPECTED.update(
    {
        "cocreation:comment_add": COMMENTERS,
        "cocreation:comment_reply": COMMENTERS_POST_ONLY,
        "cocreation:comment_resolve": COMMENTERS_POST_ONLY,
        "cocreation:comment_reopen": COMMENTERS_POST_ONLY,
        "cocreation:notifications_read": {role: 405 for role in Role.values},
        "cocreation:proposal_add": COMMENTERS,
        "cocreation:proposal_accept": COORDINATOR_POST_ONLY,
        "cocreation:proposal_decline": COORDINATOR_POST_ONLY,
        "cocreation:endorsement": {**{role: 403 for role in Role.values}, "partner": 200, "political_owner": 200},
    }
)
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
            "network:designate_coordinator": Partner.objects.filter(plan=plan).last().pk,
            **{
                name: Goal.objects.filter(plan=plan).first().pk
                for name in ("plans:edit", "plans:edit_delete", "plans:edit_history", "plans:edit_move")
            },
        },
        "token": invitation.token,
    }
    return users, kwargs


def _url(name, kwargs):
    """Reverse `name` with whichever of locality / pk / token its pattern takes."""
    values = {
        "locality": kwargs["locality"],
        "pk": kwargs["pk"].get(name),
        "token": kwargs["token"],
        "kind": "vision" if name == "plans:edit_section" else "goal",
        "step": "vision",
        "direction": "up",
    }
    subsets = (
        (),
        ("locality",),
        ("token",),
        ("locality", "pk"),
        ("locality", "kind"),
        ("locality", "step"),
        ("locality", "kind", "pk"),
        ("locality", "kind", "pk", "direction"),
    )
    for subset in subsets:
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
