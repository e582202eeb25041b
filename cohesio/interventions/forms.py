"""Edit forms of interventions and monitoring."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesio.core.choices import choices
from cohesio.format.vocabulary import ExtremismKind, IndicatorDirection, IndicatorKind, PreventionLevel
from cohesio.plans.editing import Editable, PlanObjectForm, code_list, register

from .models import Intervention, Measurement, MonitoringIndicator


def not_stated_or(enum, label, help_text=""):
    """A choice of a vocabulary that a plan may leave open: "Not stated" first, stored as empty."""
    return forms.ChoiceField(
        label=label, choices=[("", _("Not stated")), *choices(enum)], required=False, help_text=help_text
    )


class InterventionForm(PlanObjectForm):
    unique_field = "name"
    extremism_kinds = code_list(ExtremismKind, _("Kinds of extremism"))
    prevention_level = not_stated_or(
        PreventionLevel,
        _("Prevention level"),
        _(
            "Who it is for: everyone, groups and people at risk, or people already involved. Choose “Not stated” "
            "when the plan does not say yet."
        ),
    )

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
            "lead_organisation",
            "partners",
            "status",
            "starts_on",
            "ends_on",
            "budget",
            "source_ref",
        ]
        widgets = {"goals": forms.CheckboxSelectMultiple, "partners": forms.CheckboxSelectMultiple}
        help_texts = {
            "lead": _("The person who runs it, if one does."),
            "lead_organisation": _(
                "The organisation or unit that runs it: on its own, or as the organisation the lead partner acts for."
            ),
        }


class MonitoringIndicatorForm(PlanObjectForm):
    direction = not_stated_or(IndicatorDirection, _("Which way is better"))
    kind = not_stated_or(
        IndicatorKind,
        _("What it measures"),
        _(
            "The work done (trainings given), what it produced (people who finished a course), or what changed for "
            "people (pupils who feel they belong). A goal needs at least one indicator of what changed."
        ),
    )

    class Meta:
        model = MonitoringIndicator
        fields = ["name", "unit", "baseline", "target", "direction", "kind", "goals", "intervention", "synthetic", "source_ref"]
        widgets = {"goals": forms.CheckboxSelectMultiple}
        help_texts = {"goals": _("An indicator can show progress on more than one goal.")}


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
