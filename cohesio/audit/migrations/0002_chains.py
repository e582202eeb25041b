"""A chain per locality (and one without a locality) with a head row, a position and a key id per event.

Events written before this migration formed one chain for the whole installation, which could fork under
concurrent writes; they are re-sealed here into their locality's chain with the current key, in the order they
were written. Run `cohesio audit-verify` before migrating to know whether the old chain was intact.
"""

import hashlib
import hmac
import json

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

GENESIS = "0" * 64


def _digest(key: str, previous: str, fields: dict) -> str:
    message = previous + json.dumps(fields, sort_keys=True, default=str)
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


def reseal(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    key_id = next(iter(settings.AUDIT_KEYS))
    key = settings.AUDIT_KEYS[key_id]
    heads = {}
    for event in AuditEvent.objects.order_by("id").iterator():
        chain = f"locality:{event.locality_id}" if event.locality_id else "global"
        count, previous = heads.get(chain, (0, GENESIS))
        event.chain, event.sequence, event.key_id, event.previous_hash = chain, count + 1, key_id, previous
        fields = {
            "at": event.at.isoformat(),
            "actor": event.actor_id,
            "locality": event.locality_id,
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "outcome": event.outcome,
            "chain": chain,
            "sequence": event.sequence,
            "key_id": key_id,
        }
        event.hash = _digest(key, previous, fields)
        event.save(update_fields=["chain", "sequence", "key_id", "previous_hash", "hash"])
        heads[chain] = (event.sequence, event.hash)
    for chain, (count, last_hash) in heads.items():
        locality_id = int(chain.split(":")[1]) if chain != "global" else None
        AuditChainHead.objects.create(chain=chain, locality_id=locality_id, count=count, last_hash=last_hash)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("chain", models.CharField(max_length=40, unique=True, verbose_name="chain")),
                ("count", models.PositiveBigIntegerField(default=0, verbose_name="events")),
                ("last_hash", models.CharField(max_length=64, verbose_name="last hash")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "locality",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.locality",
                    ),
                ),
            ],
            options={
                "verbose_name": "audit chain head",
                "ordering": ["chain"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("chain", "global"), ("locality__isnull", True))
                        | models.Q(("locality__isnull", False), models.Q(("chain", "global"), _negated=True)),
                        name="audit_head_global_has_no_locality",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="auditevent",
            name="chain",
            field=models.CharField(default="", max_length=40, verbose_name="chain"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(default="", max_length=32, verbose_name="key id"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(default=0, verbose_name="position in the chain"),
            preserve_default=False,
        ),
        migrations.RunPython(reseal, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(fields=("chain", "sequence"), name="audit_event_chain_sequence"),
        ),
    ]
