"""Removing events is found (the head keeps the count), keys rotate, and the signed anchor catches rollbacks."""

import json

import pytest

from cohesio.audit.models import AuditChainHead, AuditEvent
from cohesio.audit.services import anchor, record, verify, verify_anchor
from cohesio.cli import main

from .tamper import report_of, triggers_off


def _write(n, locality, actor):
    return [record(actor=actor, action=f"plan.edit.{i}", obj=locality) for i in range(n)]


@pytest.mark.parametrize("removed", [1, 5, 10])
def test_removing_the_newest_events_is_reported(riverside, alice, removed):
    events = _write(10, riverside, alice)
    with triggers_off():
        AuditEvent.objects.filter(pk__in=[e.pk for e in events[-removed:]]).delete()
    [report] = verify()
    assert not report.intact
    assert report.problems == [
        f"the head records 10 events, the newest in the database is number {10 - removed}: events were removed"
    ]


def test_replacing_the_newest_event_is_reported(riverside, alice):
    """Remove the newest event and append a forged one sealed with the key: the head's last hash differs."""
    events = _write(3, riverside, alice)
    with triggers_off():
        AuditEvent.objects.filter(pk=events[-1].pk).delete()
        AuditChainHead.objects.filter(chain=events[-1].chain).update(count=2, last_hash=events[1].hash)
    forged = record(actor=alice, action="plan.view", obj=riverside)
    with triggers_off():
        AuditChainHead.objects.filter(chain=forged.chain).update(last_hash=events[-1].hash)
    assert report_of(verify(), forged.chain).problems == ["the newest event is not the one the head records"]


def test_a_missing_head_is_reported(riverside, alice):
    event = _write(1, riverside, alice)[0]
    with triggers_off():
        AuditChainHead.objects.all().delete()
    assert report_of(verify(), event.chain).problems == ["the chain has no head row"]


def test_rotated_keys_keep_old_events_verifiable(riverside, alice, settings):
    settings.AUDIT_KEYS = {"k1": "first-secret"}
    old = _write(2, riverside, alice)
    settings.AUDIT_KEYS = {"k2": "second-secret", "k1": "first-secret"}
    new = _write(2, riverside, alice)
    assert [e.key_id for e in old + new] == ["k1", "k1", "k2", "k2"]
    assert verify()[0].intact

    settings.AUDIT_KEYS = {"k2": "second-secret"}
    [report] = verify()
    assert report.good == 2
    assert report.problems == [
        f"event {e.sequence} (id {e.pk}) is sealed with key k1, which is not configured" for e in old
    ]


def test_an_event_sealed_with_another_key_does_not_verify(riverside, alice, settings):
    settings.AUDIT_KEYS = {"k1": "first-secret"}
    _write(1, riverside, alice)
    settings.AUDIT_KEYS = {"k1": "not-the-first-secret"}
    assert "was changed after it was written" in verify()[0].problems[0]


def test_the_anchor_holds_every_chain_head_signed(riverside, elsewhere, alice, charlie):
    _write(3, riverside, alice)
    _write(2, elsewhere, charlie)
    saved = anchor()
    assert [(c["chain"], c["count"]) for c in saved["chains"]] == sorted(
        [(f"locality:{elsewhere.pk}", 2), (f"locality:{riverside.pk}", 3)]
    )
    assert set(saved) == {"format", "at", "key_id", "chains", "signature"}
    assert verify_anchor(saved) == []

    _write(2, riverside, alice)  # the chains grow after the anchor: still fine
    assert verify_anchor(saved) == []

    tampered = json.loads(json.dumps(saved))
    tampered["chains"][0]["count"] = 1
    assert verify_anchor(tampered) == ["the anchor's signature does not match: the file was changed or signed elsewhere"]


def test_the_anchor_finds_a_rollback_the_heads_cannot(riverside, alice):
    """An attacker removes the newest events and moves the head back; verify() alone sees a consistent chain."""
    events = _write(5, riverside, alice)
    saved = anchor()
    with triggers_off():
        AuditEvent.objects.filter(pk__in=[e.pk for e in events[-2:]]).delete()
        AuditChainHead.objects.filter(chain=events[0].chain).update(count=3, last_hash=events[2].hash)
    assert verify()[0].intact
    assert verify_anchor(saved) == [
        f"{events[0].chain}: the anchor records 5 events, the database holds 3: rolled back or truncated"
    ]


def test_the_anchor_finds_a_rewritten_history(riverside, alice):
    events = _write(3, riverside, alice)
    saved = anchor()
    with triggers_off():
        AuditEvent.objects.all().delete()
        AuditChainHead.objects.all().delete()
    forged = _write(4, riverside, alice)  # a new history, longer than the anchored one
    assert verify()[0].intact
    assert forged[2].hash != events[2].hash
    assert verify_anchor(saved) == [f"{events[0].chain}: event 3 differs from the anchor: the history was rewritten"]


def test_an_anchor_with_an_unknown_key_is_reported(riverside, alice, settings):
    settings.AUDIT_KEYS = {"k1": "first-secret"}
    _write(1, riverside, alice)
    saved = anchor()
    settings.AUDIT_KEYS = {"k2": "second-secret"}
    assert verify_anchor(saved) == ["the anchor is signed with key k1, which is not configured"]
    assert verify_anchor({"chains": 1}) == ["this is not an audit anchor file"]


def test_cli_audit_verify_exit_codes(riverside, alice, capsys):
    event = record(actor=alice, action="plan.view", obj=riverside)
    assert main(["audit-verify"]) == 0
    assert f"{event.chain}: intact, 1 event" in capsys.readouterr().out
    with triggers_off():
        AuditEvent.objects.update(outcome="denied")
    assert main(["audit-verify"]) == 1
    assert f"{event.chain}: BROKEN: event 1 (id {event.pk}) was changed" in capsys.readouterr().err


def test_cli_audit_verify_reports_truncation(riverside, alice, capsys):
    events = _write(3, riverside, alice)
    with triggers_off():
        AuditEvent.objects.filter(pk=events[-1].pk).delete()
    assert main(["audit-verify"]) == 1
    assert "events were removed" in capsys.readouterr().err


def test_cli_audit_anchor_and_verify_against_it(riverside, alice, tmp_path, capsys):
    events = _write(3, riverside, alice)
    path = tmp_path / "anchor.json"
    assert main(["audit-anchor", "-o", str(path)]) == 0
    assert json.loads(path.read_text())["chains"][0]["count"] == 3
    assert main(["audit-anchor"]) == 0
    assert json.loads(capsys.readouterr().out)["chains"][0]["last_hash"] == events[-1].hash

    assert main(["audit-verify", "--anchor", str(path)]) == 0
    assert "the database still holds every anchored chain" in capsys.readouterr().out
    with triggers_off():
        AuditEvent.objects.all().delete()
        AuditChainHead.objects.all().delete()
    assert main(["audit-verify"]) == 0  # nothing left to compare: only the anchor can tell
    assert main(["audit-verify", "--anchor", str(path)]) == 1
    assert "rolled back or truncated" in capsys.readouterr().err

    path.write_text("{not json")
    assert main(["audit-verify", "--anchor", str(path)]) == 1
