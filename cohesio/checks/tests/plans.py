"""Plan documents for tests: a complete plan the checker finds nothing in, to derive every other case from."""

from datetime import date, timedelta
from typing import Any

from cohesio.format import PlanDocument, load

# The day tests check plans on, so overdue rules give the same answer on any day the tests run.
TODAY = date(2026, 3, 2)


def _day(today: date, days: int) -> str:
    return (today + timedelta(days=days)).isoformat()


def _partner(key: str, name: str, function: str, organisation: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "name": name,
        "function": function,
        "organisation": organisation,
        "interests": "Wants young people in the area to feel they belong.",
        "doubts": "Worries that families will feel watched.",
        "conditions": "Takes part if the work is framed as safeguarding.",
        "role": "Brings in what they see in their daily work.",
        "mandate": "Acts within the mandate of their own organisation.",
        "tasks": "Joins the monthly partner meeting and runs their part of the interventions.",
        "accepts_coordinator": True,
        **extra,
    }


def complete_plan_data(*, today: date = TODAY) -> dict[str, Any]:
    """The complete plan as plain JSON data, with its dates around `today`."""
    return {
        "locality": {"name": "Riverton", "kind": "municipality", "fictional": True},
        "plan": {
            "title": "Riverton together: a plan for a safe and connected town",
            "status": "consultation",
            "period_start": _day(today, -90),
            "period_end": _day(today, 3 * 365),
            "review_date": _day(today, 270),
            "vision": (
                "Riverton wants every young person to grow up feeling they belong. Some young people are drawn "
                "towards groups that glorify violence, online and on the street. We act early, together, so that "
                "nobody is left alone with anger or doubt."
            ),
            "protection_statement": "Our young people, against being recruited into violent groups.",
            "setting_fit": "The plan follows the regional youth strategy and the national prevention programme.",
            "cooperation_process": "Partners meet monthly; the coordinator gathers signals and prepares each meeting.",
            "extremism_scope": [
                {"kind": "right_wing", "addressed": True},
                {"kind": "left_wing", "addressed": True},
                {"kind": "religiously_inspired", "addressed": True},
                {"kind": "other", "addressed": False, "reason": "The analysis found no signs of other kinds yet."},
            ],
        },
        "goals": [
            {
                "key": "g-belong",
                "title": "Young people feel they belong",
                "kind": "general",
                "prevention_level": "general",
                "shared_by_all": True,
            },
            {
                "key": "g-support",
                "title": "Young people who drift away get support early",
                "kind": "sub_goal",
                "parent": "g-belong",
                "prevention_level": "specific",
            },
            {
                "key": "g-way-back",
                "title": "People involved in violent groups find a way back",
                "kind": "sub_goal",
                "parent": "g-belong",
                "prevention_level": "individual",
            },
        ],
        "political_support": {
            "owner_name": "Mayor Anna Berg",
            "owner_office": "Mayor",
            "decisions": [
                {
                    "key": "d-1",
                    "title": "Council endorses the plan",
                    "decided_on": _day(today, -60),
                    "reference": "RV-12",
                }
            ],
            "budget_lines": [
                {
                    "key": "b-1",
                    "name": "Prevention programme",
                    "amount": "150000.00",
                    "year_from": today.year,
                    "year_to": today.year,
                    "funding_source": "Municipal budget",
                    "shared_with": ["youth"],
                }
            ],
        },
        "definitions": [
            {
                "key": "def-rad",
                "term": "Radicalisation",
                "text": "A process in which someone comes to accept violence to reach political or ideological aims.",
                "local_wording": "Safeguarding young people",
                "audience": "public",
            },
            {
                "key": "def-ve",
                "term": "Violent extremism",
                "text": "Using or supporting violence to push an ideology onto others.",
                "audience": "partners",
            },
            {
                "key": "def-pol",
                "term": "Polarisation",
                "text": "Groups drifting apart and seeing each other as opposites.",
                "audience": "public",
            },
            {
                "key": "def-rw",
                "term": "Right-wing extremism",
                "text": "Violent extremism rooted in ideas of superiority of one people over others.",
                "audience": "partners",
            },
            {
                "key": "def-lw",
                "term": "Left-wing extremism",
                "text": "Violent extremism that claims to act against capitalism or the state.",
                "audience": "partners",
            },
            {
                "key": "def-ri",
                "term": "Religiously inspired extremism",
                "text": "Violent extremism that appeals to a religion to justify violence.",
                "audience": "partners",
            },
        ],
        "analysis": {
            "summary": "Riverton is calm overall; youth workers see more hostile talk online among teenagers.",
            "areas": [{"key": "a-north", "name": "North"}, {"key": "a-centre", "name": "Centre"}],
            "sources": [
                {"key": "s-youth", "name": "Talks with youth workers", "kind": "frontline"},
                {"key": "s-residents", "name": "Residents' evenings", "kind": "civil_society"},
                {"key": "s-stats", "name": "Regional youth monitor", "kind": "national_data"},
            ],
            "factors": [
                {
                    "key": "f-online",
                    "kind": "risk",
                    "title": "Hostile posts shared in school group chats",
                    "description": "Teenagers share posts that call for violence against people who think otherwise.",
                    "extremism_kinds": ["right_wing", "religiously_inspired"],
                    "areas": ["a-north"],
                    "sources": ["s-youth"],
                    "urgency": "medium",
                },
                {
                    "key": "f-club",
                    "kind": "protective",
                    "title": "Strong sports clubs",
                    "description": "Most young people in North play sport with trusted coaches.",
                    "areas": ["a-north"],
                    "sources": ["s-residents"],
                },
                {
                    "key": "f-games",
                    "kind": "risk",
                    "title": "Recruitment through gaming platforms",
                    "description": "Adults invite teenagers from game chats into closed groups that praise violence.",
                    "extremism_kinds": ["left_wing", "right_wing"],
                    "sources": ["s-stats"],
                    "timeframe": "emerging",
                    "urgency": "low",
                },
            ],
        },
        "network": {
            "organisations": [
                {"key": "o-town", "name": "Riverton municipality", "sector": "local_government"},
                {"key": "o-school", "name": "Riverton College", "sector": "education"},
                {"key": "o-police", "name": "Riverton police", "sector": "police"},
                {"key": "o-care", "name": "Riverside mental health", "sector": "mental_health"},
                {"key": "o-ngo", "name": "Bridges foundation", "sector": "civil_society"},
            ],
            "partners": [
                _partner("p-coord", "Sara Jansen", "Prevention coordinator", "o-town"),
                _partner("p-school", "Tom de Vries", "Care coordinator", "o-school"),
                _partner("p-police", "Inge Bakker", "Community officer", "o-police"),
                _partner("p-care", "Lena Smit", "Youth psychologist", "o-care"),
                _partner("p-ngo", "Omar Haddad", "Youth worker", "o-ngo"),
                _partner(
                    "p-resident", "Piet Mulder", "Neighbourhood volunteer", None, sector="community", network="informal"
                ),
            ],
            "community_groups": [
                {"key": "c-parents", "name": "Parents of North", "area": "a-north", "contact": "p-resident"}
            ],
            # A ring with two chords: nobody's absence splits the network.
            "ties": [
                {"source": "p-coord", "target": "p-school"},
                {"source": "p-school", "target": "p-police"},
                {"source": "p-police", "target": "p-care"},
                {"source": "p-care", "target": "p-ngo"},
                {"source": "p-ngo", "target": "p-resident", "kind": "trusts"},
                {"source": "p-resident", "target": "p-coord"},
                {"source": "p-coord", "target": "p-care", "kind": "shares_information"},
                {"source": "p-school", "target": "p-ngo", "kind": "refers_to"},
            ],
        },
        "cooperation": {"coordinator": "p-coord"},
        "sharing": {
            "information_types": [
                {
                    "key": "i-absence",
                    "organisation": "o-school",
                    "name": "Worrying absence from school",
                    "sensitivity": "personal",
                    "legal_basis": "The school's duty of care.",
                },
                {
                    "key": "i-contacts",
                    "organisation": "o-police",
                    "name": "Police contacts with a young person",
                    "sensitivity": "sensitive",
                    "legal_basis": "The police data act, for prevention.",
                },
            ],
            "rules": [
                {
                    "key": "r-absence",
                    "information_type": "i-absence",
                    "recipients": ["o-town", "o-care"],
                    "purposes": ["prevention", "support_planning"],
                    "legal_bases": ["art6_1e_public_task"],
                    "channel": "case_meeting",
                    "retention_amount": 1,
                    "retention_unit": "years",
                    "retention_from": "case_closed",
                    "purpose": "To offer support early.",
                    "why": "Absence is often the first sign something is wrong.",
                    "when": "After two weeks of unexplained absence.",
                    "how": "In the monthly case meeting, in person.",
                    "retention": "Deleted one year after the case closes.",
                },
                {
                    "key": "r-contacts",
                    "information_type": "i-contacts",
                    "recipients": ["o-town"],
                    "purposes": ["risk_assessment"],
                    "legal_bases": ["art6_1e_public_task", "national_law"],
                    "legal_reference": "Police data act",
                    "conditions": ["case_opened"],
                    "retention_amount": 1,
                    "retention_unit": "years",
                    "retention_from": "case_closed",
                    "purpose": "To agree on one approach.",
                    "why": "Partners should not act unaware of each other.",
                    "when": "When a young person is discussed in the case meeting.",
                    "how": "Orally, summarised in the pseudonymised case record.",
                    "retention": "Deleted one year after the case closes.",
                },
            ],
            "agreement": {
                "title": "Riverton information-sharing agreement",
                "based_on": "The regional truancy agreement",
                "state": "in_force",
                "in_force_from": _day(today, -30),
                "signed_on": _day(today, -30),
                "review_date": _day(today, 335),
                "signatories": [
                    {"organisation": key, "signed_by": partner, "signed_on": _day(today, -30)}
                    for key, partner in [
                        ("o-town", "p-coord"),
                        ("o-school", "p-school"),
                        ("o-police", "p-police"),
                        ("o-care", "p-care"),
                    ]
                ],
            },
            "evaluations": [
                {"key": "e-1", "scheduled_for": _day(today, -10), "done_on": _day(today, -8)},
                {"key": "e-2", "scheduled_for": _day(today, 170)},
            ],
        },
        "interventions": [
            {
                "key": "iv-lessons",
                "name": "Critical thinking lessons",
                "description": "Lessons in secondary schools on online hate and how to answer it.",
                "prevention_level": "general",
                "goals": ["g-belong"],
                "lead": "p-school",
                "partners": ["p-ngo"],
                "budget": "40000.00",
            },
            {
                "key": "iv-mentors",
                "name": "Mentors for young people who drift away",
                "description": "Trained volunteers meet a young person weekly.",
                "prevention_level": "specific",
                "goals": ["g-support"],
                "lead": "p-ngo",
                "budget": "60000.00",
            },
            {
                "key": "iv-exit",
                "name": "Way-back support",
                "description": "Personal support for people who want to leave a violent group.",
                "prevention_level": "individual",
                "goals": ["g-way-back"],
                "lead": "p-care",
                "budget": "30000.00",
            },
        ],
        "monitoring": [
            {
                "key": "m-belong",
                "name": "Pupils who feel they belong",
                "unit": "%",
                "baseline": 71,
                "target": 80,
                "goals": ["g-belong"],
            },
            {
                "key": "m-mentor",
                "name": "Young people with a mentor",
                "baseline": 0,
                "target": 40,
                "intervention": "iv-mentors",
            },
            {
                "key": "m-exit",
                "name": "People in way-back support",
                "baseline": 0,
                "target": 5,
                "goals": ["g-way-back"],
            },
        ],
    }


def complete_plan(*, today: date = TODAY) -> PlanDocument:
    """A plan the checker finds nothing in when checked on `today`; modify it to make each rule fire."""
    return load(complete_plan_data(today=today))


WEAK_ORGANISATIONS = [
    ("o-town", "Riverton municipality", "local_government"),
    ("o-school", "Riverton College", "education"),
    ("o-police", "Riverton police", "police"),
    ("o-care", "Riverside mental health", "mental_health"),
    ("o-ngo", "Bridges foundation", "civil_society"),
    ("o-social", "Riverton social services", "social_services"),
    ("o-youth", "Riverton youth work", "youth_work"),
    ("o-probation", "Probation service", "probation"),
]


def weak_plan_data(*, today: date = TODAY) -> dict[str, Any]:
    """A deliberately weak draft: partners named after their organisations with nothing recorded about them,
    sharing rules without retention, indicators without baseline or target, and the same harsh word in many
    texts; the kind of plan whose findings repeat, to measure grouping on."""
    data = complete_plan_data(today=today)
    data["plan"]["status"] = "draft"
    data["plan"]["vision"] = "Riverton stops radicalisation early. Radicalised young people get support."
    data["plan"]["protection_statement"] = "Our young people, against radicalisation."
    for goal in data["goals"]:
        goal["description"] = "Less radicalisation among young people."
    for intervention in data["interventions"]:
        intervention["description"] = "Work against radicalisation with partners."
    data["network"]["organisations"] = [{"key": k, "name": n, "sector": s} for k, n, s in WEAK_ORGANISATIONS]
    data["network"]["partners"] = [
        {"key": f"p-{k[2:]}", "name": n, "organisation": k} for k, n, _ in WEAK_ORGANISATIONS
    ] + [data["network"]["partners"][5]]
    data["network"]["ties"] = [{"source": "p-town", "target": f"p-{k[2:]}"} for k, _, _ in WEAK_ORGANISATIONS[1:]]
    data["cooperation"]["coordinator"] = "p-town"
    for signatory in data["sharing"]["agreement"]["signatories"]:
        signatory["signed_by"] = None
    for sharing_rule in data["sharing"]["rules"]:
        sharing_rule["retention_amount"] = None
    data["sharing"]["rules"] += [
        {**data["sharing"]["rules"][0], "key": f"r-extra-{n}", "purpose": f"Purpose {n}."} for n in range(2)
    ]
    for intervention in data["interventions"]:
        intervention["partners"] = []  # the leads keep their keys: p-school, p-ngo, p-care
    data["monitoring"] += [{"key": f"m-extra-{n}", "name": f"Indicator {n}", "goals": ["g-support"]} for n in range(3)]
    for indicator in data["monitoring"]:
        indicator["baseline"] = None
        indicator["target"] = None
    return data


def weak_plan(*, today: date = TODAY) -> PlanDocument:
    return load(weak_plan_data(today=today))
