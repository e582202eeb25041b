"""Append-only audit events in chains (one per locality, one for events without a locality); each event stores
the HMAC of its content chained to the previous event of its chain, and a head row per chain holds the count and
the last hash."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who did what to which object, when, with what outcome. Holds ids, never personal data."""

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    locality = models.ForeignKey("core.Locality", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(_("action"), max_length=100)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=20, default="ok")
    # ids and codes that say more about the action (the filters of an audit download); never personal data
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    chain = models.CharField(_("chain"), max_length=40)
    sequence = models.PositiveBigIntegerField(_("position in the chain"))
    key_id = models.CharField(_("key id"), max_length=32)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit event")
        constraints = [models.UniqueConstraint(fields=["chain", "sequence"], name="audit_event_chain_sequence")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.pop("_allow_update", False):
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)


class AuditChainHead(models.Model):
    """The newest state of one chain: how many events it holds and the hash of the newest.

    `record()` locks this row `FOR UPDATE` and updates it in the transaction that appends the event, so writers
    of one chain queue here (and only here) and every event follows the one before it. `verify()` compares the
    events with it, so removing the newest events is found.
    """

    GLOBAL = "global"

    chain = models.CharField(_("chain"), max_length=40, unique=True)
    locality = models.OneToOneField("core.Locality", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    count = models.PositiveBigIntegerField(_("events"), default=0)
    last_hash = models.CharField(_("last hash"), max_length=64)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["chain"]
        verbose_name = _("audit chain head")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(locality__isnull=True, chain="global")
                | (models.Q(locality__isnull=False) & ~models.Q(chain="global")),
                name="audit_head_global_has_no_locality",
            )
        ]

    def __str__(self) -> str:
        return f"{self.chain}: {self.count}"
