"""Information sharing: information types, sharing rules, the agreement, evaluations."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "cohesio.sharing"
    label = "sharing"
    verbose_name = "Sharing"

    def ready(self):
        from . import forms  # noqa: F401 - registers the editable kinds
