"""Interventions on the prevention triangle, and the indicators that monitor the plan."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesio.core.choices import choices, in_choices
from cohesio.format.progress import progress
from cohesio.format.vocabulary import IndicatorDirection, IndicatorKind, InterventionStatus, PreventionLevel
from cohesio.network.models import Organisation, Partner
from cohesio.plans.fields import PlanTextField, SourceRefField
from cohesio.plans.models import KEY_UNIQUE, Goal, PlanRow, validate_extremism_kinds


class Intervention(PlanRow):
    key_prefix = "intervention"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    description = PlanTextField(_("description"), blank=True)
    # blank: the plan does not say (a plan taken over from an existing document often does not)
    prevention_level = models.CharField(
        _("prevention level"), max_length=20, choices=choices(PreventionLevel), blank=True
    )
    extremism_kinds = models.JSONField(
        _("kinds of extremism"), default=list, blank=True, validators=[validate_extremism_kinds]
    )
    target_group = models.CharField(_("who it is for"), max_length=300, blank=True)
    goals = models.ManyToManyField(Goal, verbose_name=_("goals"), blank=True, related_name="interventions")
    lead = models.ForeignKey(
        Partner, verbose_name=_("lead partner"), on_delete=models.SET_NULL, null=True, blank=True, related_name="leads"
    )
    # the organisation or unit that leads, beside or instead of a named person
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leads",
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("other partners"), blank=True, related_name="interventions"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=choices(InterventionStatus), default=InterventionStatus.PLANNED
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    source_ref = SourceRefField()

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("intervention")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "name"], name="intervention_name_unique_per_plan"),
            models.CheckConstraint(
                condition=Q(prevention_level="") | in_choices("prevention_level", PreventionLevel),
                name="intervention_level_valid",
            ),
            models.CheckConstraint(
                condition=in_choices("status", InterventionStatus), name="intervention_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="intervention_budget_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="intervention_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interventions:detail", kwargs={"locality": self.locality.slug, "pk": self.pk})

    @property
    def leading_organisation(self) -> Organisation | None:
        """The organisation that leads: the one named as lead, else the lead partner's (select both with the row)."""
        return self.lead_organisation or (self.lead.organisation if self.lead else None)

    @property
    def lead_name(self) -> str:
        """Who leads, as pages show it: the person with the organisation, or the organisation alone ('' for
        nobody)."""
        return ", ".join(str(x) for x in (self.lead, self.leading_organisation) if x)

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date must be after the start date.")
        if self.budget is not None and self.budget < 0:
            errors["budget"] = _("The budget cannot be negative.")
        if errors:
            raise ValidationError(errors)


class MonitoringIndicator(PlanRow):
    """How progress on a goal or intervention is measured: baseline, target and unit."""

    key_prefix = "indicator"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    target = models.FloatField(_("target"), null=True, blank=True)
    direction = models.CharField(
        _("which way is better"), max_length=10, choices=choices(IndicatorDirection), blank=True
    )
    kind = models.CharField(_("what it measures"), max_length=10, choices=choices(IndicatorKind), blank=True)
    goals = models.ManyToManyField(Goal, verbose_name=_("goals"), blank=True, related_name="indicators")
    intervention = models.ForeignKey(
        Intervention, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    synthetic = models.BooleanField(_("synthetic (made-up) figures"), default=False)
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("monitoring indicator")
        constraints = [
            KEY_UNIQUE,
            models.CheckConstraint(
                condition=Q(direction="") | in_choices("direction", IndicatorDirection),
                name="indicator_direction_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind="") | in_choices("kind", IndicatorKind), name="indicator_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def latest(self) -> "Measurement | None":
        """The latest measurement (reads the measurements: prefetch them with the row)."""
        measurements = list(self.measurements.all())
        return max(measurements, key=lambda m: (m.measured_on, m.pk)) if measurements else None

    @property
    def progress(self) -> float | None:
        """How far the latest measurement has come from the baseline to the target, in per cent, read with the
        direction where one is given (cohesio.format.progress)."""
        latest = self.latest
        return progress(self.baseline, self.target, latest.value if latest else None, self.direction or None)

    def clean_links(self, links: dict) -> None:
        """The rule on the indicator's many-to-many links, which Model.clean() cannot see before they are saved:
        `links` holds those being written (the others are as stored)."""
        goals = links["goals"] if "goals" in links else (self.goals.all() if self.pk else [])
        if self.intervention_id is None and not goals:
            raise ValidationError({"goals": _("Link the indicator to a goal or an intervention.")})


class Measurement(PlanRow):
    key_prefix = "measurement"
    key_from = "measured_on"

    indicator = models.ForeignKey(MonitoringIndicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("measured on"))
    value = models.FloatField(_("value"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("measurement")
        ordering = ["measured_on", "id"]

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.value}"
