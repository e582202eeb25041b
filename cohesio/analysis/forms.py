"""Edit forms of the regional analysis."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesio.format.vocabulary import ExtremismKind
from cohesio.plans.editing import Editable, PlanObjectForm, code_list, register

from .models import AnalysisIndicator, Area, Factor, Observation, Source


class GeometryField(forms.JSONField):
    def prepare_value(self, value):
        return "" if value is None else json.dumps(value) if not isinstance(value, str) else value


class AreaForm(PlanObjectForm):
    unique_field = "name"
    geometry = GeometryField(
        label=_("Shape on the map (GeoJSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            'Optional. A GeoJSON Polygon, for example {"type": "Polygon", "coordinates": [[[5.1, 52.0], '
            "[5.2, 52.0], [5.2, 52.1], [5.1, 52.0]]]}"
        ),
    )

    class Meta:
        model = Area
        fields = ["name", "geometry", "source_ref"]


class SourceForm(PlanObjectForm):
    unique_field = "name"

    class Meta:
        model = Source
        fields = ["name", "kind", "description", "collected_on", "source_ref"]
        help_texts = {"description": _("Who you asked or what you read, and how you explained why you collect it.")}


class FactorForm(PlanObjectForm):
    extremism_kinds = code_list(ExtremismKind, _("Kinds of extremism"))

    class Meta:
        model = Factor
        fields = [
            "kind",
            "title",
            "description",
            "extremism_kinds",
            "areas",
            "sources",
            "timeframe",
            "urgency",
            "source_ref",
        ]
        widgets = {"areas": forms.CheckboxSelectMultiple, "sources": forms.CheckboxSelectMultiple}
        help_texts = {
            "description": _(
                "Describe behaviour and circumstances, never who people are (their faith, origin or nationality)."
            ),
            "timeframe": _("Was this true yesterday, is it true today, or might it be true tomorrow?"),
        }


class AnalysisIndicatorForm(PlanObjectForm):
    unique_field = "name"

    class Meta:
        model = AnalysisIndicator
        fields = ["name", "unit", "source", "synthetic", "source_ref"]


class ObservationForm(PlanObjectForm):
    class Meta:
        model = Observation
        fields = ["indicator", "area", "period", "value"]
        help_texts = {"period": _("For example 2026-Q1 or 2026.")}


for editable in [
    Editable("area", Area, AreaForm, "analysis:analysis", _("area")),
    Editable("source", Source, SourceForm, "analysis:analysis", _("source")),
    Editable("factor", Factor, FactorForm, "analysis:analysis", _("factor")),
    Editable("analysis-indicator", AnalysisIndicator, AnalysisIndicatorForm, "analysis:analysis", _("indicator")),
    Editable("observation", Observation, ObservationForm, "analysis:analysis", _("observation")),
]:
    register(editable)
