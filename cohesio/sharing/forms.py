"""Edit forms of information sharing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesio.plans.editing import Editable, PlanObjectForm, register

from .models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory


class InformationTypeForm(PlanObjectForm):
    unique_field = "name"

    class Meta:
        model = InformationType
        fields = ["organisation", "name", "description", "sensitivity", "legal_basis"]


class OwnInformationTypeForm(PlanObjectForm):
    """A partner records a type of information their own organisation holds."""

    unique_field = "name"

    class Meta:
        model = InformationType
        fields = ["name", "description", "sensitivity", "legal_basis"]


class SharingRuleForm(PlanObjectForm):
    class Meta:
        model = SharingRule
        fields = ["information_type", "recipients", "purpose", "why", "when", "how", "retention"]
        widgets = {"recipients": forms.CheckboxSelectMultiple}
        help_texts = {
            "why": _("Why the receiving partner needs it (need to know)."),
            "how": _("How it is passed on and what the receiver may do with it."),
            "retention": _("How long it is kept, and what happens to it afterwards."),
        }


class AgreementForm(PlanObjectForm):
    unique_field = "title"

    class Meta:
        model = Agreement
        fields = ["title", "based_on", "text", "signed_on", "review_date"]
        help_texts = {"based_on": _("An existing agreement you reuse, for example on school absence or child welfare.")}


class SignatoryForm(PlanObjectForm):
    unique_field = "organisation"

    class Meta:
        model = Signatory
        fields = ["organisation", "signed_by", "signed_on"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        agreement = Agreement.objects.filter(plan=plan).first()
        if agreement is not None and not self.instance.agreement_id:
            self.instance.agreement = agreement

    def clean(self):
        cleaned = super().clean()
        if not self.instance.agreement_id:
            raise forms.ValidationError(_("Write the agreement first, then record who signed it."))
        return cleaned


class SharingEvaluationForm(PlanObjectForm):
    class Meta:
        model = SharingEvaluation
        fields = ["scheduled_for", "done_on", "right_information_on_time", "handled_as_agreed", "notes"]


for editable in [
    Editable("information-type", InformationType, InformationTypeForm, "sharing:cooperation", _("information type")),
    Editable(
        "sharing-rule", SharingRule, SharingRuleForm, "sharing:cooperation", _("sharing rule"), related=("information_type",)
    ),
    Editable("agreement", Agreement, AgreementForm, "sharing:cooperation", _("agreement"), orderable=False),
    Editable("signatory", Signatory, SignatoryForm, "sharing:cooperation", _("signatory"), related=("organisation",)),
    Editable(
        "sharing-evaluation", SharingEvaluation, SharingEvaluationForm, "sharing:cooperation", _("sharing evaluation")
    ),
]:
    register(editable)
