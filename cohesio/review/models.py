"""A finding of the plan checker that the coordinator has looked at and accepts, with the reason why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cohesio.plans.models import PlanOwned


class Acknowledgement(PlanOwned):
    """The coordinator accepts one finding (code at a JSON path) for a reason; the finding stays visible.

    `detail` tells apart findings with the same code at the same place, such as two missing definitions
    both reported at `$.definitions`; it is empty when there is only one.
    """

    code = models.CharField(_("code"), max_length=10)
    path = models.CharField(_("place in the plan"), max_length=300)
    detail = models.CharField(_("detail"), max_length=64, blank=True)
    reason = models.TextField(_("reason"))
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta(PlanOwned.Meta):
        verbose_name = _("accepted finding")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code", "path", "detail"], name="acknowledgement_unique_per_finding"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="acknowledgement_reason_given"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.path}"
