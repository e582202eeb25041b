"""On PostgreSQL: concurrent writers on separate connections keep each chain linear; the database refuses changes.

CI runs the suite on PostgreSQL (DATABASE_URL); on SQLite, which has neither row locks nor these triggers, these
tests are skipped.
"""

import threading
import time

import pytest
from django.db import DatabaseError, connection, transaction

from cohesio.audit.models import AuditChainHead, AuditEvent
from cohesio.audit.services import record, verify
from conftest import run_side_by_side

WRITERS = 50

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks and append-only triggers are PostgreSQL's; set DATABASE_URL to a PostgreSQL database",
)


def _concurrently(n: int, write) -> list[BaseException]:
    """Run `write(i)` in n threads, each on its own database connection, released together by a barrier."""
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def run(i):
        try:
            barrier.wait(timeout=60)
            write(i)
        except BaseException as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_the_chain_linear(riverside, alice):
    def write(i):
        with transaction.atomic():  # like a service: the change and its event in one transaction
            record(actor=alice, action="comment.create", obj=riverside)
            time.sleep(0.002)  # the rest of the write transaction, while the head stays locked

    started = time.monotonic()
    errors = _concurrently(WRITERS, write)
    elapsed = time.monotonic() - started
    assert errors == []

    events = list(AuditEvent.objects.filter(locality=riverside).order_by("sequence"))
    head = AuditChainHead.objects.get(locality=riverside)
    assert len(events) == head.count == WRITERS
    assert len({e.previous_hash for e in events}) == WRITERS, "several events chain to one previous event"
    assert [e.sequence for e in events] == list(range(1, WRITERS + 1))
    assert [report.intact for report in verify()] == [True]
    print(f"{WRITERS} concurrent writers: {len(events)} events, {WRITERS} distinct previous hashes, {elapsed:.2f} s")


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_first_events_of_new_chains_race_safely(riverside, elsewhere, alice, charlie):
    """Writers creating the head rows of two new chains and the global chain at once: one head each."""
    targets = [(alice, riverside), (charlie, elsewhere), (None, None)]

    def write(i):
        actor, locality = targets[i % 3]
        record(actor=actor, action="plan.edit", locality=locality)

    assert _concurrently(30, write) == []
    assert sorted(AuditChainHead.objects.values_list("count", flat=True)) == [10, 10, 10]
    assert all(report.intact for report in verify())


@postgresql_only
def test_the_database_refuses_to_change_or_delete_events(riverside, alice):
    event = record(actor=alice, action="plan.edit", obj=riverside)
    for statement in (
        lambda: AuditEvent.objects.filter(pk=event.pk).update(outcome="denied"),
        lambda: AuditEvent.objects.filter(pk=event.pk).delete(),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            statement()
    assert AuditEvent.objects.get(pk=event.pk).outcome == "ok"


@postgresql_only
def test_the_database_lets_a_chain_head_only_move_on(riverside, alice):
    record(actor=alice, action="plan.edit", obj=riverside)
    record(actor=alice, action="plan.edit", obj=riverside)
    heads = AuditChainHead.objects.filter(locality=riverside)
    with pytest.raises(DatabaseError, match="only moves on"), transaction.atomic():
        heads.update(count=1)
    with pytest.raises(DatabaseError, match="cannot be deleted"), transaction.atomic():
        heads.delete()
    assert heads.get().count == 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_writers_of_another_locality_do_not_wait(riverside, elsewhere, alice, charlie):
    """While a Riverside write transaction holds its chain's head, an event in Elsewhere's chain goes through."""
    record(actor=alice, action="plan.edit", obj=riverside)
    record(actor=charlie, action="plan.edit", obj=elsewhere)
    holding, other_done = threading.Event(), threading.Event()
    finished_while_held: list[bool] = []

    def slow_riverside_write():
        try:
            with transaction.atomic():
                record(actor=alice, action="plan.edit", obj=riverside)
                holding.set()
                finished_while_held.append(other_done.wait(timeout=10))
        finally:
            connection.close()

    def elsewhere_write():
        holding.wait(timeout=10)
        record(actor=charlie, action="plan.edit", obj=elsewhere)
        other_done.set()

    run_side_by_side(slow_riverside_write, elsewhere_write, timeout=30)
    assert finished_while_held == [True], "a write in Elsewhere waited for Riverside's transaction"
    assert all(report.intact for report in verify())
