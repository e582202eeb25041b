"""Edit forms of the plan's own parts: settings, vision, political support, definitions, goals."""

from django.utils.translation import gettext_lazy as _

from cohesio.format.vocabulary import ExtremismKind, PolicyField

from .editing import Editable, PlanObjectForm, code_list, register
from .models import CURRENCY_MESSAGE, BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan


class PlanSettingsForm(PlanObjectForm):
    unique_field = "title"

    class Meta:
        model = Plan
        fields = ["title", "period_start", "period_end", "review_date", "language", "currency"]
        help_texts = {"review_date": _("When you will look at the whole plan again with your partners.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        currency_input(self.fields["currency"])
        self.fields["currency"].help_text = _(
            "The three-letter code of the currency of the intervention budgets, such as EUR. New budget lines "
            "start in it."
        )

    def clean_currency(self):
        return capitals(self.cleaned_data.get("currency"))


class VisionForm(PlanObjectForm):
    class Meta:
        model = Plan
        fields = ["vision", "protection_statement", "setting_fit"]
        help_texts = {
            "vision": _("Why does preventing extremism matter here, in your own words? Write it with your partners."),
            "protection_statement": _(
                "For example: young people against online recruitment; neighbourhoods against polarisation."
            ),
            "setting_fit": _("How the plan fits regional and national policy, and other local plans."),
        }


class PoliticalOwnerForm(PlanObjectForm):
    class Meta:
        model = Plan
        fields = ["political_owner_name", "political_owner_office"]
        help_texts = {"political_owner_name": _("The mayor, alderman or councillor who backs the plan.")}


class CooperationProcessForm(PlanObjectForm):
    class Meta:
        model = Plan
        fields = ["cooperation_process"]
        help_texts = {"cooperation_process": _("How often partners meet, who prepares what, how decisions are made.")}


class AnalysisSummaryForm(PlanObjectForm):
    class Meta:
        model = Plan
        fields = ["analysis_summary"]


class GoalForm(PlanObjectForm):
    unique_field = "title"
    extremism_kinds = code_list(ExtremismKind, _("Kinds of extremism"))

    class Meta:
        model = Goal
        fields = [
            "title",
            "description",
            "kind",
            "parent",
            "prevention_level",
            "extremism_kinds",
            "shared_by_all",
            "source_ref",
        ]
        help_texts = {
            "title": _(
                "Make it concrete, for example: young people in our town can recognise and resist online recruitment."
            ),
            "parent": _("Sub-goals belong to a general goal."),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("prevention_level"):
            self.add_error("prevention_level", _("Choose the level of the prevention triangle this goal is on."))
        return cleaned


class ExtremismScopeForm(PlanObjectForm):
    class Meta:
        model = ExtremismScope
        fields = ["kind", "addressed", "reason"]


class DecisionForm(PlanObjectForm):
    class Meta:
        model = Decision
        fields = ["title", "kind", "outcome", "reservation", "decided_on", "reference", "summary", "source_ref"]
        help_texts = {
            "kind": _("The council or the mayor and aldermen adopt a plan; a committee gives advice."),
            "outcome": _("Record a rejection too: it shows where the plan needs more work."),
            "reservation": _("For an approval with a reservation: what the reservation is."),
        }


def currency_input(form_field) -> None:
    """A short text box for a three-letter currency code, saying what a code looks like when one is too long."""
    form_field.widget.attrs.update({"class": "govuk-input govuk-input--width-3", "spellcheck": "false"})
    form_field.error_messages["max_length"] = CURRENCY_MESSAGE


def capitals(code: str | None) -> str:
    """A currency code as typed (eur, Eur) in the capitals the format holds; the model's validator checks it."""
    return (code or "").strip().upper()


class BudgetLineForm(PlanObjectForm):
    unique_field = "name"
    shared_with = code_list(
        PolicyField,
        _("Shared with other policy fields"),
        _("Sharing funds and tasks with related fields spreads the load."),
    )

    class Meta:
        model = BudgetLine
        fields = ["name", "amount", "currency", "year_from", "year_to", "funding_source", "shared_with", "source_ref"]
        help_texts = {
            "amount": _("The total for the whole period of the line, from its first to its last year."),
            "currency": _("The three-letter code, such as EUR. A new line starts in the plan's currency."),
            "year_from": _("Leave both years empty for money for the whole plan period."),
            "year_to": _("For one year, give the same year twice."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        currency_input(self.fields["currency"])
        if not self.instance.pk:  # a new line starts in the plan's currency
            self.instance.currency = self.initial["currency"] = self.plan.currency

    def clean_currency(self):
        return capitals(self.cleaned_data.get("currency"))


class DefinitionForm(PlanObjectForm):
    unique_field = "term"

    class Meta:
        model = Definition
        fields = ["term", "text", "local_wording", "audience", "source_ref"]
        help_texts = {"local_wording": _("Words partners relate to, for example safeguarding or cohesion.")}


for editable in [
    Editable("plan-settings", Plan, PlanSettingsForm, "plans:overview", _("plan settings"), singleton=True),
    Editable("vision", Plan, VisionForm, "plans:strategy", _("vision"), singleton=True),
    Editable(
        "political-owner", Plan, PoliticalOwnerForm, "plans:political_support", _("political owner"), singleton=True
    ),
    Editable(
        "cooperation-process",
        Plan,
        CooperationProcessForm,
        "sharing:cooperation",
        _("cooperation process"),
        singleton=True,
    ),
    Editable("analysis-summary", Plan, AnalysisSummaryForm, "analysis:analysis", _("analysis summary"), singleton=True),
    Editable("goal", Goal, GoalForm, "plans:strategy", _("goal")),
    Editable("extremism-scope", ExtremismScope, ExtremismScopeForm, "plans:strategy", _("kind of extremism")),
    Editable("decision", Decision, DecisionForm, "plans:political_support", _("decision")),
    Editable("budget-line", BudgetLine, BudgetLineForm, "plans:political_support", _("budget line")),
    Editable("definition", Definition, DefinitionForm, "plans:definitions", _("definition")),
]:
    register(editable)
