"""Regional analysis: areas, sources, risk and protective factors, indicators."""

from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "cohesio.analysis"
    label = "analysis"
    verbose_name = "Analysis"
