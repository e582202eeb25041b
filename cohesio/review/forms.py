"""Forms of the check page: accept a finding with a reason, reopen it, the terms partners accept.

The check page renders them by hand (one small form per finding), so labels live in its templates.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class AcknowledgeForm(forms.Form):
    """Accept one finding (code, path and detail say which) for a reason everyone can read."""

    code = forms.CharField(max_length=10)
    path = forms.CharField(max_length=300)
    detail = forms.CharField(max_length=64, required=False)
    reason = forms.CharField(
        max_length=2000,
        error_messages={
            "required": _("Say why the plan can go ahead with this finding."),
            "max_length": _("Keep the reason under %(limit_value)d characters."),
        },
    )


class FindingForm(forms.Form):
    """Which finding to reopen."""

    code = forms.CharField(max_length=10)
    path = forms.CharField(max_length=300)
    detail = forms.CharField(max_length=64, required=False)


class AcceptedTermsForm(forms.Form):
    """The plan's accepted terms as one comma-separated line."""

    terms = forms.CharField(
        max_length=2000,
        required=False,
        error_messages={"max_length": _("Keep the list under %(limit_value)d characters.")},
    )

    def clean_terms(self) -> list[str]:
        return [term.strip() for term in self.cleaned_data["terms"].split(",")]
