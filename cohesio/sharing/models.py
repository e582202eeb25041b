"""Information sharing: what each organisation holds, the rules for sharing it, the agreement and its evaluation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesio.core.choices import choices, in_choices
from cohesio.format.vocabulary import Sensitivity
from cohesio.network.models import Organisation, Partner
from cohesio.plans.fields import PlanTextField
from cohesio.plans.models import KEY_UNIQUE, PlanRow


class InformationType(PlanRow):
    key_prefix = "infotype"
    key_from = "name"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="information_types")
    name = models.CharField(_("name"), max_length=200)
    description = PlanTextField(_("description"), blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=20, choices=choices(Sensitivity), default=Sensitivity.PERSONAL
    )
    legal_basis = PlanTextField(_("legal basis"), blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("information type")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["organisation", "name"], name="information_type_unique_per_organisation"),
            models.CheckConstraint(
                condition=in_choices("sensitivity", Sensitivity), name="information_sensitivity_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SharingRule(PlanRow):
    """Why, when and how one type of information may be shared, with whom, and how long it is kept."""

    key_prefix = "rule"
    key_from = "purpose"

    information_type = models.ForeignKey(InformationType, on_delete=models.CASCADE, related_name="rules")
    recipients = models.ManyToManyField(
        Organisation, verbose_name=_("may be shared with"), blank=True, related_name="+"
    )
    purpose = PlanTextField(_("purpose"), blank=True)
    why = PlanTextField(_("why it is shared"), blank=True)
    when = PlanTextField(_("when it is shared"), blank=True)
    how = PlanTextField(_("how it is shared"), blank=True)
    retention = PlanTextField(_("how long it is kept"), blank=True)

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("sharing rule")

    def __str__(self) -> str:
        information = self.loaded("information_type")
        if information is None:  # not loaded with the rule (see Editable.related)
            return self.key or str(_("sharing rule"))
        return _("sharing rule for %(information)s") % {"information": information}


class Agreement(PlanRow):
    """The information-sharing agreement and protocol; one per plan."""

    key_prefix = "agreement"
    key_from = "title"

    title = models.CharField(_("title"), max_length=200)
    text = PlanTextField(_("text"), blank=True)
    based_on = models.CharField(_("based on an existing agreement"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("information-sharing agreement")
        constraints = [KEY_UNIQUE, models.UniqueConstraint(fields=["plan"], name="one_agreement_per_plan")]

    def __str__(self) -> str:
        return self.title


class Signatory(PlanRow):
    key_prefix = "signatory"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="signatures")
    signed_by = models.ForeignKey(Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="signatures")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("signatory")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["agreement", "organisation"], name="one_signature_per_organisation"),
        ]

    def __str__(self) -> str:
        organisation = self.loaded("organisation")
        if organisation is None:  # not loaded with the signature (see Editable.related)
            return self.key or str(_("signatory"))
        return _("signature of %(organisation)s") % {"organisation": organisation}


class SharingEvaluation(PlanRow):
    """A recurring look at the sharing itself: is the right information shared on time, and handled as agreed?"""

    key_prefix = "evaluation"
    key_from = "scheduled_for"

    scheduled_for = models.DateField(_("scheduled for"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    right_information_on_time = models.BooleanField(_("right information shared on time"), null=True, blank=True)
    handled_as_agreed = models.BooleanField(_("handled as agreed"), null=True, blank=True)
    notes = PlanTextField(_("notes"), blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("sharing evaluation")
        ordering = ["scheduled_for", "id"]

    def __str__(self) -> str:
        return f"evaluation {self.scheduled_for}"
