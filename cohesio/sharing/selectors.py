"""Reads of information sharing: the plan's sharing part in the open format, for the matrix and the agreement's
pages, which decide with the same pure functions as `cohesio.format.sharing.may_share`; and for the
data-protection officer, every information type with what it needs (a legal basis for personal data), the
evaluations and which of them are overdue, one query per list."""

from dataclasses import dataclass, field
from datetime import date

from django.core.cache import caches
from pydantic import ValidationError

from cohesio.core.choices import label
from cohesio.format import document as fmt
from cohesio.format.sharing import has_legal_basis
from cohesio.format.vocabulary import PERSONAL_DATA, LegalBasis, Sensitivity
from cohesio.network.models import Organisation, Partner
from cohesio.plans.models import Plan

from .document import sharing_part
from .models import Agreement, InformationType, SharingEvaluation

CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class SharingSection:
    """The plan's information sharing as the open format holds it, with the plan's organisations in order."""

    sharing: fmt.Sharing
    organisations: dict[str, str]  # key -> name, in the plan's order
    rule_positions: dict[str, int] = field(default_factory=dict)  # key -> place in the plan's list of rules
    left_out: int = 0  # rows that do not fit the format (stored before a limit existed), left out


def sharing_section(plan: Plan) -> SharingSection:
    """The sharing part of the plan document, built once per plan revision (the whole document is assembled above
    this app, in cohesio.document, from this same `sharing_part`).

    `plan` must be read in this request (as `plan_for` does): its revision names the cached entry.
    """
    key = f"cohesio:sharing:{plan.pk}:{plan.created_at.timestamp()}:{plan.revision}"
    cache = caches["plans"]
    found = cache.get(key)
    if found is None:
        found = _build(plan)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _build(plan: Plan) -> SharingSection:
    organisations = list(Organisation.objects.filter(plan=plan).values_list("pk", "key", "name"))
    org_keys = {pk: key for pk, key, _name in organisations}
    partner_keys = dict(Partner.objects.filter(plan=plan).values_list("pk", "key"))
    data = sharing_part(plan, org_keys, partner_keys)
    sharing, left_out = _read(data)
    return SharingSection(
        sharing=sharing,
        organisations={key: name for _pk, key, name in organisations},
        rule_positions={r["key"]: i for i, r in enumerate(data["rules"])},
        left_out=left_out,
    )


def _read(data: dict) -> tuple[fmt.Sharing, int]:
    """The sharing part validated by the format; a row that does not fit is left out (and counted), so that one
    bad stored value never takes the pages down."""
    try:
        return fmt.Sharing.model_validate(data), 0
    except ValidationError:
        pass
    left_out = 0
    kept = {}
    for name, model in (("information_types", fmt.InformationType), ("rules", fmt.SharingRule)):
        kept[name] = []
        for row in data[name]:
            try:
                kept[name].append(model.model_validate(row))
            except ValidationError:
                left_out += 1
    agreement = None
    if data["agreement"] is not None:
        signatories = []
        for row in data["agreement"]["signatories"]:
            try:
                signatories.append(fmt.Signatory.model_validate(row))
            except ValidationError:
                left_out += 1
        try:
            agreement = fmt.Agreement.model_validate({**data["agreement"], "signatories": signatories})
        except ValidationError:
            left_out += 1
    return fmt.Sharing(**kept, agreement=agreement), left_out


@dataclass(frozen=True)
class InformationTypeRow:
    information_type: InformationType
    # the grounds in law its rules name in fixed terms, and whether one rule names enough for its sensitivity
    grounds: tuple[str, ...] = ()
    rule_has_basis: bool = False

    @property
    def personal(self) -> bool:
        return self.information_type.sensitivity in PERSONAL_DATA

    @property
    def special_category(self) -> bool:
        return self.information_type.sensitivity == Sensitivity.SENSITIVE

    @property
    def lacks_legal_basis(self) -> bool:
        """Personal data of any kind with no legal basis: none written down, and none in its rules' fixed terms
        enough for its sensitivity (what `may_share` asks)."""
        return self.personal and not self.rule_has_basis and not (self.information_type.legal_basis or "").strip()


@dataclass(frozen=True)
class EvaluationRow:
    evaluation: SharingEvaluation
    overdue: bool  # its date has passed and it is not done


def information_type_rows(plan: Plan) -> list[InformationTypeRow]:
    """Every information type of the plan, in the plan's order, with its organisation."""
    types = InformationType.objects.filter(plan=plan).select_related("organisation").prefetch_related("rules")
    rows = []
    for information_type in types:
        rules = list(information_type.rules.all())
        bases = dict.fromkeys(basis for rule in rules for basis in rule.legal_bases)
        rows.append(
            InformationTypeRow(
                information_type,
                grounds=tuple(label(LegalBasis, basis) for basis in bases),
                rule_has_basis=any(has_legal_basis(rule, information_type.sensitivity) for rule in rules),
            )
        )
    return rows


def evaluation_rows(plan: Plan, today: date) -> list[EvaluationRow]:
    """Every sharing evaluation, earliest first; overdue when its date is before `today` and it is not done."""
    return [
        EvaluationRow(evaluation, overdue=evaluation.done_on is None and evaluation.scheduled_for < today)
        for evaluation in SharingEvaluation.objects.filter(plan=plan).order_by("scheduled_for", "id")
    ]


def plan_agreement(plan: Plan) -> Agreement | None:
    return Agreement.objects.filter(plan=plan).first()
