"""Forms of the check page: accept a finding with a reason, reopen it, the terms partners accept.

The check page renders them by hand (one small form per finding), so labels live in its templates.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cohesio.format.document import ACCEPTED_TERM_MAX_LENGTH, MAX_ACCEPTED_TERMS


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
    """The plan's accepted terms as one comma-separated line; each term and their number as the format allows."""

    terms = forms.CharField(
        max_length=2000,
        required=False,
        error_messages={"max_length": _("Keep the list under %(limit_value)d characters.")},
    )

    def clean_terms(self) -> list[str]:
        terms = [" ".join(term.split()) for term in self.cleaned_data["terms"].split(",")]
        terms = [term for term in terms if term]
        too_long = [term for term in terms if len(term) > ACCEPTED_TERM_MAX_LENGTH]
        if too_long:
            raise ValidationError(
                _("Each term can be at most %(limit)d characters; shorten “%(term)s…”."),
                code="term_too_long",
                params={"limit": ACCEPTED_TERM_MAX_LENGTH, "term": too_long[0][:30]},
            )
        if len(terms) > MAX_ACCEPTED_TERMS:
            raise ValidationError(
                ngettext_lazy("Accept at most %(limit)d term.", "Accept at most %(limit)d terms.", MAX_ACCEPTED_TERMS),
                code="too_many_terms",
                params={"limit": MAX_ACCEPTED_TERMS},
            )
        return terms
