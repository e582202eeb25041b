"""The coordinator hears what partners do: in-app notifications, an hourly e-mail digest, answers to objections."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cohesio.cli import main as cli
from cohesio.cocreation import services
from cohesio.cocreation.models import Endorsement, Notification
from cohesio.plans.editing import row_revision
from cohesio.plans.models import Plan

from .conftest import set_status


def _texts(user):
    return list(Notification.objects.filter(user=user).values_list("text", flat=True))


def test_a_partners_comment_notifies_the_coordinator(client, alice, bob_partner, plan, url):
    client.force_login(bob_partner.user)
    client.post(url("cocreation:comment_add"), {"element": "strategy", "body": "Can we name the youth centre?"})
    assert any("commented on" in text for text in _texts(alice))
    assert _texts(bob_partner.user) == []  # nobody is told about their own comment


def test_a_proposal_notifies_the_coordinator(client, alice, bob_partner, plan, url):
    client.force_login(bob_partner.user)
    response = client.post(
        url("cocreation:proposal_add"),
        {"text": f"vision:{plan.pk}:vision", "revision": row_revision(plan, ["vision"]), "value": "A safe town for everyone."},
    )
    assert response.status_code == 302
    assert any("proposed a change" in text for text in _texts(alice))


@pytest.mark.parametrize(("decision", "words"), [("endorsed", "endorsed the plan"), ("objections", "has objections")])
def test_endorsements_and_objections_notify_the_coordinator(client, alice, mayor, plan, url, decision, words):
    set_status(plan, "consultation")
    client.force_login(mayor)
    client.post(url("cocreation:endorsement"), {"decision": decision, "objections": "Too little budget."})
    assert any(words in text for text in _texts(alice))


def test_the_coordinator_gets_at_most_one_digest_an_hour(
    client, alice, bob_partner, plan, url, django_capture_on_commit_callbacks
):
    client.force_login(bob_partner.user)
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("cocreation:comment_add"), {"element": "strategy", "body": f"Point {n}"})
    digests = [m for m in mail.outbox if m.to == [alice.email]]
    assert len(digests) == 1  # the first event sends; the next two wait for the hour
    assert Notification.objects.filter(user=alice, emailed_at__isnull=True).count() == 2
    assert services.notification_digests_send() == 0  # not an hour yet
    later = timezone.now() + timedelta(hours=1, minutes=1)
    assert services.notification_digests_send(now=later) == 1
    digests = [m for m in mail.outbox if m.to == [alice.email]]
    assert len(digests) == 2
    assert digests[1].body.count("commented on") == 2  # the two that waited, in one e-mail
    assert not Notification.objects.filter(user=alice, emailed_at__isnull=True).exists()


def test_send_digests_on_the_command_line(alice, bob_partner, plan, capsys):
    Notification.objects.create(plan=plan, locality=plan.locality, user=alice, text="Something happened", link="/x")
    assert cli(["send-digests"]) == 0
    assert mail.outbox[0].to == [alice.email] and "Something happened" in mail.outbox[0].body
    assert "1 digest" in capsys.readouterr().err


def test_the_adoption_page_lists_objections_and_open_warnings_first(client, alice, mayor, bob_partner, plan, url):
    set_status(plan, "consultation")
    Endorsement.objects.create(
        plan=plan, locality=plan.locality, user=mayor, role="political_owner", decision="endorsed"
    )
    Endorsement.objects.create(
        plan=plan,
        locality=plan.locality,
        user=bob_partner.user,
        role="partner",
        decision="objections",
        objections="Budget.",
    )
    Plan.objects.filter(pk=plan.pk).update(vision="")  # an open error for the checker
    client.force_login(alice)
    page = client.get(url("cocreation:status", to="adopted")).content.decode()
    assert "Are you sure you want to adopt the plan?" in page
    assert 'href="#objections"' in page and "Budget." in page
    # both come before the confirmation
    assert page.index('id="open-findings"') < page.index('name="confirm"')
    assert page.index('href="#objections"') < page.index('name="confirm"')


def test_the_coordinator_answers_an_objection_and_the_person_is_notified(client, alice, mayor, plan, url):
    set_status(plan, "consultation")
    objection = Endorsement.objects.create(
        plan=plan,
        locality=plan.locality,
        user=mayor,
        role="political_owner",
        decision="objections",
        objections="Budget.",
    )
    client.force_login(alice)
    answer_url = f"/l/riverside/objections/{objection.pk}/answer/"
    assert client.post(answer_url, {"answer": "We add 10,000 in the spring budget."}).status_code == 302
    objection.refresh_from_db()
    assert objection.answer == "We add 10,000 in the spring budget." and objection.answered_by == alice
    assert any("answered your objections" in text for text in _texts(mayor))
    client.force_login(mayor)
    assert "We add 10,000 in the spring budget." in client.get(url("cocreation:endorsement")).content.decode()


def test_an_empty_answer_is_refused_and_only_coordinators_answer(client, alice, mayor, bob_partner, plan, url):
    set_status(plan, "consultation")
    objection = Endorsement.objects.create(
        plan=plan,
        locality=plan.locality,
        user=mayor,
        role="political_owner",
        decision="objections",
        objections="Budget.",
    )
    answer_url = f"/l/riverside/objections/{objection.pk}/answer/"
    client.force_login(alice)
    client.post(answer_url, {"answer": "  "})
    objection.refresh_from_db()
    assert objection.answered_at is None
    client.force_login(bob_partner.user)
    assert client.post(answer_url, {"answer": "I answer for the coordinator"}).status_code == 403
    objection.refresh_from_db()
    assert objection.answer == ""
