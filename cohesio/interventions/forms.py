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
        ]
        widgets = {"goals": forms.CheckboxSelectMultiple, "partners": forms.CheckboxSelectMultiple}

    def clean(self):
        cleaned = super().clean()
        self.check_order(cleaned, "starts_on", "ends_on", _("The end date must be after the start date."))
        budget = cleaned.get("budget")
        if budget is not None and budget < 0:
            self.add_error("budget", _("The budget cannot be negative."))
        return cleaned


class MonitoringIndicatorForm(PlanObjectForm):
    class Meta:
        model = MonitoringIndicator
        fields = ["name", "unit", "baseline", "target", "goal", "intervention", "synthetic"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("goal") and not cleaned.get("intervention"):
            self.add_error("goal", _("Link the indicator to a goal or an intervention."))
        return cleaned


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
