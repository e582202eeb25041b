"""Interventions on the prevention triangle, with monitoring indicators and measurements."""

from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "cohesio.interventions"
    label = "interventions"
    verbose_name = "Interventions"

    def ready(self):
        from . import forms  # noqa: F401 - registers the editable kinds
