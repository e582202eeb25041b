"""Writing and verifying the audit chains, and the signed anchor of their heads.

One chain per locality and one (`global`) for events without a locality. `record()` locks the chain's head row
`FOR UPDATE`, chains the new event to the head's last hash and moves the head on, all in one transaction: a
second writer of the same chain waits for the first to commit and then reads the head it left, so the chain stays
linear; writers of other chains never wait. (Locking the newest *event* instead lets a waiter re-read that same
row on PostgreSQL and fork the chain.)
"""

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AuditChainHead, AuditEvent

GENESIS = "0" * 64
ANCHOR_FORMAT = "cohesio-audit-anchor/1"


def chain_of(locality_id) -> str:
    """The chain key of a locality's events (`global` without one)."""
    return f"locality:{locality_id}" if locality_id else AuditChainHead.GLOBAL


def current_key_id() -> str:
    """The id of the key new events are sealed with: the first configured."""
    return next(iter(settings.AUDIT_KEYS))


def _hmac(key_id: str, message: str) -> str:
    return hmac.new(settings.AUDIT_KEYS[key_id].encode(), message.encode(), hashlib.sha256).hexdigest()


def _digest(key_id: str, previous: str, fields: dict) -> str:
    return _hmac(key_id, previous + json.dumps(fields, sort_keys=True, default=str))


def _fields(event: AuditEvent) -> dict:
    return {
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "locality": event.locality_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": event.outcome,
        "chain": event.chain,
        "sequence": event.sequence,
        "key_id": event.key_id,
        # sealed only when there is one, so events written before the field existed keep their hash
        **({"detail": event.detail} if event.detail else {}),
    }


def _locality_id(obj, locality):
    """The locality an event belongs to: the one given, the object's, or the object itself when it is one."""
    if locality is not None:
        return locality.pk
    if obj is not None and obj._meta.label_lower == "core.locality":
        return obj.pk
    if getattr(obj, "locality_id", None) is not None:
        return obj.locality_id
    return getattr(getattr(obj, "locality", None), "pk", None)


def _locked_head(chain: str, locality_id) -> AuditChainHead:
    """The chain's head row, locked until the end of the transaction; created on the chain's first event."""
    head = AuditChainHead.objects.select_for_update().filter(chain=chain).first()
    if head is not None:
        return head
    try:
        with transaction.atomic():  # a savepoint: losing the race to create it leaves our transaction usable
            AuditChainHead.objects.create(chain=chain, locality_id=locality_id, last_hash=GENESIS)
    except IntegrityError:
        pass  # another writer created it first; we wait for its lock below
    return AuditChainHead.objects.select_for_update().get(chain=chain)


def record(
    *, actor, action: str, obj=None, locality=None, outcome: str = "ok", detail: dict | None = None, now=None
) -> AuditEvent:
    """Append one event (ids only, never personal data); call it inside the transaction of the change it records.

    `detail` holds more ids and codes about the action (JSON values), such as the filters of an audit download."""
    locality_id = _locality_id(obj, locality)
    chain = chain_of(locality_id)
    with transaction.atomic():
        head = _locked_head(chain, locality_id)
        key_id = current_key_id()
        event = AuditEvent(
            # in UTC, as the database gives it back: the seal covers the time's text, offset included
            at=(now or timezone.now()).astimezone(UTC),
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            locality_id=locality_id,
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            outcome=outcome,
            detail=detail or {},
            chain=chain,
            sequence=head.count + 1,
            key_id=key_id,
            previous_hash=head.last_hash,
        )
        event.hash = _digest(key_id, head.last_hash, _fields(event))
        event.save()
        AuditChainHead.objects.filter(pk=head.pk).update(
            count=event.sequence, last_hash=event.hash, updated_at=timezone.now()
        )
    return event


@dataclass
class ChainReport:
    """What verifying one chain found: the events that check out and every problem, in words."""

    chain: str
    good: int = 0
    head_count: int | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def _check_event(report: ChainReport, event, previous_hash: str, expected: int) -> None:
    """Compare one event with the one before it in its chain (its stored hash) and with its own seal."""
    label = _("event %(sequence)s (id %(id)s)") % {"sequence": event.sequence, "id": event.pk}
    if event.sequence != expected:
        report.problems.append(
            _("%(event)s follows event %(before)s: %(missing)s missing")
            % {"event": label, "before": expected - 1, "missing": event.sequence - expected}
            if event.sequence > expected
            else _("%(event)s is out of order") % {"event": label}
        )
    elif event.previous_hash != previous_hash:
        report.problems.append(_("%(event)s does not follow the event before it") % {"event": label})
    if event.chain != chain_of(event.locality_id):
        report.problems.append(_("%(event)s is in the wrong chain") % {"event": label})
    if event.key_id not in settings.AUDIT_KEYS:
        report.problems.append(
            _("%(event)s is sealed with key %(key)s, which is not configured") % {"event": label, "key": event.key_id}
        )
    elif event.hash != _digest(event.key_id, event.previous_hash, _fields(event)):
        report.problems.append(_("%(event)s was changed after it was written") % {"event": label})
    else:
        report.good += 1


def _check_head(report: ChainReport, head: AuditChainHead | None, last: int, last_hash: str) -> None:
    """Compare the chain's end with its head row: an earlier or another newest event means removal."""
    if head is None:
        report.problems.append(_("the chain has no head row"))
        return
    report.head_count = head.count
    if head.count != last:
        report.problems.append(
            _("the head records %(head)s events, the newest in the database is number %(last)s: events were removed")
            % {"head": head.count, "last": last}
        )
    elif head.last_hash != last_hash:
        report.problems.append(_("the newest event is not the one the head records"))


def verify() -> list[ChainReport]:
    """Recompute every chain and compare it with its head; one report per chain, ordered by chain."""
    heads = {head.chain: head for head in AuditChainHead.objects.all()}
    reports: dict[str, ChainReport] = {}
    state: dict[str, tuple[int, str]] = {}  # chain -> (events seen, hash of the last one)
    for event in AuditEvent.objects.order_by("chain", "sequence", "id").iterator(chunk_size=2000):
        report = reports.setdefault(event.chain, ChainReport(event.chain))
        seen, previous_hash = state.get(event.chain, (0, GENESIS))
        _check_event(report, event, previous_hash, expected=seen + 1)
        state[event.chain] = (event.sequence, event.hash)
    for chain in sorted(set(heads) | set(reports)):
        report = reports.setdefault(chain, ChainReport(chain))
        last, last_hash = state.get(chain, (0, GENESIS))
        _check_head(report, heads.get(chain), last, last_hash)
    return [reports[chain] for chain in sorted(reports)]


def _signature(key_id: str, body: dict) -> str:
    return _hmac(key_id, json.dumps(body, sort_keys=True, separators=(",", ":")))


def anchor(now=None) -> dict:
    """The signed state of every chain head, for a data-protection officer to keep outside the database."""
    key_id = current_key_id()
    body = {
        "format": ANCHOR_FORMAT,
        "at": (now or timezone.now()).isoformat(),
        "key_id": key_id,
        "chains": [
            {"chain": head.chain, "count": head.count, "last_hash": head.last_hash}
            for head in AuditChainHead.objects.order_by("chain")
        ],
    }
    return {**body, "signature": _signature(key_id, body)}


def verify_anchor(saved: dict) -> list[str]:
    """Does the database still hold the anchored state? Problems in words; empty when it does.

    Each anchored chain must hold at least the anchored number of events, and its event at that position must
    carry the anchored hash: fewer events or another event there means the chain was truncated or rolled back.
    """
    body = {k: v for k, v in saved.items() if k != "signature"} if isinstance(saved, dict) else {}
    key_id = body.get("key_id")
    if body.get("format") != ANCHOR_FORMAT or not isinstance(body.get("chains"), list):
        return [_("this is not an audit anchor file")]
    if key_id not in settings.AUDIT_KEYS:
        return [_("the anchor is signed with key %(key)s, which is not configured") % {"key": key_id}]
    if not hmac.compare_digest(str(saved.get("signature", "")), _signature(key_id, body)):
        return [_("the anchor's signature does not match: the file was changed or signed elsewhere")]
    return [problem for entry in body["chains"] for problem in _anchored_chain_problems(entry)]


def _anchored_chain_problems(entry: dict) -> list[str]:
    """Compare one anchored chain head with the events in the database."""
    chain, count = entry["chain"], entry["count"]
    if count == 0:
        return []
    head = AuditChainHead.objects.filter(chain=chain).first()
    event = AuditEvent.objects.filter(chain=chain, sequence=count).only("hash").first()
    if head is None or head.count < count or event is None:
        return [
            _(
                "%(chain)s: the anchor records %(anchored)s events, the database holds %(count)s: rolled back or truncated"
            )
            % {"chain": chain, "anchored": count, "count": head.count if head else 0}
        ]
    if event.hash != entry["last_hash"]:
        return [
            _("%(chain)s: event %(sequence)s differs from the anchor: the history was rewritten")
            % {"chain": chain, "sequence": count}
        ]
    return []
