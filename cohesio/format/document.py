"""The open plan format: pydantic models of a whole local action plan (no case data, ever)."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .vocabulary import (
    DefinitionAudience,
    ExtremismKind,
    FactorKind,
    GoalKind,
    InterventionStatus,
    LocalityKind,
    NetworkKind,
    PartnerStatus,
    PlanStatus,
    PolicyField,
    PreventionLevel,
    Sector,
    Sensitivity,
    SourceKind,
    TieKind,
    Timeframe,
    Urgency,
)

FORMAT_VERSION = "1.0"

Key = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(max_length=20000)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


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
    extremism_scope: list[ExtremismScope] = []
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "en"
    accepted_terms: list[Annotated[str, StringConstraints(min_length=1, max_length=100)]] = Field(
        [], description="Words the plan checker's terminology rule accepts for this plan."
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
    extremism_kinds: list[ExtremismKind] = []
    shared_by_all: bool = False


class Decision(Model):
    key: Key
    title: Name
    decided_on: date | None = None
    reference: Annotated[str, StringConstraints(max_length=200)] = ""
    summary: Text = ""


class BudgetLine(Model):
    key: Key
    name: Name
    amount: Money
    year: int | None = Field(None, ge=1990, le=2100)
    funding_source: Annotated[str, StringConstraints(max_length=200)] = ""
    shared_with: list[PolicyField] = []


class PoliticalSupport(Model):
    owner_name: Annotated[str, StringConstraints(max_length=200)] = ""
    owner_office: Annotated[str, StringConstraints(max_length=200)] = ""
    decisions: list[Decision] = []
    budget_lines: list[BudgetLine] = []


class Definition(Model):
    key: Key
    term: Name
    text: Text = ""
    local_wording: Annotated[str, StringConstraints(max_length=200)] = ""
    audience: DefinitionAudience = DefinitionAudience.PARTNERS


class Area(Model):
    key: Key
    name: Name
    geometry: dict[str, Any] | None = Field(None, description="A GeoJSON geometry (Polygon or MultiPolygon).")

    @model_validator(mode="after")
    def _geometry_is_geojson(self) -> "Area":
        if self.geometry is not None:
            if self.geometry.get("type") not in {"Polygon", "MultiPolygon", "Point"}:
                raise ValueError("geometry must be a GeoJSON Polygon, MultiPolygon or Point")
            if not isinstance(self.geometry.get("coordinates"), list):
                raise ValueError("geometry needs a coordinates list")
        return self


class Source(Model):
    key: Key
    name: Name
    kind: SourceKind
    description: Text = ""
    collected_on: date | None = None


class Factor(Model):
    key: Key
    kind: FactorKind
    title: Name
    description: Text = ""
    extremism_kinds: list[ExtremismKind] = []
    areas: list[Key] = []
    sources: list[Key] = []
    timeframe: Timeframe = Timeframe.PRESENT
    urgency: Urgency | None = None


class Observation(Model):
    area: Key | None = None
    period: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    value: float


class AnalysisIndicator(Model):
    key: Key
    name: Name
    unit: Annotated[str, StringConstraints(max_length=50)] = ""
    synthetic: bool = False
    source: Key | None = None
    observations: list[Observation] = []


class Analysis(Model):
    summary: Text = ""
    areas: list[Area] = []
    sources: list[Source] = []
    factors: list[Factor] = []
    indicators: list[AnalysisIndicator] = []


class Organisation(Model):
    key: Key
    name: Name
    sector: Sector


class Partner(Model):
    key: Key
    name: Name
    function: Annotated[str, StringConstraints(max_length=200)] = ""
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


class CommunityGroup(Model):
    key: Key
    name: Name
    description: Text = ""
    area: Key | None = None
    contact: Key | None = Field(None, description="A partner who is the group's contact.")


class Tie(Model):
    source: Key
    target: Key
    kind: TieKind = TieKind.WORKS_WITH

    @model_validator(mode="after")
    def _not_a_loop(self) -> "Tie":
        if self.source == self.target:
            raise ValueError("a tie needs two different partners")
        return self


class Network(Model):
    organisations: list[Organisation] = []
    partners: list[Partner] = []
    community_groups: list[CommunityGroup] = []
    ties: list[Tie] = []


class Cooperation(Model):
    coordinator: Key | None = Field(None, description="The partner who is the plan's one coordinator.")


class InformationType(Model):
    key: Key
    organisation: Key
    name: Name
    description: Text = ""
    sensitivity: Sensitivity = Sensitivity.PERSONAL
    legal_basis: Text = ""


class SharingRule(Model):
    key: Key
    information_type: Key
    recipients: list[Key] = Field([], description="Organisations that may receive it.")
    purpose: Text = ""
    why: Text = ""
    when: Text = ""
    how: Text = ""
    retention: Text = ""


class Signatory(Model):
    organisation: Key
    signed_by: Key | None = Field(None, description="The partner who signed for the organisation.")
    signed_on: date | None = None


class Agreement(Model):
    title: Name
    text: Text = ""
    based_on: Annotated[str, StringConstraints(max_length=200)] = Field(
        "", description="An existing agreement reused as a template (truancy, child neglect, ...)."
    )
    signed_on: date | None = None
    review_date: date | None = None
    signatories: list[Signatory] = []


class SharingEvaluation(Model):
    key: Key
    scheduled_for: date
    done_on: date | None = None
    right_information_on_time: bool | None = None
    handled_as_agreed: bool | None = None
    notes: Text = ""


class Sharing(Model):
    information_types: list[InformationType] = []
    rules: list[SharingRule] = []
    agreement: Agreement | None = None
    evaluations: list[SharingEvaluation] = []


class Intervention(Model):
    key: Key
    name: Name
    description: Text = ""
    prevention_level: PreventionLevel
    extremism_kinds: list[ExtremismKind] = []
    target_group: Annotated[str, StringConstraints(max_length=300)] = ""
    goals: list[Key] = []
    lead: Key | None = None
    partners: list[Key] = []
    status: InterventionStatus = InterventionStatus.PLANNED
    starts_on: date | None = None
    ends_on: date | None = None
    budget: Money | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Intervention":
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("ends_on is before starts_on")
        return self


class Measurement(Model):
    measured_on: date
    value: float
    note: Annotated[str, StringConstraints(max_length=500)] = ""


class MonitoringIndicator(Model):
    key: Key
    name: Name
    unit: Annotated[str, StringConstraints(max_length=50)] = ""
    baseline: float | None = None
    target: float | None = None
    goal: Key | None = None
    intervention: Key | None = None
    synthetic: bool = False
    measurements: list[Measurement] = []


class PlanDocument(Model):
    """A whole local action plan: the seven elements plus monitoring."""

    format_version: str = FORMAT_VERSION
    locality: Locality
    plan: Plan
    goals: list[Goal] = []
    political_support: PoliticalSupport = PoliticalSupport()
    definitions: list[Definition] = []
    analysis: Analysis = Analysis()
    network: Network = Network()
    cooperation: Cooperation = Cooperation()
    sharing: Sharing = Sharing()
    interventions: list[Intervention] = []
    monitoring: list[MonitoringIndicator] = []

    @model_validator(mode="after")
    def _references_resolve(self) -> "PlanDocument":
        from .references import check_references

        check_references(self)
        return self
