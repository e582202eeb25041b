"""Reads of the information sharing for the data-protection officer: every information type with what it needs
(a legal basis for personal data), the evaluations and which of them are overdue. One query per list."""

from dataclasses import dataclass
from datetime import date

from cohesio.format.vocabulary import Sensitivity
from cohesio.plans.models import Plan

from .models import Agreement, InformationType, SharingEvaluation

# personal data, and the special categories ("sensitive personal data"), may be shared only on a legal basis
NEEDS_LEGAL_BASIS = frozenset({Sensitivity.PERSONAL, Sensitivity.SENSITIVE})


@dataclass(frozen=True)
class InformationTypeRow:
    information_type: InformationType

    @property
    def personal(self) -> bool:
        return self.information_type.sensitivity in NEEDS_LEGAL_BASIS

    @property
    def special_category(self) -> bool:
        return self.information_type.sensitivity == Sensitivity.SENSITIVE

    @property
    def lacks_legal_basis(self) -> bool:
        """Personal data of any kind with no legal basis written down."""
        return self.personal and not (self.information_type.legal_basis or "").strip()


@dataclass(frozen=True)
class EvaluationRow:
    evaluation: SharingEvaluation
    overdue: bool  # its date has passed and it is not done


def information_type_rows(plan: Plan) -> list[InformationTypeRow]:
    """Every information type of the plan, in the plan's order, with its organisation."""
    types = InformationType.objects.filter(plan=plan).select_related("organisation")
    return [InformationTypeRow(information_type) for information_type in types]


def evaluation_rows(plan: Plan, today: date) -> list[EvaluationRow]:
    """Every sharing evaluation, earliest first; overdue when its date is before `today` and it is not done."""
    return [
        EvaluationRow(evaluation, overdue=evaluation.done_on is None and evaluation.scheduled_for < today)
        for evaluation in SharingEvaluation.objects.filter(plan=plan).order_by("scheduled_for", "id")
    ]


def plan_agreement(plan: Plan) -> Agreement | None:
    return Agreement.objects.filter(plan=plan).first()
