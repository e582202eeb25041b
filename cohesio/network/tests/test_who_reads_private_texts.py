"""What a partner writes about themselves (interests, doubts, conditions for taking part) is read by that partner,
the coordinator and the data-protection officer, and by nobody else: not another partner, the political owner or
a viewer. Every way the plan goes out is asked as each of the six, with a text only Dana wrote.

Dana joins through an invitation for a community organisation and writes her profile on her own page; version 1
is published before she writes, version 2 after, so comparing them shows her words as a change.
"""

import html
import json
import re

import pytest
from django.urls import reverse

from cohesio.core.models import Invitation
from cohesio.core.services import invitation_accept_new_account
from cohesio.document.services import import_plan
from cohesio.exports.services import version_publish
from cohesio.network.models import Partner
from cohesio.network.services import partner_invite
from cohesio.plans.tests.documents import small_document
from conftest import PASSWORD, make_member

INTERESTS = "A youth room for the neighbourhood"
DOUBTS = "Afraid the meetings turn into a listening post"
# LAP006 quotes the identity words it finds in a civil-society partner's conditions: 'Turkish, Moroccan'
CONDITIONS = "Turkish and Moroccan associations must report worrying members."
SECRETS = ("youth room", "listening post", "Moroccan")

READERS = ["coordinator", "dpo", "herself"]
OTHERS = ["another_partner", "political_owner", "viewer"]
EVERYONE = [*READERS, *OTHERS]


def _join(alice, plan, name, email, organisation):
    """Invite a partner for a community organisation and let them take the invitation with a new account."""
    partner = partner_invite(
        acting_user=alice,
        plan=plan,
        name=name,
        email=email,
        function="Chair",
        new_organisation=organisation,
        sector="community",
        accept_url_for=lambda invitation: "https://cohesio.example/accept",
    )
    invitation = Invitation.objects.get(email=email)
    return invitation_accept_new_account(invitation=invitation, name=name, password=PASSWORD), partner


@pytest.fixture
def world(client, riverside, alice):
    plan = import_plan(small_document(), riverside)
    dana, partner = _join(alice, plan, "Dana Chair", "dana@circle.example", "Neighbourhood Circle")
    eli, _eli_partner = _join(alice, plan, "Eli Member", "eli@club.example", "Riverside Club")
    people = {
        "coordinator": alice,
        "dpo": make_member(riverside, "dpo", "dpo@riverside.example"),
        "herself": dana,
        "another_partner": eli,
        "political_owner": make_member(riverside, "political_owner", "mayor@riverside.example"),
        "viewer": make_member(riverside, "viewer", "viewer@riverside.example"),
    }
    version_publish(acting_user=alice, plan=plan, note="Before Dana wrote")
    partner.refresh_from_db()
    client.force_login(dana)
    answer = client.post(
        reverse("network:my_profile", kwargs={"locality": "riverside"}),
        {
            "function": "Chair",
            "role": "Opens doors to families",
            "interests": INTERESTS,
            "doubts": DOUBTS,
            "conditions": CONDITIONS,
            "revision": partner.revision,
        },
    )
    assert answer.status_code == 302
    client.logout()
    version_publish(acting_user=alice, plan=plan, note="After Dana wrote")
    return plan, Partner.objects.get(pk=partner.pk), people


def _url(name, **kwargs):
    return reverse(name, kwargs={"locality": "riverside", **kwargs})


def _read(client, people, who, url) -> str:
    client.force_login(people[who])
    response = client.get(url)
    assert response.status_code == 200, f"{url} as {who}: {response.status_code}"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return json.dumps(json.loads(body)) if response["Content-Type"].startswith("application/json") else body.decode()


def _secrets_in(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def _pages(partner):
    return {
        "partner page": _url("network:partner", pk=partner.pk),
        "plan.json": _url("plans:export_json"),
        "API plan": "/api/localities/riverside/plan",
        "HTML export": _url("exports:current_html"),
        "HTML export of version 2": _url("exports:version_html", pk=2),
        "version compare": _url("exports:compare") + "?old=1&new=2",
        "version compare JSON": _url("exports:compare_json") + "?old=1&new=2",
    }


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize(
    "output",
    ["partner page", "plan.json", "API plan", "HTML export", "HTML export of version 2", "version compare",
     "version compare JSON"],
)  # fmt: skip
def test_a_partners_own_words_are_read_only_by_them_the_coordinator_and_the_dpo(client, world, who, output):
    _plan, partner, people = world
    text = _read(client, people, who, _pages(partner)[output])
    if who in READERS:
        assert _secrets_in(text) == list(SECRETS), f"{output} as {who}"
    else:
        assert _secrets_in(text) == [], f"{output} as {who}"


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize(
    "url", [_url("review:check"), _url("review:check_json"), "/api/localities/riverside/findings",
            _url("sharing:cooperation")],
)  # fmt: skip
def test_the_check_quotes_her_conditions_only_to_those_who_may_read_them(client, world, who, url):
    _plan, _partner, people = world
    text = html.unescape(_read(client, people, who, url))
    masked = "The check has a finding about Dana Chair's interests, doubts or conditions for taking part."
    if who in READERS:
        assert "Moroccan" in text and masked not in text
    else:
        assert "Moroccan" not in text and masked in text


@pytest.mark.parametrize("who", EVERYONE)
def test_every_reader_gets_the_same_counts_from_the_check(client, world, who):
    _plan, _partner, people = world
    summary = json.loads(_read(client, people, who, _url("review:check_json")))["summary"]
    client.force_login(people["coordinator"])
    assert summary == client.get(_url("review:check_json")).json()["summary"]


def test_the_plan_json_others_download_is_still_a_valid_plan_with_her_words_left_blank(client, world):
    from cohesio.format import load

    _plan, partner, people = world
    client.force_login(people["viewer"])
    doc = load(json.loads(client.get(_url("plans:export_json")).content))
    dana = next(p for p in doc.network.partners if p.key == partner.key)
    assert (dana.interests, dana.doubts, dana.conditions) == ("", "", "")
    assert dana.role == "Opens doors to families"  # what she does is for everyone in the plan


def test_her_profile_form_says_under_each_field_who_reads_it(client, world):
    _plan, _partner, people = world
    client.force_login(people["herself"])
    body = html.unescape(client.get(_url("network:my_profile")).content.decode())
    hints = dict(re.findall(r'id="id_(\w+)_hint"[^>]*>\s*(.*?)\s*</div>', body, re.DOTALL))
    private = "Only you, the coordinator and the data-protection officer read this."
    public = (
        "Everyone in the plan reads this. If you take part for an organisation, the plan's public page shows it too"
    )
    assert [name for name, hint in hints.items() if private in hint] == ["interests", "doubts", "conditions"]
    assert [name for name, hint in hints.items() if public in hint] == ["function", "role", "mandate", "tasks"]
    assert hints["accepts_coordinator"] == "Everyone in the plan reads this; the public page does not show it."


def test_the_coordinators_form_says_who_reads_a_partners_own_words(client, world):
    _plan, partner, people = world
    client.force_login(people["coordinator"])
    body = client.get(_url("plans:edit", kind="partner", pk=partner.pk)).content.decode()
    assert body.count("Only this partner, the coordinator and the data-protection officer read this.") == 3
