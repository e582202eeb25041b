"""Forms of the versions page: publish a version with a note, choose two versions to compare."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ExportDocument


class PublishForm(forms.Form):
    note = forms.CharField(
        max_length=300,
        required=False,
        error_messages={"max_length": _("Keep the note under %(limit_value)d characters.")},
    )


class CompareForm(forms.Form):
    old = forms.IntegerField(min_value=1, required=False)
    new = forms.IntegerField(min_value=1, required=False)


class PrepareForm(forms.Form):
    """Which export to prepare in the background: a format, a version's number (none: the plan now), public or not;
    or the plan's information-sharing agreement or an organisation's protocol (its key), as DOCX or PDF."""

    file_format = forms.ChoiceField(choices=[(f, f) for f in ("docx", "pdf", "odt", "html")])
    version = forms.IntegerField(min_value=1, required=False)
    public = forms.BooleanField(required=False)
    document = forms.ChoiceField(choices=ExportDocument.choices, required=False)
    organisation = forms.CharField(max_length=64, required=False)

    def clean(self):
        cleaned = super().clean()
        document = cleaned.get("document") or ExportDocument.PLAN
        cleaned["document"] = document
        if document == ExportDocument.PLAN:
            if cleaned.get("organisation"):
                raise forms.ValidationError("the plan has no organisation")
        elif cleaned.get("version") or cleaned.get("public") or cleaned.get("file_format") not in ("docx", "pdf"):
            raise forms.ValidationError("the agreement and the protocols are of the plan now, as DOCX or PDF")
        elif (document == ExportDocument.PROTOCOL) != bool(cleaned.get("organisation")):
            raise forms.ValidationError("a protocol, and only a protocol, names its organisation")
        return cleaned


class PlanFileForm(forms.Form):
    """The plan file to import as an update of the plan (its size and content are checked by the view)."""

    file = forms.FileField(
        allow_empty_file=False,
        error_messages={
            "required": _("Choose a plan file to import."),
            "empty": _("The chosen file is empty."),
            "invalid": _("Choose a plan file to import."),
        },
    )
