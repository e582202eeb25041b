"""The review app: "Check the plan", findings on each element page, acknowledged findings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "cohesio.review"
    label = "review"
    verbose_name = _("Plan review")

    def ready(self):
        from cohesio.cocreation.workflow import OPEN_BEFORE_ADOPTION
        from cohesio.plans.editing import DELETE_NOTES

        DELETE_NOTES.append(_accepted_findings_note)
        OPEN_BEFORE_ADOPTION.append(_open_findings)


def _open_findings(plan, reader) -> list:
    """Errors and warnings of the plan check that nobody accepted: shown to `reader` before the plan is adopted."""
    from cohesio.checks import Severity

    from .selectors import plan_findings

    return [
        item
        for item in plan_findings(plan, reader=reader).findings
        if not item.accepted and item.finding.severity in (Severity.ERROR, Severity.WARNING)
    ]


def _accepted_findings_note(obj) -> str:
    from django.utils.translation import ngettext

    from .models import Acknowledgement

    key = getattr(obj, "key", "")
    if not key:
        return ""
    count = Acknowledgement.objects.filter(plan_id=obj.plan_id, path__contains=f"[{key}]").count()
    return (
        ngettext(
            "%(n)d accepted finding is about it: afterwards its acceptance applies to nothing (the check page lists it).",
            "%(n)d accepted findings are about it: afterwards their acceptances apply to nothing (the check page lists them).",
            count,
        )
        % {"n": count}
        if count
        else ""
    )
