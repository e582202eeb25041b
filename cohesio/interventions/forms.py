"""Edit forms of interventions and monitoring."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesio.format.vocabulary import ExtremismKind
from cohesio.plans.editing import Editable, PlanObjectForm, code_list, register

from .models import Intervention, Measurement, MonitoringIndicator


class InterventionForm(PlanObjectForm):
    unique_field = "name"
    extremism_kinds = code_list(ExtremismKind, _("Kinds of extremism"))

    class Meta:
        model = Intervention
        fields = [
            "name",
            "description",
            "prevention_level",
            "extremism_kinds",
            "target_group",
            "goals",
            "lead",
            "partners",
            "status",
            "starts_on",
            "ends_on",
            "budget",
            "source_ref",
        ]
        widgets = {"goals": forms.CheckboxSelectMultiple, "partners": forms.CheckboxSelectMultiple}


class MonitoringIndicatorForm(PlanObjectForm):
    class Meta:
        model = MonitoringIndicator
        fields = ["name", "unit", "baseline", "target", "goal", "intervention", "synthetic", "source_ref"]


class MeasurementForm(PlanObjectForm):
    class Meta:
        model = Measurement
        fields = ["indicator", "measured_on", "value", "note"]


for editable in [
    Editable("intervention", Intervention, InterventionForm, "interventions:list", _("intervention")),
    Editable("indicator", MonitoringIndicator, MonitoringIndicatorForm, "interventions:list", _("indicator")),
    Editable("measurement", Measurement, MeasurementForm, "interventions:list", _("measurement")),
]:
    register(editable)
