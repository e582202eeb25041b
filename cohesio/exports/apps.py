from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "cohesio.exports"
    label = "exports"
    verbose_name = _("Published versions and exports")

    def ready(self):
        # adoption lives in co-creation, below this app: it sends a signal, and adopting freezes a version here
        from cohesio.cocreation.signals import plan_adopted

        from .services import version_freeze_on_adoption

        plan_adopted.connect(version_freeze_on_adoption, dispatch_uid="exports.version_on_adoption")
