"""Mentions: "@e-mail" or "@[Full Name]" notifies a member in the app and by e-mail, after commit."""

import logging

from django.core import mail

from cohesio.cocreation.mentions import find_mentions
from cohesio.cocreation.models import Notification


def test_find_mentions_reads_emails_and_bracketed_names():
    found = find_mentions("Ask @Ben.Officer@police.example. And @[Jo  Mayor], please; not me@home or @[ ].")
    assert found.emails == {"ben.officer@police.example"}
    assert found.names == {"jo mayor"}


def _comment(client, url, body):
    return client.post(url("cocreation:comment_add"), {"element": "network", "body": body})


def test_mentioning_a_partners_email_notifies_them_in_the_app_and_by_email(
    client, alice, bob_partner, url, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        _comment(client, url, "Could @ben.officer@police.example check the tasks?")
    notification = Notification.objects.get()
    assert notification.user == bob_partner.user
    assert notification.link.startswith("/l/riverside/network/#comment-")
    assert "mentioned you in a comment on Local network" in notification.text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bob@riverside.example"]
    assert "http://testserver/l/riverside/network/#comment-" in mail.outbox[0].body
    assert "check the tasks" not in mail.outbox[0].body  # the comment itself stays in Cohesio


def test_mentioning_a_member_by_full_name_notifies_them(
    client, bob, mayor, plan, url, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        _comment(client, url, "@[Jo Mayor] the budget needs your backing")
    assert Notification.objects.get().user == mayor
    assert mail.outbox[0].to == ["mayor@riverside.example"]


def test_no_email_is_sent_when_the_comment_is_not_saved(client, alice, bob_partner, url):
    client.force_login(alice)
    _comment(client, url, "@ben.officer@police.example")  # on_commit callbacks are not run in a test transaction
    assert Notification.objects.count() == 1
    assert mail.outbox == []


def test_people_outside_the_locality_and_unknown_names_are_not_notified(
    client, bob, charlie, plan, url, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        _comment(client, url, "@charlie@elsewhere.example and @[Nobody Here]")
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_mentioning_yourself_does_not_notify_you(client, bob, plan, url, django_capture_on_commit_callbacks):
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        _comment(client, url, "Note to self @bob@riverside.example")
    assert not Notification.objects.exists()


def test_notifications_page_lists_and_marks_read(client, alice, bob_partner, url):
    client.force_login(alice)
    _comment(client, url, "@ben.officer@police.example hello")
    client.force_login(bob_partner.user)
    page = client.get(url("plans:strategy")).content.decode()
    assert "1 new" in page
    body = client.get(url("cocreation:notifications")).content.decode()
    assert "mentioned you" in body
    notification = Notification.objects.get()
    response = client.post(url("cocreation:notifications_read"), {"notification": notification.pk, "open": "1"})
    assert response["Location"] == notification.link
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_else_cannot_mark_your_notification_read(client, alice, bob_partner, url):
    client.force_login(alice)
    _comment(client, url, "@ben.officer@police.example hello")
    notification = Notification.objects.get()
    assert client.post(url("cocreation:notifications_read"), {"notification": notification.pk}).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mentions_log_no_personal_data(client, alice, bob_partner, url, caplog, django_capture_on_commit_callbacks):
    client.force_login(alice)
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        _comment(client, url, "@ben.officer@police.example hello")
    assert "police.example" not in caplog.text
    assert "bob@riverside.example" not in caplog.text


def test_a_failing_mail_server_keeps_the_comment_and_logs_no_address(
    client, alice, bob_partner, url, caplog, monkeypatch, django_capture_on_commit_callbacks
):
    from cohesio.cocreation import services
    from cohesio.cocreation.models import Comment

    def refuse(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_mass_mail", refuse)
    client.force_login(alice)
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = _comment(client, url, "@ben.officer@police.example hello")
    assert response.status_code == 302
    assert Comment.objects.count() == 1 and Notification.objects.count() == 1
    assert "mention e-mail not sent" in caplog.text
    assert "police.example" not in caplog.text and "riverside.example" not in caplog.text
