"""The audit trail: append-only, chained per locality, and tampering is found."""

import pytest

from cohesio.audit.models import AuditChainHead, AuditEvent
from cohesio.audit.services import GENESIS, record, verify

from .tamper import report_of, triggers_off


def test_events_chain_and_verify(riverside, alice):
    first = record(actor=alice, action="plan.view", obj=riverside)
    second = record(actor=alice, action="plan.edit", obj=riverside)
    assert (first.previous_hash, second.previous_hash) == (GENESIS, first.hash)
    assert (first.sequence, second.sequence) == (1, 2)
    [report] = verify()
    assert (report.chain, report.good, report.head_count, report.intact) == (f"locality:{riverside.pk}", 2, 2, True)


def test_a_chain_per_locality_and_one_without(riverside, elsewhere, alice, charlie):
    record(actor=alice, action="plan.edit", obj=riverside)
    record(actor=charlie, action="plan.edit", locality=elsewhere)
    record(actor=alice, action="plan.edit", obj=riverside)
    record(actor=None, action="locality.create")
    heads = dict(AuditChainHead.objects.values_list("chain", "count"))
    assert heads == {f"locality:{riverside.pk}": 2, f"locality:{elsewhere.pk}": 1, "global": 1}
    assert AuditChainHead.objects.get(chain="global").locality_id is None
    assert all(report.intact for report in verify())


def test_a_changed_event_breaks_the_chain(riverside, alice):
    record(actor=alice, action="plan.view", obj=riverside)
    event = record(actor=alice, action="plan.edit", obj=riverside)
    with triggers_off():
        AuditEvent.objects.filter(pk=event.pk).update(action="plan.view")  # someone edits the table directly
    [report] = verify()
    assert report.good == 1
    assert report.problems == [f"event 2 (id {event.pk}) was changed after it was written"]


def test_a_removed_event_in_the_middle_is_a_gap(riverside, alice):
    record(actor=alice, action="a", obj=riverside)
    middle = record(actor=alice, action="b", obj=riverside)
    record(actor=alice, action="c", obj=riverside)
    with triggers_off():
        AuditEvent.objects.filter(pk=middle.pk).delete()
    [report] = verify()
    assert not report.intact
    assert "follows event 1: 1 missing" in report.problems[0]


def test_events_cannot_be_changed_through_the_orm(riverside, alice):
    event = record(actor=alice, action="plan.view", obj=riverside)
    event.action = "other"
    with pytest.raises(ValueError):
        event.save()


def test_events_hold_ids_not_personal_data(riverside, alice):
    event = record(actor=alice, action="invitation.create", obj=riverside)
    values = " ".join(str(v) for v in AuditEvent.objects.filter(pk=event.pk).values().first().values())
    assert "alice" not in values and "@" not in values and "Riverside" not in values


def test_an_event_moved_to_another_chain_is_found(riverside, elsewhere, alice):
    event = record(actor=alice, action="plan.edit", obj=riverside)
    with triggers_off():
        AuditEvent.objects.filter(pk=event.pk).update(locality=elsewhere)
    assert not report_of(verify(), f"locality:{riverside.pk}").intact
