"""Forms of the versions page: publish a version with a note, choose two versions to compare."""

from django import forms
from django.utils.translation import gettext_lazy as _


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
    """Which export to prepare in the background: a format, a version's number (none: the plan now), public or not."""

    file_format = forms.ChoiceField(choices=[(f, f) for f in ("docx", "pdf", "odt", "html")])
    version = forms.IntegerField(min_value=1, required=False)
    public = forms.BooleanField(required=False)


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
