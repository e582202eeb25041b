"""Tenancy, roles and the one permission function."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cohesio.core"
    label = "core"
    verbose_name = "Cohesio core"
