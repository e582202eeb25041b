"""The plan's budget added up: per currency, and within a currency per period (amounts in different currencies
are never added together)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from .document import PlanDocument


class BudgetAmount(Protocol):
    """A budget line as the totals read it: the format's BudgetLine, or a database row with the same fields."""

    amount: Decimal
    currency: str
    year_from: int | None
    year_to: int | None


@dataclass(frozen=True)
class PeriodTotal:
    """The lines of one currency for exactly the same period (both years None: the plan's whole period)."""

    year_from: int | None
    year_to: int | None
    amount: Decimal
    lines: int


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    amount: Decimal
    periods: tuple[PeriodTotal, ...]


def _period_order(period: tuple[int | None, int | None]) -> tuple:
    year_from, year_to = period
    # dated periods first, by their first and then their last year; open ends after closed ones
    return (year_from is None and year_to is None, year_from or year_to or 0, year_to is None, year_to or 0)


def totals_of(lines: Iterable[BudgetAmount], *, first: str | None = None) -> list[CurrencyTotal]:
    """The lines added up per currency (`first`, the plan's, first; the others by their code), each with its
    totals per period in the order of their years. An amount is a line's total for its period, so lines for
    overlapping periods are added up only in the currency's total, each period keeping its own."""
    amounts: dict[str, dict[tuple[int | None, int | None], list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for line in lines:
        amounts[line.currency][(line.year_from, line.year_to)].append(Decimal(line.amount))
    totals = []
    for currency in sorted(amounts, key=lambda code: (code != first, code)):
        periods = tuple(
            PeriodTotal(period[0], period[1], sum(values, Decimal(0)), len(values))
            for period, values in sorted(amounts[currency].items(), key=lambda item: _period_order(item[0]))
        )
        totals.append(CurrencyTotal(currency, sum((p.amount for p in periods), Decimal(0)), periods))
    return totals


def budget_totals(doc: PlanDocument) -> list[CurrencyTotal]:
    """The plan's budget lines added up per currency, the plan's own currency first."""
    return totals_of(doc.political_support.budget_lines, first=doc.plan.currency)


def budget_in(doc: PlanDocument, currency: str) -> Decimal:
    """The total of the budget lines in `currency` (0 when none is)."""
    return sum((line.amount for line in doc.political_support.budget_lines if line.currency == currency), Decimal(0))
