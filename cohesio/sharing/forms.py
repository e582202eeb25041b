"""Edit forms of information sharing."""

from crispy_forms.layout import HTML
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cohesio.core.choices import choices
from cohesio.core.forms import gds_helper
from cohesio.format.document import TEXT_MAX_LENGTH
from cohesio.format.files import sharing_from_bytes
from cohesio.format.references import PlanFormatError
from cohesio.format.vocabulary import (
    NEVER_ALLOWED_PURPOSES,
    AgreementState,
    CaseRole,
    LegalBasis,
    SharingCondition,
    SharingPurpose,
)
from cohesio.network.models import Organisation
from cohesio.plans.editing import (
    MARKDOWN_HINT,
    DateWidget,
    Editable,
    PlanObjectForm,
    code_list,
    register,
    where_from,
)

from .models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory
from .services import signatures_bind


class InformationTypeForm(PlanObjectForm):
    unique_field = "name"

    class Meta:
        model = InformationType
        fields = ["organisation", "name", "description", "sensitivity", "legal_basis", "source_ref"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.rules.exists():  # its rules say what it is and how sensitive
            self.notice = new_version_notice(self.plan)


class OwnInformationTypeForm(PlanObjectForm):
    """A partner records a type of information their own organisation holds."""

    unique_field = "name"

    class Meta:
        model = InformationType
        fields = ["name", "description", "sensitivity", "legal_basis"]


# A template's rules file: far more than a real agreement's rules (a few dozen take some 30 KB).
TEMPLATE_MAX_BYTES = 2 * 1024 * 1024


def new_version_notice(plan) -> str:
    """The warning above a form whose saving changes the rules of a signed agreement, or ""."""
    agreement = Agreement.objects.filter(plan=plan).first()
    if agreement is None or not signatures_bind(agreement):
        return ""
    params = {"version": agreement.version, "next": agreement.version + 1}
    if agreement.state == AgreementState.IN_FORCE:
        return (
            _(
                "Version %(version)d of the agreement is in force. Saving this changes its rules, so it makes version "
                "%(next)d, a draft that every organisation must sign again. Until you bring the new version into force, "
                "nothing may be shared under the agreement."
            )
            % params
        )
    return (
        _(
            "Organisations have signed version %(version)d of the agreement. Saving this changes its rules, so it makes "
            "version %(next)d, a draft that every organisation must sign again."
        )
        % params
    )


def _heading(text) -> HTML:
    return HTML(format_html('<h2 class="govuk-heading-m">{}</h2>', text))


class SharingRuleForm(PlanObjectForm):
    """A rule in fixed terms a machine can apply (purposes, legal bases, recipients, conditions, channel, use,
    retention), each with the text that explains it to the partners beside it."""

    purposes = code_list(
        SharingPurpose,
        _("What it may be used for"),
        _(
            "Choose every purpose that applies. A criminal investigation is never one: the police use their own legal "
            "powers for that, not this agreement."
        ),
    )
    legal_bases = code_list(
        LegalBasis,
        _("Legal basis"),
        _(
            "The ground in law that allows this sharing. Personal information needs one; sensitive personal "
            "information needs a condition of article 9 or a national law."
        ),
    )
    recipient_roles = code_list(
        CaseRole,
        _("Roles in a case that may receive it"),
        _(
            "Leave empty when everyone at the organisations above may receive it. With no organisation chosen, "
            "the person in this role receives it, whichever organisation they work for."
        ),
    )
    conditions = code_list(
        SharingCondition, _("Conditions"), _("Every condition you tick must hold before anything is shared.")
    )

    class Meta:
        model = SharingRule
        fields = [
            "information_type",
            "purposes",
            "purpose",
            "why",
            "legal_bases",
            "legal_reference",
            "recipients",
            "recipient_roles",
            "conditions",
            "when",
            "channel",
            "receiver_use",
            "onward_sharing",
            "how",
            "retention_amount",
            "retention_unit",
            "retention_from",
            "retention",
            "valid_until",
            "source_ref",
        ]
        widgets = {
            "recipients": forms.CheckboxSelectMultiple,
            "retention_amount": forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        }
        help_texts = {
            "information_type": _("The information this rule is about; the organisation that holds it shares it."),
            "purpose": _("The purpose in the partners' own words, for example to offer support early."),
            "why": _("Why the receiving partner needs it (need to know)."),
            "legal_reference": _("When you chose a national law: its name and article."),
            "recipients": _("The organisations whose staff may receive it."),
            "when": _("When it is shared, in words: what has to happen first, and who is told."),
            "channel": _("The one way it is passed on."),
            "receiver_use": _("What the person who receives it may do with it."),
            "onward_sharing": _("Tick only when the receiver may pass it on to someone else."),
            "how": _("How it is passed on and what the receiver may do with it, in words."),
            "retention_amount": _("A whole number, for example 2."),
            "retention": _("How long it is kept and what happens to it afterwards, in words."),
            "valid_until": _("The last day the rule applies. Leave empty when it applies until it is changed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purposes"].choices = [
            choice for choice in self.fields["purposes"].choices if choice[0] not in NEVER_ALLOWED_PURPOSES
        ]
        self.fields["information_type"].queryset = self.fields["information_type"].queryset.select_related(
            "organisation"
        )
        self.fields["information_type"].label_from_instance = lambda t: f"{t.name} ({t.organisation.name})"
        for name in ("channel", "receiver_use"):
            self.fields[name].choices = [("", _("Not chosen")), *self.fields[name].choices[1:]]
        if not self.instance.pk:
            self._fill_in_from(self.query)
        self.notice = new_version_notice(self.plan)
        self.helper = gds_helper(
            "information_type",
            _heading(_("Purpose and legal basis")),
            "purposes",
            "purpose",
            "why",
            "legal_bases",
            "legal_reference",
            _heading(_("Receivers and conditions")),
            "recipients",
            "recipient_roles",
            "conditions",
            "when",
            _heading(_("Channel and use")),
            "channel",
            "receiver_use",
            "onward_sharing",
            "how",
            _heading(_("Retention")),
            "retention_amount",
            "retention_unit",
            "retention_from",
            "retention",
            "valid_until",
            where_from(),
            "revision",
        )

    def _fill_in_from(self, query) -> None:
        """A new rule from the matrix: the holder's information only, the receiver already ticked."""
        holder = query.get("holder", "")
        if holder:
            self.fields["information_type"].queryset = self.fields["information_type"].queryset.filter(
                organisation__key=holder
            )
        recipient = query.get("recipient", "")
        if recipient:
            found = Organisation.objects.filter(plan=self.plan, key=recipient).values_list("pk", flat=True)
            self.initial["recipients"] = list(found)
        role = query.get("role", "")
        if role in set(CaseRole):
            self.initial["recipient_roles"] = [role]


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
            self.instance.version = agreement.version  # a signature is for the version there is now

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
        "sharing-rule",
        SharingRule,
        SharingRuleForm,
        "sharing:cooperation",
        _("sharing rule"),
        related=("information_type",),
    ),
    Editable("agreement", Agreement, AgreementForm, "sharing:cooperation", _("agreement"), orderable=False),
    Editable("signatory", Signatory, SignatoryForm, "sharing:cooperation", _("signatory"), related=("organisation",)),
    Editable(
        "sharing-evaluation", SharingEvaluation, SharingEvaluationForm, "sharing:cooperation", _("sharing evaluation")
    ),
]:
    register(editable)


class MatrixFilterForm(forms.Form):
    """The matrix for one type of information, or one purpose (a GET form: the address says what is shown)."""

    information_type = forms.ChoiceField(label=_("Type of information"), required=False)
    purpose = forms.ChoiceField(label=_("Purpose"), required=False)

    def __init__(self, *args, information_types: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["information_type"].choices = [("", _("All types of information")), *information_types]
        self.fields["purpose"].choices = [
            ("", _("All purposes")),
            *((value, name) for value, name in choices(SharingPurpose) if value not in NEVER_ALLOWED_PURPOSES),
        ]
        self.helper = gds_helper("information_type", "purpose", submit=_("Show"))
        self.helper.form_method = "get"


class InForceForm(forms.Form):
    in_force_from = forms.DateField(
        label=_("In force from"),
        help_text=_("The first day organisations may share under this version, for example 2026-03-31."),
        widget=DateWidget(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("in_force_from", submit=_("Bring this version into force"))


class TemplateForm(forms.Form):
    """Start the agreement from an existing one: its text pasted in, and optionally its rules as a file."""

    title = forms.CharField(label=_("Title"), max_length=200)
    based_on = forms.CharField(
        label=_("Based on"),
        max_length=200,
        required=False,
        help_text=_("The agreement you start from, for example the one on school absence or on child welfare."),
    )
    text = forms.CharField(
        label=_("Text of the agreement"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Paste its text here and change what does not fit your partners."),
    )
    rules = forms.FileField(
        label=_("Rules from a file (optional)"),
        required=False,
        help_text=_(
            "A JSON file shaped as the sharing part of a plan file (its information_types and rules), at most 2 MB. "
            "Name this plan's organisations by their keys, as listed below. Nothing is added unless the whole file "
            "fits."
        ),
    )

    def __init__(self, *args, starts_agreement: bool, organisations: set[str], information_types: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.keys = {"organisations": organisations, "information_types": information_types}
        self.problems: list = []
        if not starts_agreement:  # the plan has an agreement: only its rules can be added from a file
            for name in ("title", "based_on", "text"):
                del self.fields[name]
            self.fields["rules"].required = True
            self.fields["rules"].label = _("Rules from a file")
        else:
            self.fields["text"].help_text = f"{self.fields['text'].help_text} {MARKDOWN_HINT}"
        self.helper = gds_helper(
            *self.fields, submit=_("Start from this agreement") if starts_agreement else _("Add the rules")
        )

    def clean_rules(self):
        """The file's information types and rules in the open format, or every problem at its JSON path."""
        upload = self.cleaned_data.get("rules")
        if not upload:
            return None
        data = upload.read(TEMPLATE_MAX_BYTES + 1)
        try:
            return sharing_from_bytes(data, max_bytes=TEMPLATE_MAX_BYTES, **self.keys)
        except PlanFormatError as unreadable:
            self.problems = unreadable.problems
            raise forms.ValidationError(
                ngettext(
                    "The file cannot be used: %(count)d problem, listed below. Nothing was added.",
                    "The file cannot be used: %(count)d problems, listed below. Nothing was added.",
                    len(self.problems),
                )
                % {"count": len(self.problems)}
            ) from None
