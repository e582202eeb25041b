"""Information sharing: what each organisation holds, the rules for sharing it, the agreement and its evaluation."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesio.core.choices import choices, in_choices
from cohesio.format.vocabulary import (
    GDPR_ARTICLE_6,
    GDPR_ARTICLE_9,
    NEVER_ALLOWED_PURPOSES,
    PERSONAL_DATA,
    AgreementState,
    LegalBasis,
    ReceiverUse,
    RetentionStart,
    RetentionUnit,
    Sensitivity,
    SharingChannel,
)
from cohesio.network.models import Organisation, Partner
from cohesio.plans.fields import PlanTextField, SourceRefField
from cohesio.plans.models import KEY_UNIQUE, CodeListValidator, PlanRow


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
    source_ref = SourceRefField()

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
    recipient_roles = models.JSONField(
        _("roles in a case that may receive it"),
        default=list,
        blank=True,
        validators=[CodeListValidator("CaseRole")],
    )
    purposes = models.JSONField(
        _("what it may be used for"), default=list, blank=True, validators=[CodeListValidator("SharingPurpose")]
    )
    legal_bases = models.JSONField(
        _("legal basis"), default=list, blank=True, validators=[CodeListValidator("LegalBasis")]
    )
    legal_reference = models.CharField(_("law or article relied on"), max_length=200, blank=True)
    conditions = models.JSONField(
        _("conditions"), default=list, blank=True, validators=[CodeListValidator("SharingCondition")]
    )
    channel = models.CharField(_("how it is passed on"), max_length=20, choices=choices(SharingChannel), blank=True)
    receiver_use = models.CharField(
        _("what the receiver may do with it"), max_length=20, choices=choices(ReceiverUse), blank=True
    )
    onward_sharing = models.BooleanField(_("the receiver may pass it on"), default=False)
    retention_amount = models.PositiveIntegerField(
        _("kept for"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    retention_unit = models.CharField(
        _("unit"), max_length=10, choices=choices(RetentionUnit), default=RetentionUnit.MONTHS
    )
    retention_from = models.CharField(
        _("counted"), max_length=20, choices=choices(RetentionStart), default=RetentionStart.SHARED
    )
    valid_until = models.DateField(_("applies until"), null=True, blank=True)
    purpose = PlanTextField(_("purpose, in words"), blank=True)
    why = PlanTextField(_("why it is shared"), blank=True)
    when = PlanTextField(_("when it is shared"), blank=True)
    how = PlanTextField(_("how it is shared"), blank=True)
    retention = PlanTextField(_("how long it is kept, in words"), blank=True)
    source_ref = SourceRefField()

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("sharing rule")
        constraints = [
            KEY_UNIQUE,
            models.CheckConstraint(
                condition=in_choices("channel", SharingChannel) | models.Q(channel=""), name="rule_channel_valid"
            ),
            models.CheckConstraint(
                condition=in_choices("receiver_use", ReceiverUse) | models.Q(receiver_use=""),
                name="rule_receiver_use_valid",
            ),
            models.CheckConstraint(condition=in_choices("retention_unit", RetentionUnit), name="rule_unit_valid"),
            models.CheckConstraint(condition=in_choices("retention_from", RetentionStart), name="rule_from_valid"),
        ]

    def __str__(self) -> str:
        information = self.loaded("information_type")
        if information is None:  # not loaded with the rule (see Editable.related)
            return self.key or str(_("sharing rule"))
        return _("sharing rule for %(information)s") % {"information": information}

    def clean(self):
        super().clean()
        errors = {}
        purposes = set(self.purposes or [])
        if purposes & NEVER_ALLOWED_PURPOSES:
            errors["purposes"] = _(
                "A prevention agreement never allows sharing for a criminal investigation; the police use their "
                "own legal powers for that."
            )
        elif not purposes:
            errors["purposes"] = _("Choose at least one purpose, so everyone knows what the information is for.")
        bases = set(self.legal_bases or [])
        information = self.information_type if self.information_type_id else None
        if information is not None and information.sensitivity in PERSONAL_DATA:
            if not bases:
                errors["legal_bases"] = _(
                    "Personal information may only be shared on a legal basis: choose the ground in law that "
                    "allows this sharing."
                )
            elif information.sensitivity == Sensitivity.SENSITIVE and not bases & (
                GDPR_ARTICLE_9 | {LegalBasis.NATIONAL_LAW}
            ):
                errors["legal_bases"] = _(
                    "This is sensitive personal information: add a condition of GDPR article 9, or the national "
                    "law that allows sharing it."
                )
            elif not bases & (GDPR_ARTICLE_6 | {LegalBasis.NATIONAL_LAW}):
                errors["legal_bases"] = _("Add the ground of GDPR article 6 this sharing relies on.")
            if not self.retention_amount:
                errors["retention_amount"] = _(
                    "Say how long the receiver keeps personal information, so it is not kept for ever."
                )
        if LegalBasis.NATIONAL_LAW in bases and not self.legal_reference.strip():
            errors["legal_reference"] = _("Name the national law (and article) this sharing relies on.")
        if errors:
            raise ValidationError(errors)


class Agreement(PlanRow):
    """The information-sharing agreement and protocol; one per plan."""

    key_prefix = "agreement"
    key_from = "title"

    title = models.CharField(_("title"), max_length=200)
    text = PlanTextField(_("text"), blank=True)
    based_on = models.CharField(_("based on an existing agreement"), max_length=200, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, validators=[MinValueValidator(1)])
    state = models.CharField(_("state"), max_length=20, choices=choices(AgreementState), default=AgreementState.DRAFT)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    evaluate_every_months = models.PositiveIntegerField(
        _("evaluate the sharing every (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("information-sharing agreement")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan"], name="one_agreement_per_plan"),
            models.CheckConstraint(condition=in_choices("state", AgreementState), name="agreement_state_valid"),
        ]

    def clean(self):
        super().clean()
        if self.review_date and self.in_force_from and self.review_date < self.in_force_from:
            raise ValidationError(
                {"review_date": _("The review comes after the agreement came into force; choose a later date.")}
            )

    def __str__(self) -> str:
        return self.title


class Signatory(PlanRow):
    key_prefix = "signatory"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="signatures")
    signed_by = models.ForeignKey(Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="signatures")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version signed"), default=1, validators=[MinValueValidator(1)])

    class Meta(PlanRow.Meta):
        verbose_name = _("signatory")
        constraints = [
            KEY_UNIQUE,
            # signatures are kept per version: a new version is signed again, and the earlier signature stays
            models.UniqueConstraint(
                fields=["agreement", "organisation", "version"], name="one_signature_per_organisation_and_version"
            ),
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

    def clean(self):
        super().clean()
        if self.done_on and self.scheduled_for and self.done_on < self.scheduled_for:
            raise ValidationError(
                {"done_on": _("An evaluation is done on or after the day it was planned for; check the dates.")}
            )


class EvaluationAnswer(PlanRow):
    """One organisation's answers to an evaluation of the sharing, given by its contact person."""

    key_prefix = "answer"
    open_when_adopted = True  # partners evaluate the sharing under the adopted plan

    evaluation = models.ForeignKey(SharingEvaluation, on_delete=models.CASCADE, related_name="answers")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="evaluation_answers")
    answered_by = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="evaluation_answers"
    )
    answered_on = models.DateField(_("answered on"))
    right_information_on_time = models.BooleanField(
        _("Was the right information shared on time?"), null=True, blank=True
    )
    handled_as_agreed = models.BooleanField(_("Was shared information handled as agreed?"), null=True, blank=True)
    notes = PlanTextField(_("anything else to tell"), blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("evaluation answer")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["evaluation", "organisation"], name="one_answer_per_organisation"),
        ]

    def __str__(self) -> str:
        return self.key or str(_("evaluation answer"))

    def clean(self):
        super().clean()
        if self.evaluation_id and self.answered_on and self.answered_on < self.evaluation.scheduled_for:
            raise ValidationError(
                {"answered_on": _("This evaluation opens on %(date)s.") % {"date": self.evaluation.scheduled_for}}
            )
