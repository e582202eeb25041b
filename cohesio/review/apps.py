"""The review app: "Check the plan", findings on each element page, acknowledged findings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "cohesio.review"
    label = "review"
    verbose_name = _("Plan review")
