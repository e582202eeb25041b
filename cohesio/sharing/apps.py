"""Information sharing: information types, sharing rules, the agreement, evaluations."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "cohesio.sharing"
    label = "sharing"
    verbose_name = "Sharing"
