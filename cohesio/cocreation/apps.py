"""The co-creation app: working on the plan together with partners and the political owner."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    name = "cohesio.cocreation"
    label = "cocreation"
    verbose_name = _("Co-creation")
