"""Model fields shared by the apps of the plan: free text no longer than the open plan format holds."""

from django.core.validators import MaxLengthValidator
from django.db import models

from cohesio.format.document import TEXT_MAX_LENGTH


class PlanTextField(models.TextField):
    """Free text of the plan, at most TEXT_MAX_LENGTH characters: checked by full_clean and shown as the form's
    limit, so nothing is saved that the plan document cannot hold (a longer text would break every page)."""

    default_validators = [MaxLengthValidator(TEXT_MAX_LENGTH)]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
        super().__init__(*args, **kwargs)
