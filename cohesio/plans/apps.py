"""The plan itself: vision, goals, political support, definitions, extremism scope."""

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "cohesio.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self):
        from . import forms  # noqa: F401 - registers the editable kinds
