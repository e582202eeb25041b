"""Writing and verifying the audit chain."""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import AuditEvent

GENESIS = "0" * 64


def _digest(previous: str, fields: dict) -> str:
    message = previous + json.dumps(fields, sort_keys=True, default=str)
    return hmac.new(settings.AUDIT_HMAC_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()


def _fields(event: AuditEvent) -> dict:
    return {
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "locality": event.locality_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": event.outcome,
    }


def record(*, actor, action: str, obj=None, locality=None, outcome: str = "ok", now=None) -> AuditEvent:
    """Append one event; call it inside the transaction of the change it records."""
    with transaction.atomic():
        last = AuditEvent.objects.select_for_update().order_by("-id").only("hash").first()
        previous = last.hash if last else GENESIS
        event = AuditEvent(
            at=now or timezone.now(),
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            locality=locality or getattr(obj, "locality", None),
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            outcome=outcome,
            previous_hash=previous,
        )
        event.hash = _digest(previous, _fields(event))
        event.save()
    return event


def verify() -> tuple[int, AuditEvent | None]:
    """Recompute the chain; return (events checked, first broken event or None)."""
    previous = GENESIS
    count = 0
    for event in AuditEvent.objects.order_by("id").iterator():
        if event.previous_hash != previous or event.hash != _digest(previous, _fields(event)):
            return count, event
        previous = event.hash
        count += 1
    return count, None
