"""Every URL pattern × GET and POST × every role, anonymous and an outsider answers the expected status.

The URL names come from the resolver, so a new route without an explicit expectation here fails the test.
Only a small, named list of routes is left to the libraries that own them (see NOT_OURS).
POSTs carry the caller's own CSRF token (the client enforces CSRF checks), and a refused POST writes nothing.
"""

import pytest
from django.conf import settings
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from cohesio.audit.models import AuditEvent
from cohesio.cocreation.models import Endorsement
from cohesio.core.models import Invitation, Role
from cohesio.document.services import import_plan
from cohesio.exports.services import export_file_request, version_publish
from cohesio.interventions.models import Intervention
from cohesio.network.models import Partner
from cohesio.plans.models import Goal
from cohesio.plans.tests.documents import small_document
from conftest import make_member

# Routes owned and tested by the libraries that provide them, each with the reason.
NOT_OURS = {
    "admin:": "Django admin: staff only, its login throttled with the account login (test_login_protection)",
    "account_": "django-allauth's sign-in, password and e-mail pages",
    "mfa_": "django-allauth's two-step sign-in pages",
    "set_language": "Django's language switch (no data)",
}

ROLES = list(Role.values)
WHO = [*ROLES, "anonymous", "outsider"]


def _all(status, **overrides):
    """The same status for every caller, with exceptions."""
    return {**{who: status for who in WHO}, **overrides}


def _members(status, *, anonymous=302, outsider=404, **overrides):
    """`status` for members of the locality; anonymous sent to sign in; people of other localities get 404."""
    return {**{role: status for role in ROLES}, "anonymous": anonymous, "outsider": outsider, **overrides}


def _only(allowed: dict, *, others=403, anonymous=302, outsider=404):
    """Roles in `allowed` get their status; other members `others`."""
    return {**{role: others for role in ROLES}, **allowed, "anonymous": anonymous, "outsider": outsider}


READ_PAGE = {"GET": _members(200), "POST": _members(405)}
COORDINATOR_FORM = {"GET": _only({"coordinator": 200}), "POST": _only({"coordinator": 200})}
COORDINATOR_ACTION = {"GET": _only({"coordinator": 405}), "POST": _only({"coordinator": 302})}
# the data-protection officer comments on the information sharing only; the service refuses other parts
COMMENTERS = {"coordinator": 200, "partner": 200, "political_owner": 200, "dpo": 200}
# actions on one comment or proposal: an empty POST names none, so it is not found
ON_A_COMMENT = {"GET": _only(dict.fromkeys(COMMENTERS, 405)), "POST": _only(dict.fromkeys(COMMENTERS, 404))}
ON_A_PROPOSAL = {"GET": _only({"coordinator": 405}), "POST": _only({"coordinator": 404})}
DPO_PAGE = {"GET": _only({"dpo": 200}), "POST": _only({"dpo": 405})}
API_READ = {"GET": _members(200, anonymous=401), "POST": _all(405)}  # the method is checked first

EXPECTED = {
    # core
    "core:home": {"GET": _all(302), "POST": _all(405, anonymous=302)},  # one locality: straight to its plan
    "core:healthz": {"GET": _all(200), "POST": _all(405)},
    # signed in, the invited address is none of theirs; signed out, someone new is asked for a name and password
    "core:invitation_accept": {"GET": _all(403, anonymous=200), "POST": _all(403, anonymous=200)},
    "core:members": {"GET": _only({"coordinator": 200, "dpo": 200}), "POST": _only({"coordinator": 405, "dpo": 405})},
    "core:member_role": COORDINATOR_FORM,  # an empty form: errors shown, nothing changed
    "core:member_remove": {"GET": _only({"coordinator": 200}), "POST": _only({"coordinator": 302})},
    "core:invitation_resend": COORDINATOR_ACTION,
    "core:invitation_revoke": {"GET": _only({"coordinator": 200}), "POST": _only({"coordinator": 302})},
    # platform staff only: to everyone else the page does not exist
    "core:locality_create": {"GET": _all(404, anonymous=302), "POST": _all(404, anonymous=302)},
    # plans
    "plans:overview": READ_PAGE,
    "plans:strategy": READ_PAGE,
    "plans:political_support": READ_PAGE,
    "plans:definitions": READ_PAGE,
    "plans:export_json": READ_PAGE,
    "plans:start": {"GET": _only({"coordinator": 302}), "POST": _only({"coordinator": 302})},  # a plan exists
    "plans:start_step": COORDINATOR_FORM,
    "plans:edit": COORDINATOR_FORM,
    "plans:edit_create": COORDINATOR_FORM,
    "plans:edit_section": COORDINATOR_FORM,
    "plans:edit_delete": {"GET": _only({"coordinator": 200}), "POST": _only({"coordinator": 302})},
    "plans:edit_history": {"GET": _only({"coordinator": 200}), "POST": _only({"coordinator": 405})},
    "plans:edit_move": COORDINATOR_ACTION,
    "plans:edit_undo": {"GET": _only({"coordinator": 405}), "POST": _only({"coordinator": 404})},  # nothing to undo
    # elements
    "analysis:analysis": READ_PAGE,
    "network:network": READ_PAGE,
    "network:partner": READ_PAGE,
    "network:invite": COORDINATOR_FORM,
    "network:designate_coordinator": COORDINATOR_ACTION,
    "network:coordinator_self": COORDINATOR_ACTION,  # an empty form: back to the start path with a message
    # members without a partner profile in this plan are told they have none
    "network:my_profile": {"GET": _members(404), "POST": _members(404)},
    "sharing:my_information_types": {"GET": _members(404), "POST": _members(404)},
    "sharing:cooperation": READ_PAGE,
    "plans:sharing_evaluations": READ_PAGE,
    # answered by the contact of a signing organisation; these members have no partner record in the plan
    "plans:sharing_evaluation_answer": {"GET": _members(404), "POST": _members(404)},
    "sharing:matrix": READ_PAGE,
    # signing needs a partner record with an organisation; no member of the world has one
    "sharing:agreement_sign": {"GET": _members(404), "POST": _members(404)},
    "sharing:agreement_in_force": COORDINATOR_FORM,  # an empty form: no date, errors shown, nothing changed
    "sharing:agreement_template": COORDINATOR_FORM,  # the plan has an agreement: an empty form chooses no file
    "interventions:list": READ_PAGE,
    "interventions:detail": READ_PAGE,
    # review: the check page's forms take POST only
    "review:check": READ_PAGE,
    "review:check_json": READ_PAGE,
    # an empty POST names no finding: back to the check page with a message
    "review:acknowledge": COORDINATOR_ACTION,
    "review:reopen": COORDINATOR_ACTION,
    "review:accepted_terms": {"GET": _only({"coordinator": 405}), "POST": _only({"coordinator": 302})},
    # co-creation: coordinators, partners, the political owner (and the data-protection officer) comment and propose
    "cocreation:comment_add": {"GET": _only(COMMENTERS), "POST": _only(COMMENTERS)},
    "cocreation:comment_reply": ON_A_COMMENT,
    "cocreation:comment_resolve": ON_A_COMMENT,
    "cocreation:comment_reopen": ON_A_COMMENT,
    "cocreation:notifications": READ_PAGE,
    "cocreation:notifications_read": {"GET": _members(405), "POST": _members(404)},  # no notification named
    "cocreation:proposals": READ_PAGE,
    "cocreation:proposal_add": {"GET": _only(COMMENTERS), "POST": _only(COMMENTERS)},
    "cocreation:proposal_accept": ON_A_PROPOSAL,
    "cocreation:proposal_decline": ON_A_PROPOSAL,
    "cocreation:endorsement": {
        "GET": _only({"partner": 200, "political_owner": 200}),
        "POST": _only({"partner": 200, "political_owner": 200}),
    },
    # the page shows everyone the workflow; the status service decides who may make which move
    # an empty answer: back to the page with a message, nothing saved
    "cocreation:objection_answer": {"GET": _only({"coordinator": 405}), "POST": _only({"coordinator": 302})},
    "cocreation:status": {"GET": _members(200), "POST": _members(200)},
    # exports: published versions (the world has version 1) and comparing them
    "exports:versions": READ_PAGE,
    "exports:publish": COORDINATOR_ACTION,  # an empty note is fine: a version is published
    "exports:publication": COORDINATOR_ACTION,  # an empty form switches the public page off
    "exports:compare": READ_PAGE,
    "exports:compare_json": READ_PAGE,
    # import as an update: coordinators only; an empty POST chooses no file (400), an empty confirmation has no
    # preview to confirm (back to the upload page)
    "exports:import": {"GET": _only({"coordinator": 200}), "POST": _only({"coordinator": 400})},
    "exports:import_confirm": {"GET": _only({"coordinator": 405}), "POST": _only({"coordinator": 302})},
    # downloads of the current plan and of version 1, every member (the export is audited)
    **{
        f"exports:{which}_{fmt}": READ_PAGE
        for which in ("current", "version")
        for fmt in ("docx", "pdf", "odt", "html")
    },
    # the information-sharing agreement and each organisation's protocol, as pages and files (downloads audited);
    # "my protocol" sends a member without an organisation in the plan to the list of protocols
    "exports:agreement": READ_PAGE,
    "exports:protocol": READ_PAGE,
    "exports:my_protocol": {"GET": _members(302), "POST": _members(405)},
    **{f"exports:{which}_{fmt}": READ_PAGE for which in ("agreement", "protocol") for fmt in ("docx", "pdf")},
    # large plans' exports prepared in the background; the world has one waiting, so not downloadable yet
    "exports:prepare": {"GET": _members(405), "POST": _members(404)},  # an empty form names no export
    "exports:file": READ_PAGE,
    "exports:file_download": {"GET": _members(404), "POST": _members(405)},
    # the public page answers anyone, but only at the token of a page switched on: an invitation token is not one
    "public:page": {"GET": _all(404), "POST": _all(405)},
    "public:pdf": {"GET": _all(404), "POST": _all(405)},
    # the data-protection officer's pages: the workspace, the audit trail and its download (which is recorded)
    "plans:data_protection": DPO_PAGE,
    "audit:trail": DPO_PAGE,
    "audit:trail_csv": DPO_PAGE,
    # the API: the session signs in; others' localities are not found
    "api:api-root": {"GET": _all(404), "POST": _all(404)},
    "api:openapi-json": {"GET": _all(200), "POST": _all(200)},  # django-ninja serves its description to any method
    "api:openapi-view": {"GET": _all(200), "POST": _all(200)},
    "api:list_localities": {"GET": _all(200, anonymous=401), "POST": _all(405)},
    "api:get_plan": API_READ,
    "api:get_findings": API_READ,
}


def _walk(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}" if entry.name else f"{namespace}<unnamed {entry.pattern}>"


def _ours(name: str) -> bool:
    return not name.startswith(tuple(NOT_OURS))


URL_NAMES = sorted({name for name in _walk(get_resolver()) if _ours(name)})


def test_every_route_has_an_explicit_expectation():
    missing = [name for name in URL_NAMES if name not in EXPECTED]
    assert not missing, f"add these routes to EXPECTED: {missing}"
    stale = sorted(set(EXPECTED) - set(URL_NAMES))
    assert not stale, f"these routes no longer exist: {stale}"
    for name, methods in EXPECTED.items():
        for method in ("GET", "POST"):
            assert set(methods[method]) == set(WHO), f"{name} {method} must name every caller"


@pytest.fixture
def world(riverside, elsewhere):
    """Riverside with a plan and one member per role; Elsewhere with its own plan and coordinator."""
    plan = import_plan(small_document(), riverside)
    import_plan(small_document("Elsewhere"), elsewhere)
    users = {role: make_member(riverside, role, f"{role}@riverside.example") for role in ROLES}
    users["outsider"] = make_member(elsewhere, "coordinator", "outsider@elsewhere.example")
    invitation = Invitation.objects.create(locality=riverside, email="new@riverside.example")
    version_publish(acting_user=users["coordinator"], plan=plan)
    waiting = export_file_request(
        acting_user=users["coordinator"], plan=plan, version=None, file_format="pdf", public=False
    )
    goal = Goal.objects.filter(plan=plan).first().pk
    someone = make_member(riverside, "viewer", "someone@riverside.example")  # the member whose role changes
    objection = Endorsement.objects.create(
        plan=plan, locality=riverside, user=someone, role="viewer", decision="objections", objections="Too vague."
    )
    pks = {
        "network:partner": Partner.objects.filter(plan=plan).first().pk,
        "interventions:detail": Intervention.objects.filter(plan=plan).first().pk,
        "network:designate_coordinator": Partner.objects.filter(plan=plan).last().pk,
        **{name: goal for name in ("plans:edit", "plans:edit_delete", "plans:edit_history", "plans:edit_move")},
        **{name: someone.memberships.get().pk for name in ("core:member_role", "core:member_remove")},
        **{name: invitation.pk for name in ("core:invitation_resend", "core:invitation_revoke")},
        "cocreation:objection_answer": objection.pk,
        **{f"exports:version_{fmt}": 1 for fmt in ("docx", "pdf", "odt", "html")},  # the version's number
        **{name: waiting.pk for name in ("exports:file", "exports:file_download")},
    }
    return users, {"locality": "riverside", "slug": "riverside", "token": invitation.token, "pk": pks}


def _url(name, given):
    """Reverse `name` with whichever of locality / slug / pk / token / kind / step / direction its pattern takes."""
    values = {
        "locality": given["locality"],
        "slug": given["slug"],
        "pk": given["pk"].get(name),
        "token": given["token"],
        "kind": "vision" if name == "plans:edit_section" else "goal",
        "step": "vision",
        "direction": "up",
        "key": "e1",  # the small plan's evaluation
        "organisation": "o1",
    }
    subsets = (
        (),
        ("locality",),
        ("slug",),
        ("token",),
        ("locality", "pk"),
        ("locality", "kind"),
        ("locality", "step"),
        ("locality", "key"),
        ("locality", "organisation"),
        ("locality", "kind", "pk"),
        ("locality", "kind", "pk", "direction"),
    )
    for subset in subsets:
        try:
            return reverse(name, kwargs={k: values[k] for k in subset})
        except NoReverseMatch:
            continue
    raise AssertionError(f"no test arguments for {name}")


def _client_for(user) -> tuple[Client, str]:
    """A client that enforces CSRF, signed in as `user`, holding its own CSRF token."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    token = _get_new_csrf_string()
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    return client, token


def _writes() -> int:
    """Audited writes so far (refusals are recorded too, but as denied)."""
    return AuditEvent.objects.exclude(outcome="denied").count()


@pytest.mark.parametrize("name", URL_NAMES)
def test_route_answers_expected_status_for_every_caller(world, name):
    users, given = world
    url = _url(name, given)
    wrong = []
    for who in WHO:
        client, token = _client_for(None if who == "anonymous" else users[who])
        for method in ("GET", "POST"):
            expected = EXPECTED[name][method][who]
            before = _writes()
            if method == "GET":
                status = client.get(url).status_code
            else:
                status = client.post(url, {}, HTTP_X_CSRFTOKEN=token).status_code
            if status != expected:
                wrong.append(f"{who} {method} {url}: {status}, expected {expected}")
            if status in (401, 403, 404, 405) and _writes() != before:
                wrong.append(f"{who} {method} {url}: refused with {status} but wrote an audited change")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", ["core:members", "review:accepted_terms", "cocreation:comment_add"])
def test_a_post_without_the_callers_csrf_token_is_refused(world, name):
    users, given = world
    client, _token = _client_for(users["coordinator"])
    assert client.post(_url(name, given), {}).status_code == 403
