"""The results of the sharing evaluations that partners answer: per question over time, and per organisation."""

from dataclasses import dataclass
from datetime import date

from .document import PlanDocument, SharingEvaluation
from .vocabulary import _

QUESTIONS = {
    "right_information_on_time": _("Was the right information shared on time?"),
    "handled_as_agreed": _("Was shared information handled as agreed?"),
}


@dataclass(frozen=True)
class Tally:
    yes: int = 0
    no: int = 0
    not_sure: int = 0

    @property
    def answered(self) -> int:
        return self.yes + self.no + self.not_sure


@dataclass(frozen=True)
class EvaluationResult:
    evaluation: SharingEvaluation
    tallies: dict[str, Tally]  # question -> tally
    waiting_for: list[str]  # organisations that signed and have not answered


def _tally(values) -> Tally:
    values = list(values)
    return Tally(values.count(True), values.count(False), values.count(None))


def signing_organisations(doc: PlanDocument) -> list[str]:
    agreement = doc.sharing.agreement
    if agreement is None:
        return []
    return [s.organisation for s in agreement.signatories if s.version == agreement.version]


def is_due(evaluation: SharingEvaluation, today: date) -> bool:
    """Open for answers: its day has come and it has not been closed as done."""
    return evaluation.scheduled_for <= today and evaluation.done_on is None


def results(doc: PlanDocument, today: date) -> list[EvaluationResult]:
    """One result per evaluation that has answers or is due, oldest first."""
    signing = signing_organisations(doc)
    out = []
    for evaluation in sorted(doc.sharing.evaluations, key=lambda e: e.scheduled_for):
        if not evaluation.answers and not is_due(evaluation, today):
            continue
        answered = {a.organisation for a in evaluation.answers}
        out.append(
            EvaluationResult(
                evaluation,
                {q: _tally(getattr(a, q) for a in evaluation.answers) for q in QUESTIONS},
                [o for o in signing if o not in answered] if is_due(evaluation, today) else [],
            )
        )
    return out


def by_organisation(doc: PlanDocument) -> dict[str, dict[str, dict[str, bool | None]]]:
    """organisation -> evaluation key -> question -> answer, for the table per organisation."""
    table: dict[str, dict[str, dict[str, bool | None]]] = {}
    for evaluation in doc.sharing.evaluations:
        for answer in evaluation.answers:
            table.setdefault(answer.organisation, {})[evaluation.key] = {q: getattr(answer, q) for q in QUESTIONS}
    return table


def to_answer(doc: PlanDocument, organisation: str | None, today: date) -> list[SharingEvaluation]:
    """The open evaluations `organisation` is asked to answer: it signed the current version, has not answered."""
    if organisation is None or organisation not in signing_organisations(doc):
        return []
    return [
        e
        for e in doc.sharing.evaluations
        if is_due(e, today) and organisation not in {a.organisation for a in e.answers}
    ]
