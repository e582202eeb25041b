"""Append-only, hash-chained audit trail."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cohesio.audit"
    label = "audit"
    verbose_name = "Audit"
