"""The plan and its strategy, political support and definitions; the base every plan-owned row inherits."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesio.core.choices import choices, in_choices, label
from cohesio.core.models import Locality
from cohesio.format import vocabulary
from cohesio.format.document import (
    ACCEPTED_TERM_MAX_LENGTH,
    BUDGET_YEAR_MAX,
    BUDGET_YEAR_MIN,
    CURRENCY_PATTERN,
    DEFAULT_CURRENCY,
    MAX_ACCEPTED_TERMS,
)
from cohesio.format.vocabulary import (
    DecisionKind,
    DecisionOutcome,
    DefinitionAudience,
    ExtremismKind,
    GoalKind,
    PlanStatus,
    PolicyField,
    PreventionLevel,
)

from .budget import period_text
from .fields import PlanTextField, SourceRefField
from .keys import KEY_MAX, make_key


@deconstructible
class CodeListValidator:
    """Validates a JSON list of vocabulary codes (extremism kinds, policy fields)."""

    def __init__(self, vocabulary: str):
        self.vocabulary = vocabulary

    def __call__(self, value):
        allowed = {m.value for m in getattr(vocabulary, self.vocabulary)}
        if not isinstance(value, list) or any(not isinstance(v, str) or v not in allowed for v in value):
            raise ValidationError(_("Choose from the listed options."), code="invalid_choice")
        if len(set(value)) != len(value):
            raise ValidationError(_("Choose each option once."), code="repeated_choice")

    def __eq__(self, other):
        return isinstance(other, CodeListValidator) and other.vocabulary == self.vocabulary


validate_extremism_kinds = CodeListValidator("ExtremismKind")
validate_policy_fields = CodeListValidator("PolicyField")

# An ISO 4217 currency code, as the open plan format holds it; the check constraint keeps the database to it too.
CURRENCY_MESSAGE = _("Give the currency as its three-letter code in capitals, such as EUR, GBP or SEK.")
validate_currency = RegexValidator(CURRENCY_PATTERN, CURRENCY_MESSAGE, code="invalid_currency")


def currency_field(verbose_name, **options) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=3, default=DEFAULT_CURRENCY, validators=[validate_currency], **options
    )


def currency_valid(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__regex": CURRENCY_PATTERN}), name=name)


def validate_accepted_terms(value):
    """The plan's accepted terms as the open plan format holds them: a list of at most MAX_ACCEPTED_TERMS
    words, each 1 to ACCEPTED_TERM_MAX_LENGTH characters (a longer one took every page of the plan down)."""
    if not isinstance(value, list) or not all(isinstance(term, str) and term.strip() for term in value):
        raise ValidationError(_("Give the accepted terms as a list of words."), code="invalid_terms")
    if len(value) > MAX_ACCEPTED_TERMS:
        raise ValidationError(
            _("Accept at most %(limit)d terms."), code="too_many_terms", params={"limit": MAX_ACCEPTED_TERMS}
        )
    for term in value:
        if len(term) > ACCEPTED_TERM_MAX_LENGTH or "\x00" in term:
            raise ValidationError(
                _("Each term can be at most %(limit)d characters; shorten “%(term)s…”."),
                code="term_too_long",
                params={"limit": ACCEPTED_TERM_MAX_LENGTH, "term": term[:30]},
            )


# An adopted plan is not changed until a review starts.
LOCKED_STATUSES = frozenset({PlanStatus.ADOPTED})


class Plan(models.Model):
    """A local action plan of one locality, for one period."""

    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=choices(PlanStatus), default=PlanStatus.DRAFT)
    period_start = models.DateField(_("period starts"), null=True, blank=True)
    period_end = models.DateField(_("period ends"), null=True, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    vision = PlanTextField(_("vision"), blank=True)
    protection_statement = PlanTextField(_("who is protected against what"), blank=True)
    setting_fit = PlanTextField(_("fit with the regional and national setting"), blank=True)
    cooperation_process = PlanTextField(_("how the partners cooperate"), blank=True)
    language = models.CharField(_("language of the plan"), max_length=2, choices=settings.LANGUAGES, default="en")
    accepted_terms = models.JSONField(
        _("accepted terms"), default=list, blank=True, validators=[validate_accepted_terms]
    )
    analysis_summary = PlanTextField(_("summary of the analysis"), blank=True)
    political_owner_name = models.CharField(_("political owner"), max_length=200, blank=True)
    political_owner_office = models.CharField(_("office"), max_length=200, blank=True)
    currency = currency_field(
        _("currency"), help_text=_("The currency of the intervention budgets, and of new budget lines.")
    )
    revision = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = _("plan")
        constraints = [
            models.UniqueConstraint(fields=["locality", "title"], name="plan_title_unique_per_locality"),
            models.CheckConstraint(condition=in_choices("status", PlanStatus), name="plan_status_valid"),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="plan_period_in_order",
            ),
            currency_valid("currency", "plan_currency_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:overview", kwargs={"locality": self.locality.slug})

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end of the period must be after its start.")})

    @property
    def is_locked(self) -> bool:
        """Adopted: nothing in the plan can change until someone starts a review."""
        return self.status in LOCKED_STATUSES


class PlanOwned(models.Model):
    """Abstract base of every row that belongs to a plan: carries the plan, its locality, order and revision."""

    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="+", editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+", editable=False)
    position = models.PositiveIntegerField(_("position"), default=0)
    revision = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def save(self, *args, **kwargs):
        self.locality_id = self.plan.locality_id
        super().save(*args, **kwargs)

    def _get_FIELD_display(self, field):  # noqa: N802 - Django's name, behind every get_<field>_display()
        """The label of a choice, from a table made once per field: Django rebuilds and hashes the whole list of
        (lazily translated) choices on every call, which a page of a long list of rows felt."""
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(value, value), strings_only=True)


@cache
def _choice_labels(field) -> dict:
    return {value: name for value, name in field.flatchoices}


# Every plan row's key is unique within its plan (one constraint per table, named after it).
KEY_UNIQUE = models.UniqueConstraint(fields=["plan", "key"], name="%(app_label)s_%(class)s_key_unique")


class PlanRow(PlanOwned):
    """Abstract base of every row of the plan document: a stable `key` besides plan, locality, order, revision.

    `key_prefix` and `key_from` (the field whose text makes the key readable) are set per kind.
    """

    key_prefix = "row"
    key_from = ""

    key = models.CharField(_("key"), max_length=KEY_MAX, editable=False, default="")

    class Meta(PlanOwned.Meta):
        abstract = True
        constraints = [KEY_UNIQUE]

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = self.new_key()
        super().save(*args, **kwargs)

    def loaded(self, name: str):
        """The related row `name` when it was loaded with this one, else None: a name (`__str__`) never queries."""
        return getattr(self, name) if self._meta.get_field(name).is_cached(self) else None

    def new_key(self, taken: set[str] | None = None) -> str:
        """A key for this row; `taken` (the plan's keys of this kind) saves a query when making many at once."""
        if taken is None:
            taken = set(type(self).objects.filter(plan_id=self.plan_id).values_list("key", flat=True))
        text = str(getattr(self, self.key_from, "") or "") if self.key_from else ""
        return make_key(self.key_prefix, text, taken)


class ExtremismScope(PlanRow):
    """Whether the plan addresses one kind of extremism, and the reason when it does not."""

    key_prefix = "scope"
    key_from = "kind"

    kind = models.CharField(_("kind of extremism"), max_length=30, choices=choices(ExtremismKind))
    addressed = models.BooleanField(_("addressed by the plan"), default=True)
    reason = PlanTextField(_("reason when not addressed"), blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("extremism scope")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "kind"], name="scope_kind_unique_per_plan"),
            models.CheckConstraint(condition=in_choices("kind", ExtremismKind), name="scope_kind_valid"),
        ]

    def __str__(self) -> str:
        return label(ExtremismKind, self.kind)

    def clean(self):
        if self.addressed is False and not (self.reason or "").strip():
            raise ValidationError({"reason": _("Say why the plan leaves this kind of extremism out.")})


class Goal(PlanRow):
    """A general goal or a sub-goal, on one level of the prevention triangle."""

    key_prefix = "goal"
    key_from = "title"

    title = models.CharField(_("title"), max_length=200)
    description = PlanTextField(_("description"), blank=True)
    kind = models.CharField(_("kind of goal"), max_length=20, choices=choices(GoalKind), default=GoalKind.GENERAL)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent goal"), on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    prevention_level = models.CharField(
        _("prevention level"), max_length=20, choices=choices(PreventionLevel), blank=True
    )
    extremism_kinds = models.JSONField(
        _("kinds of extremism"), default=list, blank=True, validators=[validate_extremism_kinds]
    )
    shared_by_all = models.BooleanField(_("shared by all partners"), default=False)
    source_ref = SourceRefField()

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("goal")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "title"], name="goal_title_unique_per_plan"),
            models.CheckConstraint(condition=in_choices("kind", GoalKind), name="goal_kind_valid"),
            models.CheckConstraint(
                condition=Q(prevention_level="") | in_choices("prevention_level", PreventionLevel),
                name="goal_level_valid",
            ),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="goal_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.kind == GoalKind.SUB_GOAL and self.parent_id is None:
            raise ValidationError({"parent": _("Choose the general goal this sub-goal belongs to.")})


class Decision(PlanRow):
    """A political decision about the plan (council resolution, mayor's decision, committee advice), with its
    outcome: a rejection is recorded too, and is no backing."""

    key_prefix = "decision"
    key_from = "title"

    title = models.CharField(_("title"), max_length=200)
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    summary = PlanTextField(_("summary"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=30, choices=choices(DecisionOutcome), blank=True)
    kind = models.CharField(_("who decided"), max_length=20, choices=choices(DecisionKind), blank=True)
    reservation = PlanTextField(_("the reservation"), blank=True)
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("decision")
        constraints = [
            KEY_UNIQUE,
            models.CheckConstraint(
                condition=Q(outcome="") | in_choices("outcome", DecisionOutcome), name="decision_outcome_valid"
            ),
            models.CheckConstraint(condition=Q(kind="") | in_choices("kind", DecisionKind), name="decision_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.outcome == DecisionOutcome.APPROVED_WITH_RESERVATION and not (self.reservation or "").strip():
            raise ValidationError({"reservation": _("Say what the reservation is.")})


def budget_year_field(verbose_name) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(BUDGET_YEAR_MIN), MaxValueValidator(BUDGET_YEAR_MAX)],
    )


class BudgetLine(PlanRow):
    """Money for the plan, possibly shared with other policy fields: the amount is the total for its period (from
    its first to its last year), in its currency."""

    key_prefix = "budget"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = currency_field(_("currency"))
    year_from = budget_year_field(_("first year"))
    year_to = budget_year_field(_("last year"))
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    shared_with = models.JSONField(
        _("shared with policy fields"), default=list, blank=True, validators=[validate_policy_fields]
    )
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("budget line")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "name"], name="budget_line_name_unique_per_plan"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_line_amount_not_negative"),
            currency_valid("currency", "budget_line_currency_valid"),
            models.CheckConstraint(
                condition=Q(year_from__isnull=True) | Q(year_to__isnull=True) | Q(year_to__gte=F("year_from")),
                name="budget_line_years_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        errors = {}
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("The amount cannot be negative.")
        if self.year_from is not None and self.year_to is not None and self.year_to < self.year_from:
            errors["year_to"] = _("The last year cannot be before the first year.")
        if errors:
            raise ValidationError(errors)

    def shared_with_labels(self) -> list[str]:
        """The policy fields it is shared with, as their translated names."""
        return [label(PolicyField, code) for code in self.shared_with or ()]

    @property
    def period(self) -> str:
        """The years the amount is for, in words."""
        return period_text(self.year_from, self.year_to)


class Definition(PlanRow):
    """A term the plan uses, with its meaning and the local wording partners relate to."""

    key_prefix = "definition"
    key_from = "term"

    term = models.CharField(_("term"), max_length=200)
    text = PlanTextField(_("definition"), blank=True)
    local_wording = models.CharField(_("local wording"), max_length=200, blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=choices(DefinitionAudience), default=DefinitionAudience.PARTNERS
    )
    source_ref = SourceRefField()

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("definition")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "term"], name="definition_term_unique_per_plan"),
            models.CheckConstraint(
                condition=in_choices("audience", DefinitionAudience), name="definition_audience_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.term


class DeletionSnapshot(models.Model):
    """What one deletion removed from a plan (rows, links, emptied references), kept so it can be undone.

    The payload is only needed during the short undo window; older snapshots keep who deleted what and when.
    """

    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="+", editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+", editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    model = models.CharField(max_length=100)  # label of the deleted row's model, e.g. "plans.goal"
    object_id = models.CharField(max_length=64)
    label = models.CharField(max_length=200)  # what the coordinator saw, for the messages
    payload = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("deletion snapshot")

    def __str__(self) -> str:
        return f"{self.model} {self.object_id} deleted {self.created_at:%Y-%m-%d %H:%M}"
