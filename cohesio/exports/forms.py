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
