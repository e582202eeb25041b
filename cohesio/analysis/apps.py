"""Regional analysis: areas, sources, risk and protective factors, indicators."""

from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "cohesio.analysis"
    label = "analysis"
    verbose_name = "Analysis"

    def ready(self):
        from . import forms  # noqa: F401 - registers the editable kinds
