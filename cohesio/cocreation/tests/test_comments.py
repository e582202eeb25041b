"""Comments on elements: the panel, adding, threaded replies, resolve and reopen, and the empty form."""

import pytest

from cohesio.audit.models import AuditEvent
from cohesio.cocreation.models import Comment
from cohesio.plans.models import Goal


def _comment(client, url, element="strategy", body="Can we name the schools?", **extra):
    return client.post(url("cocreation:comment_add"), {"element": element, "body": body, **extra})


def test_partner_comments_on_an_element_and_sees_it_in_the_panel(client, bob, plan, url):
    client.force_login(bob)
    response = _comment(client, url)
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/strategy/#comment-{comment.pk}")
    assert (comment.plan, comment.element, comment.author) == (plan, "strategy", bob)
    body = client.get(url("plans:strategy")).content.decode()
    assert "Can we name the schools?" in body
    assert AuditEvent.objects.filter(action="comment.create", object_id=str(comment.pk)).exists()


def test_the_panel_shows_only_on_element_pages(client, alice, plan, url):
    client.force_login(alice)
    assert 'id="comments"' in client.get(url("network:network")).content.decode()
    assert 'id="comments"' not in client.get(url("plans:overview")).content.decode()


def test_a_comment_can_be_about_one_object_of_the_element(client, bob, plan, url):
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    client.force_login(bob)
    _comment(client, url, about=f"goal:{goal.pk}")
    assert Comment.objects.get().target == goal
    assert "About: Resilient youth" in client.get(url("plans:strategy")).content.decode()


def test_the_panel_asks_what_a_comment_is_about_only_when_asked_so_the_page_lists_no_rows(client, bob, plan, url):
    client.force_login(bob)
    page = client.get(url("network:network")).content.decode()
    assert "What is it about?" not in page
    assert "Comment on one thing on this page" in page
    form = client.get(url("cocreation:comment_add") + "?element=network", headers={"HX-Request": "true"})
    body = form.content.decode()
    assert "What is it about?" in body and "Ann Teacher – Ben Officer" in body  # a tie, named by its partners
    assert "<html" not in body  # the form alone, into the panel
    assert f'action="{url("cocreation:comment_add")}"' in body


def test_an_object_of_another_element_is_refused(client, bob, plan, url):
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    client.force_login(bob)
    response = _comment(client, url, element="definitions", about=f"goal:{goal.pk}")
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_empty_comment_shows_an_error_on_the_field_and_saves_nothing(client, bob, plan, url):
    client.force_login(bob)
    response = _comment(client, url, body="   ")
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Write your comment." in body
    assert 'href="#id_body"' in body
    assert not Comment.objects.exists()


def test_a_reply_joins_the_thread(client, alice, bob, plan, url):
    client.force_login(bob)
    _comment(client, url)
    root = Comment.objects.get()
    client.force_login(alice)
    response = client.post(url("cocreation:comment_reply"), {"parent": root.pk, "body": "Yes, in the annex."})
    reply = Comment.objects.exclude(pk=root.pk).get()
    assert response["Location"].endswith(f"#comment-{root.pk}")
    assert (reply.parent, reply.element) == (root, "strategy")
    assert "Yes, in the annex." in client.get(url("plans:strategy")).content.decode()


def test_a_reply_to_a_reply_stays_in_the_same_thread(client, bob, plan, url):
    client.force_login(bob)
    _comment(client, url)
    root = Comment.objects.get()
    client.post(url("cocreation:comment_reply"), {"parent": root.pk, "body": "First reply"})
    first = Comment.objects.get(body="First reply")
    client.post(url("cocreation:comment_reply"), {"parent": first.pk, "body": "Second reply"})
    assert Comment.objects.get(body="Second reply").parent == root


def test_an_empty_reply_shows_an_error_and_saves_nothing(client, bob, plan, url):
    client.force_login(bob)
    _comment(client, url)
    root = Comment.objects.get()
    response = client.post(url("cocreation:comment_reply"), {"parent": root.pk, "body": ""})
    assert response.status_code == 200
    assert "Write your reply." in response.content.decode()
    assert Comment.objects.count() == 1


def test_coordinator_resolves_and_reopens_a_thread(client, alice, bob, plan, url):
    client.force_login(bob)
    _comment(client, url)
    comment = Comment.objects.get()
    client.force_login(alice)
    client.post(url("cocreation:comment_resolve"), {"comment": comment.pk})
    comment.refresh_from_db()
    assert comment.is_resolved and comment.resolved_by == alice
    assert "1 resolved comment" in client.get(url("plans:strategy")).content.decode()
    client.post(url("cocreation:comment_reopen"), {"comment": comment.pk})
    comment.refresh_from_db()
    assert not comment.is_resolved
    assert AuditEvent.objects.filter(action__in=["comment.resolve", "comment.reopen"]).count() == 2


def test_the_author_resolves_their_own_thread(client, bob, plan, url):
    client.force_login(bob)
    _comment(client, url)
    comment = Comment.objects.get()
    client.post(url("cocreation:comment_resolve"), {"comment": comment.pk})
    comment.refresh_from_db()
    assert comment.is_resolved


def test_a_partner_may_not_resolve_someone_elses_thread(client, alice, bob, plan, url):
    client.force_login(alice)
    _comment(client, url)
    comment = Comment.objects.get()
    client.force_login(bob)
    assert client.post(url("cocreation:comment_resolve"), {"comment": comment.pk}).status_code == 403
    comment.refresh_from_db()
    assert not comment.is_resolved


def test_comments_stay_open_on_an_adopted_plan(client, bob, plan, url):
    from .conftest import set_status

    set_status(plan, "adopted")
    client.force_login(bob)
    _comment(client, url)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("name", ["comment_reply", "comment_resolve", "comment_reopen"])
def test_a_comment_of_another_locality_is_not_found(client, alice, plan, elsewhere, url, name):
    from cohesio.document.services import import_plan
    from cohesio.plans.tests.documents import small_document

    other = import_plan(small_document("Elsewhere"), elsewhere)
    foreign = Comment.objects.create(plan=other, element="strategy", body="Elsewhere's comment")
    client.force_login(alice)
    response = client.post(url(f"cocreation:{name}"), {"comment": foreign.pk, "parent": foreign.pk, "body": "x"})
    assert response.status_code == 404
