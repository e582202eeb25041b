"""Small plan documents for tests: one of everything, and a way to make a plan many times bigger."""

from cohesio.format import PlanDocument, load


def small_document(name: str = "Riverside") -> PlanDocument:
    return load(
        {
            "locality": {"name": name},
            "plan": {
                "title": "Together in Riverside",
                "status": "draft",
                "period_start": "2026-01-01",
                "period_end": "2027-12-31",
                "review_date": "2026-12-31",
                "vision": "Everyone belongs here.",
                "protection_statement": "Young people against online grooming.",
                "extremism_scope": [
                    {"kind": "right_wing"},
                    {"kind": "other", "addressed": False, "reason": "Not seen."},
                ],
            },
            "goals": [
                {
                    "key": "g1",
                    "title": "Resilient youth",
                    "prevention_level": "general",
                    "extremism_kinds": ["right_wing"],
                },
                {
                    "key": "g2",
                    "title": "Early support",
                    "kind": "sub_goal",
                    "parent": "g1",
                    "prevention_level": "specific",
                },
            ],
            "political_support": {
                "owner_name": "Mayor Jo",
                "owner_office": "Mayor",
                "decisions": [{"key": "d1", "title": "Council backs the plan", "decided_on": "2026-02-01"}],
                "budget_lines": [
                    {"key": "b1", "name": "Prevention fund", "amount": "50000.00", "shared_with": ["youth"]}
                ],
            },
            "definitions": [
                {"key": "def1", "term": "Polarisation", "text": "Groups drifting apart.", "local_wording": "cohesion"}
            ],
            "analysis": {
                "summary": "A calm town.",
                "areas": [
                    {"key": "a1", "name": "Old Town", "geometry": {"type": "Point", "coordinates": [5.1, 52.0]}},
                ],
                "sources": [{"key": "s1", "name": "Youth workers", "kind": "frontline"}],
                "factors": [
                    {
                        "key": "f1",
                        "kind": "risk",
                        "title": "Online hate in chats",
                        "areas": ["a1"],
                        "sources": ["s1"],
                        "urgency": "high",
                    },
                    {
                        "key": "f2",
                        "kind": "protective",
                        "title": "Strong sports clubs",
                        "sources": ["s1"],
                        "timeframe": "emerging",
                    },
                ],
                "indicators": [
                    {
                        "key": "i1",
                        "name": "Reports",
                        "synthetic": True,
                        "source": "s1",
                        "observations": [{"area": "a1", "period": "2026-Q1", "value": 3}],
                    },
                ],
            },
            "network": {
                "organisations": [
                    {"key": "o1", "name": "North School", "sector": "education"},
                    {"key": "o2", "name": "Police Riverside", "sector": "police"},
                ],
                "partners": [
                    {
                        "key": "p1",
                        "name": "Ann Teacher",
                        "organisation": "o1",
                        "role": "Signals",
                        "accepts_coordinator": True,
                    },
                    {"key": "p2", "name": "Ben Officer", "organisation": "o2"},
                    {"key": "p3", "name": "Cas Neighbour", "network": "informal", "sector": "community"},
                ],
                "community_groups": [{"key": "c1", "name": "Mothers' circle", "area": "a1", "contact": "p3"}],
                "ties": [{"source": "p1", "target": "p2"}, {"source": "p2", "target": "p3", "kind": "trusts"}],
            },
            "cooperation": {"coordinator": "p1"},
            "sharing": {
                "information_types": [{"key": "t1", "organisation": "o1", "name": "Absence concerns"}],
                "rules": [
                    {
                        "key": "r1",
                        "information_type": "t1",
                        "recipients": ["o2"],
                        "purposes": ["support_planning"],
                        "legal_bases": ["art6_1e_public_task"],
                        "retention_amount": 1,
                        "retention_unit": "years",
                        "purpose": "Support",
                        "retention": "1 year",
                    }
                ],
                "agreement": {
                    "title": "Riverside sharing agreement",
                    "signatories": [{"organisation": "o1", "signed_by": "p1"}],
                },
                "evaluations": [{"key": "e1", "scheduled_for": "2026-06-01"}],
            },
            "interventions": [
                {
                    "key": "v1",
                    "name": "Critical thinking lessons",
                    "prevention_level": "general",
                    "goals": ["g1"],
                    "lead": "p1",
                    "partners": ["p2"],
                    "budget": "1000.00",
                    "starts_on": "2026-01-01",
                },
                {"key": "v2", "name": "Mentoring", "prevention_level": "specific", "goals": ["g2"]},
            ],
            "monitoring": [
                {
                    "key": "m1",
                    "name": "Pupils reached",
                    "baseline": 0,
                    "target": 500,
                    "goals": ["g1"],
                    "intervention": "v1",
                    "measurements": [{"measured_on": "2026-03-01", "value": 120}],
                },
            ],
        }
    )


def scaled(doc: PlanDocument, factor: int) -> PlanDocument:
    """The document with every collection repeated `factor` times (keys and names made unique)."""
    data = doc.model_dump(mode="json")
    copies = [_renamed(data, i) for i in range(factor)]
    out = copies[0]
    for path in _COLLECTION_PATHS:
        merged = []
        for copy in copies:
            merged.extend(_get(copy, path))
        _set(out, path, merged)
    out["cooperation"]["coordinator"] = copies[0]["cooperation"]["coordinator"]
    if out["sharing"]["agreement"]:
        out["sharing"]["agreement"]["signatories"] = [
            s for c in copies for s in c["sharing"]["agreement"]["signatories"]
        ]
    return load(out)


_COLLECTION_PATHS = [
    ("goals",),
    ("political_support", "decisions"),
    ("political_support", "budget_lines"),
    ("definitions",),
    ("analysis", "areas"),
    ("analysis", "sources"),
    ("analysis", "factors"),
    ("analysis", "indicators"),
    ("network", "organisations"),
    ("network", "partners"),
    ("network", "community_groups"),
    ("network", "ties"),
    ("sharing", "information_types"),
    ("sharing", "rules"),
    ("sharing", "evaluations"),
    ("interventions",),
    ("monitoring",),
]
_NAME_FIELDS = ("title", "name", "term")
_REF_FIELDS = (
    "parent",
    "areas",
    "sources",
    "source",
    "target",
    "organisation",
    "area",
    "contact",
    "information_type",
    "recipients",
    "signed_by",
    "goals",
    "lead",
    "partners",
    "lead_organisation",
    "intervention",
    "coordinator",
)


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _renamed(data, i: int):
    """A deep copy where every key gets suffix `-ci` and every name ` (i)` (copy 0 stays as it is)."""
    if i == 0:
        return _deep(data, lambda k: k, lambda n: n)
    return _deep(data, lambda k: f"{k}-c{i}", lambda n: f"{n} ({i})")


def _deep(node, key, name, field=None):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if (k == "key" or k in _REF_FIELDS) and isinstance(v, str):
                out[k] = key(v)
            elif k in _REF_FIELDS and isinstance(v, list) and all(isinstance(x, str) for x in v):
                out[k] = [key(x) for x in v]
            elif k in _NAME_FIELDS and isinstance(v, str) and field != "plan":
                out[k] = name(v)
            else:
                out[k] = _deep(v, key, name, k)
        return out
    if isinstance(node, list):
        return [_deep(v, key, name, field) for v in node]
    return node
