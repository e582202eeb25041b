"""Model fields shared by the apps of the plan: free text no longer than the open plan format holds."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cohesio.format.document import SOURCE_REF_MAX_LENGTH, TEXT_MAX_LENGTH


class PlanTextField(models.TextField):
    """Free text of the plan, at most TEXT_MAX_LENGTH characters: checked by full_clean and shown as the form's
    limit, so nothing is saved that the plan document cannot hold (a longer text would break every page)."""

    default_validators = [MaxLengthValidator(TEXT_MAX_LENGTH)]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
        super().__init__(*args, **kwargs)


class SourceRefField(models.CharField):
    """Where a row was taken from, for a plan entered from an existing document (format 1.2 `source_ref`).

    Read by whoever may read the row it belongs to; it is left out of the public version."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", SOURCE_REF_MAX_LENGTH)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("verbose_name", _("Source"))
        kwargs.setdefault(
            "help_text",
            _(
                "Where this was taken from, if the plan is entered from an existing document: a document and page, or a link."
            ),
        )
        super().__init__(*args, **kwargs)
