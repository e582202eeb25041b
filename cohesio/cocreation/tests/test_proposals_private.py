"""Proposals and what a partner wrote about themselves: only those who may read it can propose new words for it,
and only they read the text now and the proposed text."""

import pytest
from django.core.exceptions import PermissionDenied

from cohesio.cocreation.elements import Target
from cohesio.cocreation.models import Proposal
from cohesio.cocreation.services import proposal_create, proposal_decline
from cohesio.network.models import Partner
from cohesio.plans.editing import plan_row_update, row_revision

ANNS_DOUBTS = "Ann fears the head teacher will not back her"
BENS_WORDS = "Ben would rather not be named in the minutes"


@pytest.fixture
def ann(plan, alice):
    partner = Partner.objects.get(plan=plan, name="Ann Teacher")
    plan_row_update(acting_user=alice, plan=plan, row=partner, data={"doubts": ANNS_DOUBTS}, expected_revision=1)
    partner.refresh_from_db()
    return partner


def _propose(client, url, partner, field, value):
    return client.post(
        url("cocreation:proposal_add"),
        {"text": f"partner:{partner.pk}:{field}", "revision": row_revision(partner, [field]), "value": value},
    )


def test_a_partner_is_offered_their_own_words_but_not_another_partners(client, bob, bob_partner, ann, url):
    client.force_login(bob)
    body = client.get(url("cocreation:proposal_add", element="network")).content.decode()
    assert f"partner:{bob_partner.pk}:doubts" in body
    assert f"partner:{ann.pk}:doubts" not in body and f"partner:{ann.pk}:interests" not in body
    assert f"partner:{ann.pk}:role" in body  # what she does is for everyone


def test_another_partner_neither_reads_nor_proposes_new_doubts_for_her(client, bob, bob_partner, ann, plan, url):
    client.force_login(bob)
    page = client.get(url("cocreation:proposal_add", text=f"partner:{ann.pk}:doubts")).content.decode()
    posted = _propose(client, url, ann, "doubts", "Nothing to worry about")
    assert ANNS_DOUBTS not in page
    assert posted.status_code == 200 and not Proposal.objects.exists()
    with pytest.raises(PermissionDenied):
        proposal_create(
            acting_user=bob, plan=plan, target=Target("partner", ann), field_name="doubts", value="Nothing",
            base_revision=row_revision(ann, ["doubts"]),
        )  # fmt: skip


def test_the_coordinator_reads_her_doubts_in_the_proposal_form(client, alice, ann, url):
    client.force_login(alice)
    assert ANNS_DOUBTS in client.get(url("cocreation:proposal_add", text=f"partner:{ann.pk}:doubts")).content.decode()


def test_a_proposal_for_a_partners_own_words_is_read_by_them_and_the_coordinator_only(
    client, alice, bob, bob_partner, mayor, viewer, url
):
    client.force_login(bob)
    assert _propose(client, url, bob_partner, "doubts", BENS_WORDS).status_code == 302
    for who, reads in ((bob, True), (alice, True), (mayor, False), (viewer, False)):
        client.force_login(who)
        assert (BENS_WORDS in client.get(url("cocreation:proposals")).content.decode()) is reads, who
    proposal_decline(acting_user=alice, proposal=Proposal.objects.get(), reason="Keep it as it is")
    for who, reads in ((bob, True), (mayor, False)):  # the list of decided proposals too
        client.force_login(who)
        assert (BENS_WORDS in client.get(url("cocreation:proposals")).content.decode()) is reads, who
