"""Hypothesis strategies that generate valid plan documents (every reference resolves)."""

from datetime import date

from hypothesis import strategies as st

from cohesio.format import PlanDocument, load
from cohesio.format.document import BUDGET_YEAR_MAX, BUDGET_YEAR_MIN
from cohesio.format.vocabulary import (
    PERSON_SECTORS,
    DecisionKind,
    DecisionOutcome,
    DefinitionAudience,
    ExtremismKind,
    FactorKind,
    GoalKind,
    IndicatorDirection,
    IndicatorKind,
    InterventionStatus,
    NetworkKind,
    PartnerStatus,
    PolicyField,
    PreventionLevel,
    Sector,
    Sensitivity,
    SourceKind,
    TieKind,
    Timeframe,
    Urgency,
)

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z")), min_size=1, max_size=30)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31))
money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
currencies = st.sampled_from(["EUR", "GBP", "SEK"])
years = st.integers(BUDGET_YEAR_MIN, BUDGET_YEAR_MAX)
floats = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


def _values(enum):
    return st.sampled_from([m.value for m in enum])


def _subset(enum):
    return st.lists(_values(enum), unique=True, max_size=3)


def _unique_names(n: int):
    return st.lists(names, min_size=n, max_size=n, unique_by=lambda s: s.strip().casefold()).filter(
        lambda xs: all(x.strip() for x in xs)
    )


def _pick(draw, keys, optional=True):
    if not keys or (optional and draw(st.booleans())):
        return None
    return draw(st.sampled_from(keys))


def _some(draw, keys):
    return sorted(draw(st.sets(st.sampled_from(keys), max_size=3))) if keys else []


@st.composite
def _sector_of_organisation(draw) -> dict:
    sector = draw(_values(Sector))
    if sector != Sector.PARTNERSHIP:
        return {"sector": sector}
    return {
        "sector": sector,
        "member_sectors": draw(st.lists(st.sampled_from(PERSON_SECTORS), unique=True, max_size=3)),
    }


@st.composite
def _period(draw) -> dict:
    """A budget line's years: none, one of them, or both in order."""
    first, last = draw(st.none() | years), draw(st.none() | years)
    if first is not None and last is not None and last < first:
        first, last = last, first
    return {"year_from": first, "year_to": last}


@st.composite
def plan_documents(draw) -> PlanDocument:
    n_goals, n_orgs, n_partners = draw(st.integers(0, 4)), draw(st.integers(0, 3)), draw(st.integers(0, 5))
    n_areas, n_sources, n_interventions = draw(st.integers(0, 3)), draw(st.integers(0, 3)), draw(st.integers(0, 4))
    goal_keys = [f"g{i}" for i in range(n_goals)]
    org_keys = [f"o{i}" for i in range(n_orgs)]
    partner_keys = [f"p{i}" for i in range(n_partners)]
    area_keys = [f"a{i}" for i in range(n_areas)]
    source_keys = [f"s{i}" for i in range(n_sources)]
    iv_keys = [f"v{i}" for i in range(n_interventions)]
    start = draw(st.none() | dates)
    goals = []
    for i, (key, title) in enumerate(zip(goal_keys, draw(_unique_names(n_goals)), strict=True)):
        parent = draw(st.none() | st.sampled_from(goal_keys[:i])) if i else None
        goals.append(
            {
                "key": key,
                "title": title,
                "description": draw(text),
                "kind": draw(_values(GoalKind)),
                "parent": parent,
                "prevention_level": draw(st.none() | _values(PreventionLevel)),
                "extremism_kinds": draw(_subset(ExtremismKind)),
                "shared_by_all": draw(st.booleans()),
            }
        )
    organisations = [
        {"key": k, "name": n, **draw(_sector_of_organisation())}
        for k, n in zip(org_keys, draw(_unique_names(n_orgs)), strict=True)
    ]
    partners = [
        {
            "key": k,
            "name": draw(names),
            "function": draw(text),
            "organisation": _pick(draw, org_keys),
            "sector": draw(st.none() | st.sampled_from([s.value for s in PERSON_SECTORS])),
            "network": draw(_values(NetworkKind)),
            "status": draw(_values(PartnerStatus)),
            "interests": draw(text),
            "doubts": draw(text),
            "role": draw(text),
            "accepts_coordinator": draw(st.booleans()),
        }
        for k in partner_keys
    ]
    pairs = [(a, b) for a in partner_keys for b in partner_keys if a != b]
    ties = (
        [
            {"source": a, "target": b, "kind": draw(_values(TieKind))}
            for a, b in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6))
        ]
        if pairs
        else []
    )
    info_types = []
    if org_keys:
        info_types = [
            {
                "key": f"t{i}",
                "organisation": draw(st.sampled_from(org_keys)),
                "name": f"info {i}",
                "sensitivity": draw(_values(Sensitivity)),
            }
            for i in range(draw(st.integers(0, 3)))
        ]
    rules = [
        {
            "key": f"r{i}",
            "information_type": t["key"],
            "recipients": _some(draw, org_keys),
            "purpose": draw(text),
            "retention": draw(text),
        }
        for i, t in enumerate(info_types)
    ]
    agreement = None
    if org_keys and draw(st.booleans()):
        signing = sorted(draw(st.sets(st.sampled_from(org_keys))))
        agreement = {
            "title": draw(names),
            "signed_on": draw(st.none() | dates),
            "signatories": [{"organisation": o, "signed_by": _pick(draw, partner_keys)} for o in signing],
        }
    interventions = [
        {
            "key": k,
            "name": n,
            "description": draw(text),
            "prevention_level": draw(st.none() | _values(PreventionLevel)),
            "extremism_kinds": draw(_subset(ExtremismKind)),
            "goals": _some(draw, goal_keys),
            "lead": _pick(draw, partner_keys),
            "lead_organisation": _pick(draw, org_keys),
            "partners": _some(draw, partner_keys),
            "status": draw(_values(InterventionStatus)),
            "budget": draw(st.none() | money.map(str)),
        }
        for k, n in zip(iv_keys, draw(_unique_names(n_interventions)), strict=True)
    ]
    data = {
        "locality": {"name": draw(names)},
        "plan": {
            "title": draw(names),
            "language": draw(st.sampled_from(["en", "nl"])),
            "accepted_terms": draw(st.lists(names, max_size=2)),
            "period_start": start and start.isoformat(),
            "vision": draw(text),
            "period_end": start and draw(dates.filter(lambda d: d >= start)).isoformat(),
            "currency": draw(currencies),
            "extremism_scope": [
                {"kind": k, "addressed": draw(st.booleans()), "reason": draw(text)}
                for k in draw(_subset(ExtremismKind))
            ],
        },
        "goals": goals,
        "political_support": {
            "owner_name": draw(text),
            "budget_lines": [
                {
                    "key": f"b{i}",
                    "name": n,
                    "amount": str(draw(money)),
                    "shared_with": draw(_subset(PolicyField)),
                    **draw(_period()),
                    **({"currency": draw(currencies)} if draw(st.booleans()) else {}),
                }
                for i, n in enumerate(draw(_unique_names(draw(st.integers(0, 2)))))
            ],
            "decisions": [
                {
                    "key": "d0",
                    "title": draw(names),
                    "decided_on": draw(st.none() | dates.map(str)),
                    "outcome": draw(st.none() | _values(DecisionOutcome)),
                    "kind": draw(st.none() | _values(DecisionKind)),
                    "reservation": draw(text),
                }
            ],
        },
        "definitions": [
            {"key": f"def{i}", "term": n, "text": draw(text), "audience": draw(_values(DefinitionAudience))}
            for i, n in enumerate(draw(_unique_names(draw(st.integers(0, 3)))))
        ],
        "analysis": {
            "areas": [{"key": k, "name": n} for k, n in zip(area_keys, draw(_unique_names(n_areas)), strict=True)],
            "sources": [{"key": k, "name": f"source {k}", "kind": draw(_values(SourceKind))} for k in source_keys],
            "factors": [
                {
                    "key": f"f{i}",
                    "kind": draw(_values(FactorKind)),
                    "title": draw(names),
                    "description": draw(text),
                    "areas": _some(draw, area_keys),
                    "sources": _some(draw, source_keys),
                    "timeframe": draw(_values(Timeframe)),
                    "urgency": draw(st.none() | _values(Urgency)),
                    "extremism_kinds": draw(_subset(ExtremismKind)),
                }
                for i in range(draw(st.integers(0, 4)))
            ],
            "indicators": [
                {
                    "key": "ai0",
                    "name": "indicator",
                    "synthetic": True,
                    "source": _pick(draw, source_keys),
                    "observations": [
                        {"area": _pick(draw, area_keys), "period": f"P{j}", "value": draw(floats)}
                        for j in range(draw(st.integers(0, 3)))
                    ],
                }
            ]
            if draw(st.booleans())
            else [],
        },
        "network": {
            "organisations": organisations,
            "partners": partners,
            "ties": ties,
            "community_groups": [
                {"key": "c0", "name": draw(names), "area": _pick(draw, area_keys), "contact": _pick(draw, partner_keys)}
            ]
            if draw(st.booleans())
            else [],
        },
        "cooperation": {"coordinator": _pick(draw, partner_keys)},
        "sharing": {
            "information_types": info_types,
            "rules": rules,
            "agreement": agreement,
            "evaluations": [{"key": "e0", "scheduled_for": draw(dates).isoformat(), "done_on": None}],
        },
        "interventions": interventions,
        "monitoring": [
            {
                "key": f"m{i}",
                "name": draw(names),
                "baseline": draw(st.none() | floats),
                "target": draw(st.none() | floats),
                "direction": draw(st.none() | _values(IndicatorDirection)),
                "kind": draw(st.none() | _values(IndicatorKind)),
                "goals": _some(draw, goal_keys),
                "intervention": _pick(draw, iv_keys),
                "measurements": [{"measured_on": draw(dates).isoformat(), "value": draw(floats)}],
            }
            for i in range(draw(st.integers(0, 3)))
        ],
    }
    return load(data)
