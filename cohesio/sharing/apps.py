"""Information sharing: information types, sharing rules, the agreement, evaluations."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "cohesio.sharing"
    label = "sharing"
    verbose_name = "Sharing"

    def ready(self):
        from cohesio.plans.editing import AFTER_WRITE, DELETE_NOTES

        from . import forms  # noqa: F401 - registers the editable kinds
        from .services import agreement_after_write, new_version_note

        AFTER_WRITE.append(agreement_after_write)
        DELETE_NOTES.append(new_version_note)
