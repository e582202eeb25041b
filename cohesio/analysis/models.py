"""Regional analysis: areas of the locality, sources, risk and protective factors, indicator series."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesio.core.choices import choices, in_choices
from cohesio.format.document import GEOMETRY_DEPTH, geometry_problem
from cohesio.format.vocabulary import FactorKind, SourceKind, Timeframe, Urgency
from cohesio.plans.fields import PlanTextField, SourceRefField
from cohesio.plans.models import KEY_UNIQUE, PlanRow, validate_extremism_kinds


def validate_geometry(value):
    """A GeoJSON Point, Polygon or MultiPolygon of numbers, as the open plan format takes it."""
    if value is None:
        return
    problem = geometry_problem(value)
    if problem is None:
        return
    if not isinstance(value, dict) or value.get("type") not in GEOMETRY_DEPTH:
        raise ValidationError(_("Give a GeoJSON Polygon, MultiPolygon or Point."), code="invalid_geometry")
    raise ValidationError(
        _("The GeoJSON geometry needs coordinates: lists of two or three numbers, nested as its type needs."),
        code="invalid_geometry",
    )


class Area(PlanRow):
    """A neighbourhood, district or village shown on the map."""

    key_prefix = "area"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    geometry = models.JSONField(_("GeoJSON geometry"), null=True, blank=True, validators=[validate_geometry])
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("area")
        constraints = [KEY_UNIQUE, models.UniqueConstraint(fields=["plan", "name"], name="area_name_unique_per_plan")]

    def __str__(self) -> str:
        return self.name


class Source(PlanRow):
    """Where a piece of the analysis comes from."""

    key_prefix = "source"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of source"), max_length=20, choices=choices(SourceKind))
    description = PlanTextField(_("description"), blank=True)
    collected_on = models.DateField(_("collected on"), null=True, blank=True)
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("source")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "name"], name="source_name_unique_per_plan"),
            models.CheckConstraint(condition=in_choices("kind", SourceKind), name="source_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name


class Factor(PlanRow):
    """A risk or protective factor, described as behaviour and circumstances, never as who people are."""

    key_prefix = "factor"
    key_from = "title"

    kind = models.CharField(_("risk or protective"), max_length=20, choices=choices(FactorKind))
    title = models.CharField(_("title"), max_length=200)
    description = PlanTextField(_("description"), blank=True)
    extremism_kinds = models.JSONField(
        _("kinds of extremism"), default=list, blank=True, validators=[validate_extremism_kinds]
    )
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), blank=True, related_name="factors")
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="factors")
    timeframe = models.CharField(_("timeframe"), max_length=20, choices=choices(Timeframe), default=Timeframe.PRESENT)
    urgency = models.CharField(_("urgency"), max_length=20, choices=choices(Urgency), blank=True)
    source_ref = SourceRefField()

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("factor")
        constraints = [
            KEY_UNIQUE,
            models.CheckConstraint(condition=in_choices("kind", FactorKind), name="factor_kind_valid"),
            models.CheckConstraint(condition=in_choices("timeframe", Timeframe), name="factor_timeframe_valid"),
            models.CheckConstraint(
                condition=models.Q(urgency="") | in_choices("urgency", Urgency), name="factor_urgency_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AnalysisIndicator(PlanRow):
    """A series of figures per area and period (e.g. reported incidents), possibly synthetic demo data."""

    key_prefix = "aindicator"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    synthetic = models.BooleanField(_("synthetic (made-up) figures"), default=False)
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators")
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("analysis indicator")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "name"], name="analysis_indicator_name_unique_per_plan"),
        ]

    def __str__(self) -> str:
        return self.name


class Observation(PlanRow):
    """One value of an analysis indicator for an area and a period."""

    key_prefix = "observation"
    key_from = "period"

    indicator = models.ForeignKey(AnalysisIndicator, on_delete=models.CASCADE, related_name="observations")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, null=True, blank=True, related_name="observations")
    period = models.CharField(_("period"), max_length=20)
    value = models.FloatField(_("value"))

    class Meta(PlanRow.Meta):
        verbose_name = _("observation")

    def __str__(self) -> str:
        return f"{self.period}: {self.value}"
