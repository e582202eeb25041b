"""People management: resend and withdraw invitations, change roles, remove members, start a new locality."""

import pytest
from django.core import mail
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.cli import main as cli
from cohesio.core.models import Invitation, Locality, Membership
from conftest import make_member


def _url(name, **kwargs):
    return reverse(f"core:{name}", kwargs={"locality": "riverside", **kwargs})


@pytest.fixture
def invitation(riverside, alice):
    return Invitation.objects.create(locality=riverside, email="dana@school.example", invited_by=alice)


def _link(invitation):
    return reverse("core:invitation_accept", kwargs={"token": invitation.token})


def test_members_page_lists_people_by_name_and_pending_invitations(client, alice, bob, invitation):
    bob.first_name, bob.last_name = "Bob", "Baker"
    bob.save()
    client.force_login(alice)
    page = client.get(_url("members")).content.decode()
    assert "Bob Baker" in page and "bob@riverside.example" not in page
    assert "dana@school.example" in page and "Send again" in page and "Withdraw" in page


def test_resend_gives_a_new_link_and_the_old_one_stops_working(
    client, alice, invitation, django_capture_on_commit_callbacks
):
    old = _link(invitation)
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("invitation_resend", pk=invitation.pk))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert _link(invitation) != old
    assert invitation.token in mail.outbox[-1].body and mail.outbox[-1].to == ["dana@school.example"]
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(_link(invitation)).status_code == 200
    assert AuditEvent.objects.filter(action="invitation.resend", actor=alice).exists()


def test_withdrawing_asks_first_then_the_link_stops_working(client, alice, invitation):
    client.force_login(alice)
    confirm = client.get(_url("invitation_revoke", pk=invitation.pk))
    assert "Withdraw the invitation to dana@school.example?" in confirm.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None  # asking changes nothing
    assert client.post(_url("invitation_revoke", pk=invitation.pk)).status_code == 302
    client.logout()
    closed = client.get(_link(invitation))
    assert closed.status_code == 410 and "withdrawn this invitation" in closed.content.decode()
    assert AuditEvent.objects.filter(action="invitation.revoke", actor=alice).exists()


def test_coordinator_changes_a_members_role(client, riverside, alice, bob):
    client.force_login(alice)
    membership = Membership.objects.get(user=bob, locality=riverside)
    assert client.post(_url("member_role", pk=membership.pk), {"role": "viewer"}).status_code == 302
    membership.refresh_from_db()
    assert membership.role == "viewer"
    assert AuditEvent.objects.filter(action="membership.change_role", object_id=str(membership.pk)).exists()


def test_the_last_coordinator_keeps_the_role(client, riverside, alice):
    client.force_login(alice)
    membership = Membership.objects.get(user=alice, locality=riverside)
    response = client.post(_url("member_role", pk=membership.pk), {"role": "viewer"})
    assert response.status_code == 200
    assert "needs at least one coordinator" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "coordinator"


def test_removing_asks_first_and_the_last_coordinator_cannot_be_removed(client, riverside, alice, bob):
    client.force_login(alice)
    own = Membership.objects.get(user=alice, locality=riverside)
    refused = client.post(_url("member_remove", pk=own.pk))
    assert refused.status_code == 409 and "needs at least one coordinator" in refused.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()

    theirs = Membership.objects.get(user=bob, locality=riverside)
    assert "Remove bob@riverside.example?" in client.get(_url("member_remove", pk=theirs.pk)).content.decode()
    assert Membership.objects.filter(pk=theirs.pk).exists()  # asking changes nothing
    assert client.post(_url("member_remove", pk=theirs.pk)).status_code == 302
    assert not Membership.objects.filter(pk=theirs.pk).exists()
    assert AuditEvent.objects.filter(action="membership.remove", object_id=str(theirs.pk)).exists()


def test_a_second_coordinator_can_be_removed(client, riverside, alice):
    second = make_member(riverside, "coordinator", "second@riverside.example")
    client.force_login(alice)
    membership = Membership.objects.get(user=second)
    assert client.post(_url("member_remove", pk=membership.pk)).status_code == 302
    assert not Membership.objects.filter(user=second).exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("member_role", {"role": "coordinator"}),
        ("member_remove", {}),
        ("invitation_resend", {}),
        ("invitation_revoke", {}),
    ],
)
def test_partners_get_403_and_outsiders_404(client, riverside, alice, bob, charlie, invitation, name, data):
    target = invitation.pk if name.startswith("invitation") else Membership.objects.get(user=alice).pk
    for who, status in ((bob, 403), (charlie, 404)):
        client.force_login(who)
        response = client.post(_url(name, pk=target), data)
        assert response.status_code == status
    assert Membership.objects.get(user=alice).role == "coordinator"
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and invitation.token == Invitation.objects.get(pk=invitation.pk).token
    assert not Membership.objects.filter(user=bob, role="coordinator").exists()


def test_one_locality_cannot_reach_anothers_members(client, riverside, elsewhere, alice, charlie):
    """A coordinator of Elsewhere uses Elsewhere's address with a Riverside membership id: not found."""
    client.force_login(charlie)
    target = Membership.objects.get(user=alice).pk
    url = reverse("core:member_remove", kwargs={"locality": "elsewhere", "pk": target})
    assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=target).exists()


# --- starting a new locality --------------------------------------------------------------------------------


def test_staff_start_a_locality_from_the_app(client, db, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_user(username="ops@platform.example", password="x", is_staff=True)
    client.force_login(staff)
    url = reverse("core:locality_create")
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"name": "Lakeside", "kind": "municipality", "coordinator_email": "Lotte@Lakeside.example"}
        )
    assert response.status_code == 200
    lakeside = Locality.objects.get(slug="lakeside")
    invitation = Invitation.objects.get(locality=lakeside)
    assert invitation.role == "coordinator" and invitation.email == "lotte@lakeside.example"
    assert invitation.token in response.content.decode() and invitation.token in mail.outbox[0].body
    again = client.post(url, {"name": "Lakeside", "kind": "municipality", "coordinator_email": "x@lakeside.example"})
    assert "There is already a locality called lakeside" in again.content.decode()
    assert Locality.objects.filter(slug="lakeside").count() == 1


def test_only_staff_see_the_start_page(client, alice):
    client.force_login(alice)
    assert client.get(reverse("core:locality_create")).status_code == 404
    assert (
        client.post(reverse("core:locality_create"), {"name": "X", "coordinator_email": "a@b.example"}).status_code
        == 404
    )
    assert not Locality.objects.filter(slug="x").exists()


def test_create_locality_on_the_command_line(db, capsys, django_capture_on_commit_callbacks):
    region = Locality.objects.create(name="Westshire", slug="westshire", kind="region")
    with django_capture_on_commit_callbacks(execute=True):
        code = cli(["create-locality", "Lakeside", "--coordinator", "lotte@lakeside.example", "--region", "westshire"])
    assert code == 0
    lakeside = Locality.objects.get(slug="lakeside")
    assert lakeside.region == region and lakeside.kind == "municipality"
    invitation = Invitation.objects.get(locality=lakeside, role="coordinator")
    out = capsys.readouterr().out.strip()
    assert out == f"http://127.0.0.1:8000/invitations/{invitation.token}/"
    assert mail.outbox[0].to == ["lotte@lakeside.example"] and out in mail.outbox[0].body
    assert cli(["create-locality", "Lakeside", "--coordinator", "lotte@lakeside.example"]) == 2  # taken
    assert cli(["create-locality", "Hill", "--coordinator", "not-an-address"]) == 2
    assert cli(["create-locality", "Hill", "--coordinator", "a@hill.example", "--region", "nowhere"]) == 2
    assert not Locality.objects.filter(slug="hill").exists()


# --- no bare error pages ------------------------------------------------------------------------------------


def test_forbidden_and_not_found_pages_are_in_the_site_layout(client, riverside, bob, charlie):
    client.force_login(bob)
    forbidden = client.get(_url("members"))
    assert forbidden.status_code == 403
    page = forbidden.content.decode()
    assert "You cannot do this here" in page and "govuk-template" in page and "Sign out" in page
    client.force_login(charlie)
    missing = client.get(_url("members"))
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode() and "govuk-template" in missing.content.decode()
