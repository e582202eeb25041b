"""The audit trail: append-only, chained, and tampering is found."""

import pytest

from cohesio.audit.models import AuditEvent
from cohesio.audit.services import record, verify
from cohesio.cli import main


def test_events_chain_and_verify(riverside, alice):
    first = record(actor=alice, action="plan.view", obj=riverside)
    second = record(actor=alice, action="plan.edit", obj=riverside)
    assert second.previous_hash == first.hash
    assert verify() == (2, None)


def test_a_changed_event_breaks_the_chain(riverside, alice):
    record(actor=alice, action="plan.view", obj=riverside)
    event = record(actor=alice, action="plan.edit", obj=riverside)
    AuditEvent.objects.filter(pk=event.pk).update(action="plan.view")  # someone edits the table directly
    count, broken = verify()
    assert (count, broken.pk) == (1, event.pk)


def test_a_removed_event_breaks_the_chain(riverside, alice):
    first = record(actor=alice, action="a", obj=riverside)
    record(actor=alice, action="b", obj=riverside)
    record(actor=alice, action="c", obj=riverside)
    AuditEvent.objects.filter(pk=first.pk + 1).delete()
    assert verify()[1] is not None


def test_events_cannot_be_changed_through_the_orm(riverside, alice):
    event = record(actor=alice, action="plan.view", obj=riverside)
    event.action = "other"
    with pytest.raises(ValueError):
        event.save()


def test_events_hold_ids_not_personal_data(riverside, alice):
    event = record(actor=alice, action="invitation.create", obj=riverside)
    values = " ".join(str(v) for v in AuditEvent.objects.filter(pk=event.pk).values().first().values())
    assert "alice" not in values and "@" not in values


def test_cli_audit_verify_exit_codes(riverside, alice, capsys):
    record(actor=alice, action="plan.view", obj=riverside)
    assert main(["audit-verify"]) == 0
    AuditEvent.objects.update(outcome="denied")
    assert main(["audit-verify"]) == 1
