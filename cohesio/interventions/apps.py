"""Interventions on the prevention triangle, with monitoring indicators and measurements."""

from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "cohesio.interventions"
    label = "interventions"
    verbose_name = "Interventions"
