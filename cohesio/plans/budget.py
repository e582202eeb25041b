"""How a budget line's period and the budget's totals read on pages and in exports (the sums themselves are pure:
cohesio.format.budget)."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from cohesio.format.budget import CurrencyTotal


def period_text(year_from: int | None, year_to: int | None) -> str:
    """A budget line's period in words: 2026, 2026–2029, from 2026, until 2029, or the whole plan period."""
    if year_from is None and year_to is None:
        return _("Whole period")
    if year_to is None:
        return _("from %(year)s") % {"year": year_from}
    if year_from is None:
        return _("until %(year)s") % {"year": year_to}
    return str(year_from) if year_from == year_to else f"{year_from}–{year_to}"


@dataclass(frozen=True)
class PeriodRow:
    period: str
    amount: Decimal
    lines: int


@dataclass(frozen=True)
class CurrencyRows:
    """One currency's total with its totals per period, as a table shows them."""

    currency: str
    amount: Decimal
    periods: list[PeriodRow]


def shown_totals(totals: list[CurrencyTotal]) -> list[CurrencyRows]:
    return [
        CurrencyRows(
            t.currency, t.amount, [PeriodRow(period_text(p.year_from, p.year_to), p.amount, p.lines) for p in t.periods]
        )
        for t in totals
    ]
