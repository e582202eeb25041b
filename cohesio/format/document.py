"""The open plan format: pydantic models of a whole local action plan (no case data, ever)."""

import math
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .vocabulary import (
    NEVER_ALLOWED_PURPOSES,
    AgreementState,
    CaseRole,
    DecisionKind,
    DecisionOutcome,
    DefinitionAudience,
    ExtremismKind,
    FactorKind,
    GoalKind,
    IndicatorDirection,
    IndicatorKind,
    InterventionStatus,
    LegalBasis,
    LocalityKind,
    NetworkKind,
    PartnerStatus,
    PlanStatus,
    PolicyField,
    PreventionLevel,
    ReceiverUse,
    RetentionStart,
    RetentionUnit,
    Sector,
    Sensitivity,
    SharingChannel,
    SharingCondition,
    SharingPurpose,
    SourceKind,
    TieKind,
    Timeframe,
    Urgency,
)

FORMAT_VERSION = "1.2"

# Limits that keep an absurd plan out while leaving real plans far below them (a real plan has tens of goals,
# partners and interventions, and a few hundred measurements): rows in any one list, and the accepted terms.
MAX_ROWS = 2000
MAX_ACCEPTED_TERMS = 200
ACCEPTED_TERM_MAX_LENGTH = 100
NAME_MAX_LENGTH = 200
BUDGET_YEAR_MIN, BUDGET_YEAR_MAX = 1990, 2100
TEXT_MAX_LENGTH = 20000
NUL_MESSAGE = "text must not contain NUL characters (\\u0000)"


def _without_nul(value: str) -> str:
    # PostgreSQL cannot store NUL in text, and no person types one: refuse it everywhere, on every database.
    if "\x00" in value:
        raise ValueError(NUL_MESSAGE)
    return value


NoNul = AfterValidator(_without_nul)
T = TypeVar("T")
Rows = Annotated[list[T], Field(max_length=MAX_ROWS)]

Key = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX_LENGTH, strip_whitespace=True), NoNul]
Text = Annotated[str, StringConstraints(max_length=TEXT_MAX_LENGTH), NoNul]
Line = Annotated[str, StringConstraints(max_length=200), NoNul]
Unit = Annotated[str, StringConstraints(max_length=50), NoNul]
AcceptedTerm = Annotated[str, StringConstraints(min_length=1, max_length=ACCEPTED_TERM_MAX_LENGTH), NoNul]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
DEFAULT_CURRENCY = "EUR"
# An ISO 4217 currency code: three capital letters (EUR, GBP, SEK).
CURRENCY_PATTERN = r"^[A-Z]{3}$"
Currency = Annotated[
    str, StringConstraints(pattern=CURRENCY_PATTERN), Field(description="An ISO 4217 currency code, such as EUR.")
]
BudgetYear = Annotated[int, Field(ge=BUDGET_YEAR_MIN, le=BUDGET_YEAR_MAX)]
SOURCE_REF_MAX_LENGTH = 500
# Where a row was taken from, for a plan entered from an existing document: a document and page, or a URL.
SourceRef = Annotated[
    str,
    StringConstraints(max_length=SOURCE_REF_MAX_LENGTH, strip_whitespace=True),
    NoNul,
    Field(description="Where this row was taken from: a document and page, or a URL (format 1.2)."),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False, allow_inf_nan=False)


# How deep each kind of GeoJSON geometry nests its positions: a Point is one position, a Polygon a list of rings.
GEOMETRY_DEPTH = {"Point": 0, "Polygon": 2, "MultiPolygon": 3}
GEOMETRY_KEYS = {"type", "coordinates", "bbox"}


def _position_problem(value: Any) -> str | None:
    if not isinstance(value, list) or not 2 <= len(value) <= 3 or not all(_is_number(n) for n in value):
        return "a position is a list of two or three numbers"
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _coordinates_problem(value: Any, depth: int) -> str | None:
    if depth == 0:
        return _position_problem(value)
    if not isinstance(value, list):
        return "geometry coordinates are not nested as the geometry type needs"
    for item in value:
        problem = _coordinates_problem(item, depth - 1)
        if problem:
            return problem
    return None


def geometry_problem(geometry: Any) -> str | None:
    """Why `geometry` is not a GeoJSON Point, Polygon or MultiPolygon of numbers, or None when it is one."""
    if geometry is None:
        return None
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_DEPTH:
        return "geometry must be a GeoJSON Polygon, MultiPolygon or Point"
    if not isinstance(geometry.get("coordinates"), list):
        return "geometry needs a coordinates list"
    extra = sorted(str(k) for k in set(geometry) - GEOMETRY_KEYS)
    if extra:
        return f"geometry has fields GeoJSON does not define here: {', '.join(extra)[:200]}"
    bbox = geometry.get("bbox", [0, 0, 0, 0])
    if not isinstance(bbox, list) or not all(_is_number(n) for n in bbox):
        return "a geometry's bbox is a list of numbers"
    return _coordinates_problem(geometry["coordinates"], GEOMETRY_DEPTH[geometry["type"]])


class Locality(Model):
    name: Name
    kind: LocalityKind = LocalityKind.MUNICIPALITY
    fictional: bool = False


class ExtremismScope(Model):
    """Whether the plan addresses a kind of extremism, and why not when it does not."""

    kind: ExtremismKind
    addressed: bool = True
    reason: Text = ""


class Plan(Model):
    title: Name
    status: PlanStatus = PlanStatus.DRAFT
    period_start: date | None = None
    period_end: date | None = None
    review_date: date | None = None
    vision: Text = ""
    protection_statement: Text = Field("", description="Who is protected against what.")
    setting_fit: Text = Field("", description="How the plan fits the regional and national setting.")
    cooperation_process: Text = ""
    extremism_scope: Rows[ExtremismScope] = []
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "en"
    currency: Currency = Field(
        DEFAULT_CURRENCY,
        description="The currency of the intervention budgets, and of budget lines that name none (format 1.2).",
    )
    accepted_terms: list[AcceptedTerm] = Field(
        [],
        max_length=MAX_ACCEPTED_TERMS,
        description="Words the plan checker's terminology rule accepts for this plan.",
    )

    @model_validator(mode="after")
    def _period_in_order(self) -> "Plan":
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        kinds = [s.kind for s in self.extremism_scope]
        if len(kinds) != len(set(kinds)):
            raise ValueError("extremism_scope lists a kind twice")
        return self


class Goal(Model):
    key: Key
    title: Name
    description: Text = ""
    kind: GoalKind = GoalKind.GENERAL
    parent: Key | None = None
    prevention_level: PreventionLevel | None = None
    extremism_kinds: Rows[ExtremismKind] = []
    shared_by_all: bool = False
    source_ref: SourceRef = ""


class Decision(Model):
    key: Key
    title: Name
    decided_on: date | None = None
    reference: Line = ""
    summary: Text = ""
    outcome: DecisionOutcome | None = Field(None, description="What was decided (format 1.2).")
    kind: DecisionKind | None = Field(None, description="Who decided: the council, the executive, ... (format 1.2).")
    reservation: Text = Field("", description="What the reservation is, for an approval with one (format 1.2).")
    source_ref: SourceRef = ""


class BudgetLine(Model):
    """Money for the plan: `amount` is the line's total for its whole period, in its `currency`."""

    key: Key
    name: Name
    amount: Money
    currency: Currency = Field(DEFAULT_CURRENCY, description="Left out, the plan's currency (format 1.2).")
    year_from: BudgetYear | None = Field(None, description="The first year the amount is for (format 1.2).")
    year_to: BudgetYear | None = Field(None, description="The last year the amount is for (format 1.2).")
    funding_source: Line = ""
    shared_with: Rows[PolicyField] = []
    source_ref: SourceRef = ""

    @model_validator(mode="after")
    def _years_in_order(self) -> "BudgetLine":
        if self.year_from is not None and self.year_to is not None and self.year_to < self.year_from:
            raise ValueError("year_to is before year_from")
        return self


class PoliticalSupport(Model):
    owner_name: Line = ""
    owner_office: Line = ""
    decisions: Rows[Decision] = []
    budget_lines: Rows[BudgetLine] = []


class Definition(Model):
    key: Key
    term: Name
    text: Text = ""
    local_wording: Line = ""
    audience: DefinitionAudience = DefinitionAudience.PARTNERS
    source_ref: SourceRef = ""


class Area(Model):
    key: Key
    name: Name
    geometry: dict[str, Any] | None = Field(None, description="A GeoJSON geometry (Polygon or MultiPolygon).")
    source_ref: SourceRef = ""

    @model_validator(mode="after")
    def _geometry_is_geojson(self) -> "Area":
        problem = geometry_problem(self.geometry)
        if problem:
            raise ValueError(problem)
        return self


class Source(Model):
    key: Key
    name: Name
    kind: SourceKind
    description: Text = ""
    collected_on: date | None = None
    source_ref: SourceRef = ""


class Factor(Model):
    key: Key
    kind: FactorKind
    title: Name
    description: Text = ""
    extremism_kinds: Rows[ExtremismKind] = []
    areas: Rows[Key] = []
    sources: Rows[Key] = []
    timeframe: Timeframe = Timeframe.PRESENT
    urgency: Urgency | None = None
    source_ref: SourceRef = ""


class Observation(Model):
    area: Key | None = None
    period: Annotated[str, StringConstraints(min_length=1, max_length=20), NoNul]
    value: float


class AnalysisIndicator(Model):
    key: Key
    name: Name
    unit: Unit = ""
    synthetic: bool = False
    source: Key | None = None
    observations: Rows[Observation] = []
    source_ref: SourceRef = ""


class Analysis(Model):
    summary: Text = ""
    areas: Rows[Area] = []
    sources: Rows[Source] = []
    factors: Rows[Factor] = []
    indicators: Rows[AnalysisIndicator] = []


class Organisation(Model):
    key: Key
    name: Name
    sector: Sector
    member_sectors: Rows[Sector] = Field(
        [], description="For a partnership of several sectors: the sectors it brings together (format 1.2)."
    )
    source_ref: SourceRef = ""

    @model_validator(mode="after")
    def _members_of_a_partnership(self) -> "Organisation":
        if self.member_sectors and self.sector != Sector.PARTNERSHIP:
            raise ValueError("member_sectors are only for a partnership of several sectors (sector 'partnership')")
        if Sector.PARTNERSHIP in self.member_sectors:
            raise ValueError("a partnership's member_sectors are the sectors it brings together, not 'partnership'")
        if len(set(self.member_sectors)) != len(self.member_sectors):
            raise ValueError("member_sectors lists a sector twice")
        return self


class Partner(Model):
    key: Key
    name: Name
    function: Line = ""
    organisation: Key | None = None
    sector: Sector | None = Field(None, description="For people without an organisation (informal network).")
    network: NetworkKind = NetworkKind.FORMAL
    status: PartnerStatus = PartnerStatus.ACTIVE
    interests: Text = ""
    doubts: Text = ""
    conditions: Text = ""
    role: Text = ""
    mandate: Text = ""
    tasks: Text = ""
    accepts_coordinator: bool = False
    source_ref: SourceRef = ""

    @model_validator(mode="after")
    def _a_person_is_no_partnership(self) -> "Partner":
        if self.sector == Sector.PARTNERSHIP:
            raise ValueError("a person's own sector cannot be 'partnership': a partnership is an organisation")
        return self


class CommunityGroup(Model):
    key: Key
    name: Name
    description: Text = ""
    area: Key | None = None
    contact: Key | None = Field(None, description="A partner who is the group's contact.")
    source_ref: SourceRef = ""


class Tie(Model):
    source: Key
    target: Key
    kind: TieKind = TieKind.WORKS_WITH
    source_ref: SourceRef = ""

    @model_validator(mode="after")
    def _not_a_loop(self) -> "Tie":
        if self.source == self.target:
            raise ValueError("a tie needs two different partners")
        return self


class Network(Model):
    organisations: Rows[Organisation] = []
    partners: Rows[Partner] = []
    community_groups: Rows[CommunityGroup] = []
    ties: Rows[Tie] = []


class Cooperation(Model):
    coordinator: Key | None = Field(None, description="The partner who is the plan's one coordinator.")


class InformationType(Model):
    key: Key
    organisation: Key
    name: Name
    description: Text = ""
    sensitivity: Sensitivity = Sensitivity.PERSONAL
    legal_basis: Text = ""
    source_ref: SourceRef = ""


class SharingRule(Model):
    """Why, when and how one type of information may pass from its holder to whom, and how long it is kept.

    The structured fields are what a machine enforces (`cohesio.format.sharing.may_share`); the texts beside
    them explain the rule in the partners' own words."""

    key: Key
    information_type: Key
    recipients: Rows[Key] = Field([], description="Organisations that may receive it.")
    recipient_roles: Rows[CaseRole] = Field([], description="Roles in a case that may receive it.")
    purposes: Rows[SharingPurpose] = Field([], description="What the information may be used for.")
    legal_bases: Rows[LegalBasis] = Field([], description="The grounds in law for sharing it.")
    legal_reference: Line = Field("", description="The national law or article relied on, where one is named.")
    conditions: Rows[SharingCondition] = Field([], description="Every condition must hold before it is shared.")
    channel: SharingChannel | None = None
    receiver_use: ReceiverUse | None = None
    onward_sharing: bool = Field(False, description="Whether the receiver may pass it on.")
    retention_amount: int | None = Field(None, ge=1, le=100_000)
    retention_unit: RetentionUnit = RetentionUnit.MONTHS
    retention_from: RetentionStart = RetentionStart.SHARED
    valid_until: date | None = Field(None, description="The last day the rule applies, if it ends.")
    purpose: Text = ""
    why: Text = ""
    when: Text = ""
    how: Text = ""
    retention: Text = ""
    source_ref: SourceRef = ""

    @model_validator(mode="after")
    def _never_for_investigation(self) -> "SharingRule":
        if NEVER_ALLOWED_PURPOSES & set(self.purposes):
            raise ValueError("a prevention rule can never allow sharing for a criminal investigation")
        return self


class Signatory(Model):
    organisation: Key
    signed_by: Key | None = Field(None, description="The partner who signed for the organisation.")
    signed_on: date | None = None
    version: int = Field(1, ge=1, description="The version of the agreement signed.")


class Agreement(Model):
    title: Name
    text: Text = ""
    based_on: Line = Field("", description="An existing agreement reused as a template (truancy, child neglect, ...).")
    version: int = Field(1, ge=1, description="The agreement's current version; a change of its rules makes a new one.")
    state: AgreementState = AgreementState.DRAFT
    in_force_from: date | None = Field(None, description="The day the current version came into force.")
    signed_on: date | None = None
    review_date: date | None = None
    evaluate_every_months: int | None = Field(None, ge=1, le=60, description="How often partners evaluate the sharing.")
    signatories: Rows[Signatory] = []


class EvaluationAnswer(Model):
    """One organisation's answers to an evaluation, from its contact person."""

    organisation: Key
    answered_by: Key | None = Field(None, description="The partner who answered for the organisation.")
    answered_on: date
    right_information_on_time: bool | None = None
    handled_as_agreed: bool | None = None
    notes: Text = ""


class SharingEvaluation(Model):
    key: Key
    scheduled_for: date
    done_on: date | None = None
    right_information_on_time: bool | None = None
    handled_as_agreed: bool | None = None
    notes: Text = ""
    answers: Rows[EvaluationAnswer] = []


class Sharing(Model):
    information_types: Rows[InformationType] = []
    rules: Rows[SharingRule] = []
    agreement: Agreement | None = None
    evaluations: Rows[SharingEvaluation] = []


class Intervention(Model):
    key: Key
    name: Name
    description: Text = ""
    prevention_level: PreventionLevel | None = Field(None, description="None: the plan does not say (format 1.2).")
    extremism_kinds: Rows[ExtremismKind] = []
    target_group: Annotated[str, StringConstraints(max_length=300), NoNul] = ""
    goals: Rows[Key] = []
    lead: Key | None = Field(None, description="The partner (a person) who leads it.")
    lead_organisation: Key | None = Field(
        None, description="The organisation or unit that leads it, with or without a named person (format 1.2)."
    )
    partners: Rows[Key] = []
    status: InterventionStatus = InterventionStatus.PLANNED
    starts_on: date | None = None
    ends_on: date | None = None
    budget: Money | None = None
    source_ref: SourceRef = ""

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Intervention":
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("ends_on is before starts_on")
        return self


class Measurement(Model):
    measured_on: date
    value: float
    note: Annotated[str, StringConstraints(max_length=500), NoNul] = ""


class MonitoringIndicator(Model):
    key: Key
    name: Name
    unit: Unit = ""
    baseline: float | None = None
    target: float | None = None
    direction: IndicatorDirection | None = Field(None, description="Which way is better (format 1.2).")
    kind: IndicatorKind | None = Field(None, description="Activity, output or outcome (format 1.2).")
    goals: Rows[Key] = Field([], description="The goals it measures (format 1.2; 1.1 had one `goal`).")
    intervention: Key | None = None
    synthetic: bool = False
    measurements: Rows[Measurement] = []
    source_ref: SourceRef = ""


class PlanDocument(Model):
    """A whole local action plan: the seven elements plus monitoring."""

    format_version: str = FORMAT_VERSION
    locality: Locality
    plan: Plan
    goals: Rows[Goal] = []
    political_support: PoliticalSupport = PoliticalSupport()
    definitions: Rows[Definition] = []
    analysis: Analysis = Analysis()
    network: Network = Network()
    cooperation: Cooperation = Cooperation()
    sharing: Sharing = Sharing()
    interventions: Rows[Intervention] = []
    monitoring: Rows[MonitoringIndicator] = []

    @model_validator(mode="after")
    def _budget_in_the_plans_currency(self) -> "PlanDocument":
        # a budget line that names no currency is in the plan's (the field's own default is the format's)
        for line in self.political_support.budget_lines:
            if "currency" not in line.model_fields_set:
                line.currency = self.plan.currency
        return self

    @model_validator(mode="after")
    def _references_resolve(self) -> "PlanDocument":
        from .references import check_references

        check_references(self)
        return self
