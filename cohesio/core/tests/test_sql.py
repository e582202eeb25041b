"""The reads written out in SQL (cohesio.core.sql) give what the ORM gives, in one query each."""

from datetime import date

import pytest
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from cohesio.audit.models import AuditChainHead
from cohesio.audit.services import record
from cohesio.cocreation.models import Notification
from cohesio.cocreation.selectors import unread_notification_count
from cohesio.core.models import Locality, Membership
from cohesio.core.permissions import member_locality, role_in, visible_localities
from cohesio.document.services import import_plan
from cohesio.plans.models import Plan
from cohesio.plans.selectors import current_plan
from cohesio.plans.tests.documents import small_document


def _orm_plan(locality):
    heads = AuditChainHead.objects.filter(locality_id=OuterRef("locality_id")).values("count")[:1]
    return (
        Plan.objects.filter(locality=locality)
        .annotate(locality_state=Subquery(heads))
        .order_by("-period_start", "-id")
        .first()
    )


def test_the_current_plan_is_the_one_the_orm_finds_with_every_value_converted(alice, riverside):
    plan = import_plan(small_document(), riverside)
    Plan.objects.filter(pk=plan.pk).update(accepted_terms=["prevent"], period_start=date(2026, 1, 1))
    Plan.objects.create(locality=riverside, title="An older plan", period_start=date(2020, 1, 1))
    record(actor=alice, action="plan.update", obj=plan, locality=riverside)
    ours, orm = current_plan(riverside), _orm_plan(riverside)
    assert ours.pk == orm.pk == plan.pk
    for field in Plan._meta.concrete_fields:
        assert getattr(ours, field.attname) == getattr(orm, field.attname), field.name
        assert type(getattr(ours, field.attname)) is type(getattr(orm, field.attname)), field.name
    assert ours.locality_state == orm.locality_state == AuditChainHead.objects.get(locality=riverside).count
    assert ours.locality is riverside


def test_a_locality_without_a_plan_or_an_audit_chain(riverside, elsewhere):
    assert current_plan(riverside) is None
    Plan.objects.create(locality=elsewhere, title="Written before any event")
    assert not AuditChainHead.objects.filter(locality=elsewhere).exists()
    assert current_plan(elsewhere).locality_state is None


def test_a_members_localities_roles_and_switcher_come_from_one_query(
    alice, riverside, elsewhere, django_assert_num_queries
):
    Membership.objects.create(user=alice, locality=elsewhere, role="partner")
    Locality.objects.create(name="Another place", slug="another")
    with django_assert_num_queries(1):
        assert [loc.slug for loc in visible_localities(alice)] == ["elsewhere", "riverside"]  # by name
        assert role_in(alice, riverside) == "coordinator"
        assert role_in(alice, elsewhere) == "partner"
        assert member_locality(alice, "riverside") == riverside
        assert member_locality(alice, "another") is None
    alice._cohesio_roles = None  # read again, as after a change of role within the request
    Membership.objects.filter(user=alice, locality=elsewhere).delete()
    assert role_in(alice, elsewhere) is None
    assert [loc.slug for loc in visible_localities(alice)] == ["riverside"]


def test_the_unread_count_is_the_persons_own_in_that_locality(alice, bob, riverside, elsewhere, charlie):
    now = timezone.now()
    here, there = import_plan(small_document(), riverside), import_plan(small_document("Elsewhere"), elsewhere)
    Notification.objects.create(user=alice, plan=here, locality=riverside, text="one")
    Notification.objects.create(user=alice, plan=here, locality=riverside, text="two", read_at=now)
    Notification.objects.create(user=alice, plan=there, locality=elsewhere, text="elsewhere")
    Notification.objects.create(user=bob, plan=here, locality=riverside, text="bob's")
    assert unread_notification_count(alice, riverside) == 1
    assert unread_notification_count(bob, riverside) == 1
    assert unread_notification_count(charlie, elsewhere) == 0


@pytest.mark.parametrize("outsider_has_other_locality", [False, True])
def test_someone_outside_the_locality_is_refused_with_a_404(client, charlie, riverside, outsider_has_other_locality):
    import_plan(small_document(), riverside)
    if not outsider_has_other_locality:
        Membership.objects.filter(user=charlie).delete()
    client.force_login(charlie)
    assert client.get(f"/l/{riverside.slug}/").status_code == 404
    assert client.get("/l/nowhere/").status_code == 404


def test_a_session_is_found_by_its_key_until_it_expires(db, django_assert_num_queries):
    from datetime import timedelta

    from django.contrib.sessions.models import Session

    from cohesio.core.sessions import SessionStore

    store = SessionStore()
    store["who"] = 7
    store.save()
    with django_assert_num_queries(1):
        assert SessionStore(store.session_key).load() == {"who": 7}
    assert SessionStore("x" * 32).load() == {}
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None  # a new one is made when something is stored


def test_a_signed_in_request_reads_the_session_through_our_statement(client, alice, riverside):
    import_plan(small_document(), riverside)
    client.force_login(alice)
    assert client.get(f"/l/{riverside.slug}/").status_code == 200
    client.cookies["sessionid"] = "y" * 32
    assert client.get(f"/l/{riverside.slug}/").status_code == 302  # an unknown session: signed out
