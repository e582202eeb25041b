"""`may_share`: deny unless a rule of a signed agreement in force allows it, and always say why."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cohesio.format import load
from cohesio.format.document import PlanDocument
from cohesio.format.sharing import (
    CONDITION_HOLDS,
    CaseFacts,
    Recipient,
    has_legal_basis,
    in_force,
    may_share,
    names_recipient,
)
from cohesio.format.vocabulary import (
    AgreementState,
    CaseRole,
    LegalBasis,
    RetentionUnit,
    Sensitivity,
    SharingCondition,
    SharingPurpose,
)

DAY = date(2026, 6, 1)
ORGS = ["o-school", "o-police", "o-town", "o-care"]


def _data() -> dict:
    return {
        "locality": {"name": "Riverton", "kind": "municipality", "fictional": True},
        "plan": {"title": "Plan", "period_start": "2026-01-01", "period_end": "2029-12-31"},
        "network": {
            "organisations": [
                {"key": key, "name": name, "sector": "other"}
                for key, name in zip(ORGS, ["Hill School", "Town Police", "Town Hall", "Care Service"], strict=True)
            ]
        },
        "sharing": {
            "information_types": [
                {"key": "i-absence", "organisation": "o-school", "name": "Absence", "sensitivity": "personal"},
                {
                    "key": "i-contacts",
                    "organisation": "o-police",
                    "name": "Police contacts",
                    "sensitivity": "sensitive",
                },
                {"key": "i-tension", "organisation": "o-police", "name": "Tension picture", "sensitivity": "internal"},
            ],
            "rules": [
                {
                    "key": "r-absence",
                    "information_type": "i-absence",
                    "recipients": ["o-town", "o-care"],
                    "purposes": ["prevention", "support_planning"],
                    "legal_bases": ["art6_1e_public_task"],
                    "retention_amount": 1,
                    "retention_unit": "years",
                },
                {
                    "key": "r-contacts",
                    "information_type": "i-contacts",
                    "recipients": ["o-town"],
                    "recipient_roles": ["case_lead"],
                    "purposes": ["risk_assessment"],
                    "legal_bases": ["art6_1e_public_task", "national_law"],
                    "legal_reference": "Police data act, article 19",
                    "conditions": ["case_opened"],
                    "retention_amount": 2,
                    "retention_unit": "years",
                    "retention_from": "case_closed",
                },
                {
                    "key": "r-tension",
                    "information_type": "i-tension",
                    "recipients": ["o-town", "o-school"],
                    "purposes": ["prevention"],
                    "valid_until": "2026-12-31",
                },
            ],
            "agreement": {
                "title": "Agreement",
                "version": 2,
                "state": "in_force",
                "in_force_from": "2026-03-01",
                "signatories": [
                    {"organisation": key, "signed_on": "2026-02-20", "version": 2} for key in ORGS if key != "o-care"
                ],
            },
        },
    }


DOC = load(_data())


def ask(doc=DOC, **question):
    question = {
        "information_type": "i-absence",
        "holder": "o-school",
        "recipient": "o-town",
        "purpose": "prevention",
        "at_date": DAY,
        **question,
    }
    return may_share(doc, **question)


def test_a_rule_of_a_signed_agreement_in_force_allows_and_names_itself():
    decision = ask()
    assert decision.allowed and decision.rule_key == "r-absence"
    assert decision.reason == "Absence may be shared with Town Hall under rule r-absence."


def test_a_recipient_that_did_not_sign_this_version_gets_nothing():
    decision = ask(recipient="o-care")  # named in the rule, but has not signed
    assert not decision.allowed
    assert decision.reason == "Care Service has not signed version 2 of the agreement, so nothing may be shared."


def test_a_signature_of_an_earlier_version_does_not_count():
    data = _data()
    data["sharing"]["agreement"]["signatories"][0]["version"] = 1  # the school signed version 1 only
    assert "has not signed version 2" in ask(load(data)).reason


def test_a_draft_version_allows_nothing_and_says_so():
    data = _data()
    data["sharing"]["agreement"]["state"] = "draft"
    decision = ask(load(data))
    assert not decision.allowed
    assert decision.reason.startswith("Version 2 of the agreement is a draft")


def test_before_the_agreement_comes_into_force_nothing_is_shared():
    assert not ask(at_date=date(2026, 2, 28)).allowed
    assert ask(at_date=date(2026, 3, 1)).allowed


def test_a_purpose_the_rule_does_not_name_is_refused():
    decision = ask(purpose="risk_assessment")
    assert not decision.allowed and decision.rule_key == "r-absence"
    assert "does not allow sharing it for this purpose" in decision.reason


def test_criminal_investigation_is_never_a_purpose_of_prevention_sharing():
    decision = ask(purpose="criminal_investigation")
    assert not decision.allowed and "criminal investigation" in decision.reason


def test_the_format_refuses_a_rule_that_allows_criminal_investigation():
    data = _data()
    data["sharing"]["rules"][0]["purposes"] = ["prevention", "criminal_investigation"]
    try:
        load(data)
    except Exception as exc:  # PlanFormatError naming the rule
        assert "criminal investigation" in str(exc.problems)
    else:
        raise AssertionError("a rule allowing criminal investigation was read")


def test_conditions_must_hold_in_the_case():
    question = {"information_type": "i-contacts", "holder": "o-police", "purpose": "risk_assessment"}
    recipient = Recipient("o-town", CaseRole.CASE_LEAD)
    refused = ask(recipient=recipient, **question)
    assert not refused.allowed
    assert refused.reason == "'Police contacts' may not be shared yet: only once a case has been opened."
    assert ask(recipient=recipient, case_facts=CaseFacts(case_opened=True), **question).allowed


def test_a_rule_naming_a_role_allows_only_that_role():
    question = {"information_type": "i-contacts", "holder": "o-police", "purpose": "risk_assessment"}
    facts = CaseFacts(case_opened=True)
    assert not ask(recipient=Recipient("o-town", CaseRole.PARTICIPANT), case_facts=facts, **question).allowed
    assert not ask(recipient="o-town", case_facts=facts, **question).allowed


def test_an_expired_rule_allows_nothing():
    question = {"information_type": "i-tension", "holder": "o-police", "purpose": "prevention"}
    assert ask(**question).allowed
    late = ask(at_date=date(2027, 1, 1), **question)
    assert not late.allowed and late.reason == "The rule for 'Tension picture' ended on 2026-12-31."


def test_only_the_holder_may_share_its_information():
    decision = ask(holder="o-town")
    assert not decision.allowed and "does not hold 'Absence'" in decision.reason


def test_a_personal_data_rule_without_retention_allows_nothing():
    data = _data()
    data["sharing"]["rules"][0]["retention_amount"] = None
    decision = ask(load(data))
    assert not decision.allowed and "no complete legal basis or retention period" in decision.reason


def test_sensitive_information_needs_an_article_9_condition_or_a_national_law():
    data = _data()
    data["sharing"]["rules"][1]["legal_bases"] = ["art6_1e_public_task"]
    question = {"information_type": "i-contacts", "holder": "o-police", "purpose": "risk_assessment"}
    decision = ask(
        load(data), recipient=Recipient("o-town", "case_lead"), case_facts=CaseFacts(case_opened=True), **question
    )
    assert not decision.allowed and "legal basis" in decision.reason


def test_nonsense_gets_a_refusal_with_a_reason_not_an_exception():
    for question in [
        {"information_type": "nope"},
        {"purpose": "gossip"},
        {"at_date": "yesterday"},
        {"recipient": None},
        {"holder": 42},
    ]:
        decision = ask(**question)
        assert not decision.allowed and decision.reason


# --- properties over random agreements and questions ---------------------------------------------------------

day = st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 1, 1))
subsets = lambda values: st.lists(st.sampled_from(values), unique=True, max_size=len(values))  # noqa: E731


@st.composite
def documents(draw) -> PlanDocument:
    data = _data()
    version = draw(st.integers(1, 3))
    data["sharing"]["agreement"] = {
        "title": "Agreement",
        "version": version,
        "state": draw(st.sampled_from(list(AgreementState))).value,
        "in_force_from": d.isoformat() if (d := draw(st.none() | day)) else None,
        "signatories": [
            {
                "organisation": key,
                "version": draw(st.integers(1, 3)),
                "signed_on": d.isoformat() if (d := draw(st.none() | day)) else None,
            }
            for key in draw(subsets(ORGS))
        ],
    }
    for rule in data["sharing"]["rules"]:
        rule["recipients"] = draw(subsets(ORGS))
        rule["recipient_roles"] = [r.value for r in draw(subsets(list(CaseRole)))]
        purposes = [p for p in SharingPurpose if p != SharingPurpose.CRIMINAL_INVESTIGATION]
        rule["purposes"] = [p.value for p in draw(subsets(purposes))]
        rule["conditions"] = [c.value for c in draw(subsets(list(SharingCondition)))]
        rule["legal_bases"] = [b.value for b in draw(subsets(list(LegalBasis)))]
        rule["legal_reference"] = draw(st.sampled_from(["", "Act 1"]))
        rule["retention_amount"] = draw(st.none() | st.integers(1, 10))
        rule["retention_unit"] = draw(st.sampled_from(list(RetentionUnit))).value
        rule["valid_until"] = d.isoformat() if (d := draw(st.none() | day)) else None
    if draw(st.booleans()):  # a second rule for the same information: any one of them may allow it
        data["sharing"]["rules"].append({**data["sharing"]["rules"][0], "key": "r-absence-2"})
    return load(data)


@st.composite
def questions(draw) -> dict:
    return {
        "information_type": draw(st.sampled_from(["i-absence", "i-contacts", "i-tension", "i-unknown"])),
        "holder": draw(st.sampled_from([*ORGS, "o-unknown"])),
        "recipient": Recipient(
            draw(st.sampled_from([*ORGS, "o-unknown"])), draw(st.none() | st.sampled_from(list(CaseRole)))
        ),
        "purpose": draw(st.sampled_from([*SharingPurpose, "gossip"])),
        "at_date": draw(day),
        "case_facts": CaseFacts(*draw(st.lists(st.booleans(), min_size=5, max_size=5))),
    }


def _signed(doc, organisation, at_date) -> bool:
    agreement = doc.sharing.agreement
    return any(
        s.organisation == organisation and s.version == agreement.version and s.signed_on and s.signed_on <= at_date
        for s in agreement.signatories
    )


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(documents(), questions())
def test_every_decision_carries_a_reason(doc, question):
    decision = may_share(doc, **question)
    assert isinstance(decision.allowed, bool) and decision.reason.strip()
    assert "{" not in decision.reason  # every placeholder filled


@PROPERTY
@given(documents(), questions())
def test_it_never_allows_what_no_rule_allows(doc, question):
    decision = may_share(doc, **question)
    if not decision.allowed:
        return
    rule = next(r for r in doc.sharing.rules if r.key == decision.rule_key)
    kind = next(t for t in doc.sharing.information_types if t.key == question["information_type"])
    facts, recipient = question["case_facts"], question["recipient"]
    assert rule.information_type == kind.key and kind.organisation == question["holder"]
    assert question["purpose"] in rule.purposes
    assert rule.recipients or rule.recipient_roles
    assert not rule.recipients or recipient.organisation in rule.recipients
    assert not rule.recipient_roles or recipient.role in rule.recipient_roles
    assert all(CONDITION_HOLDS[c](facts) for c in rule.conditions)
    assert rule.valid_until is None or question["at_date"] <= rule.valid_until
    if kind.sensitivity != Sensitivity.INTERNAL and kind.sensitivity != Sensitivity.PUBLIC:
        assert rule.retention_amount and rule.legal_bases


@PROPERTY
@given(documents(), questions())
def test_a_version_not_in_force_or_not_signed_by_both_allows_nothing(doc, question):
    decision = may_share(doc, **question)
    at_date = question["at_date"]
    if not in_force(doc.sharing.agreement, at_date):
        assert not decision.allowed
    if not _signed(doc, question["holder"], at_date) or not _signed(doc, question["recipient"].organisation, at_date):
        assert not decision.allowed


@PROPERTY
@given(documents(), questions())
def test_criminal_investigation_is_never_allowed(doc, question):
    assert not may_share(doc, **{**question, "purpose": SharingPurpose.CRIMINAL_INVESTIGATION}).allowed


@settings(max_examples=200, deadline=None)
@given(documents())
def test_a_signed_rule_in_force_does_allow_what_it_names(doc):
    """The other side: the function is not simply 'no'. For a complete rule and a signed version in force, the
    recipients it names get it when its conditions hold."""
    agreement = doc.sharing.agreement
    rule = doc.sharing.rules[0]  # absence, personal: the school is its holder
    complete = rule.purposes and rule.retention_amount and rule.legal_bases and rule.recipients
    at_date = (agreement.in_force_from or DAY) + timedelta(days=1)
    recipient = Recipient(rule.recipients[0] if rule.recipients else "o-town", (rule.recipient_roles or [None])[0])
    if not (complete and in_force(agreement, at_date) and names_recipient(rule, recipient)):
        return
    if not (_signed(doc, "o-school", at_date) and _signed(doc, recipient.organisation, at_date)):
        return
    if rule.valid_until and rule.valid_until < at_date:
        return
    if not has_legal_basis(rule, Sensitivity.PERSONAL):
        return
    assert sum(r.information_type == "i-absence" for r in doc.sharing.rules) >= 1
    facts = CaseFacts(True, True, True, True, True)
    decision = may_share(
        doc,
        information_type="i-absence",
        holder="o-school",
        recipient=recipient,
        purpose=rule.purposes[0],
        at_date=at_date,
        case_facts=facts,
    )
    assert decision.allowed, decision.reason


def test_evaluation_results_count_answers_per_question_and_name_who_has_not_answered():
    from cohesio.format.evaluation import by_organisation, results

    data = _data()
    data["sharing"]["evaluations"] = [
        {
            "key": "e-1",
            "scheduled_for": "2026-05-01",
            "answers": [
                {"organisation": "o-school", "answered_on": "2026-05-02", "right_information_on_time": False},
                {
                    "organisation": "o-town",
                    "answered_on": "2026-05-03",
                    "right_information_on_time": True,
                    "handled_as_agreed": True,
                },
            ],
        },
        {"key": "e-2", "scheduled_for": "2026-12-01"},  # not due yet, no answers: not shown
    ]
    [result] = results(load(data), today=DAY)

    assert result.tallies["right_information_on_time"].yes == 1
    assert result.tallies["right_information_on_time"].no == 1
    assert result.tallies["handled_as_agreed"].not_sure == 1
    assert result.waiting_for == ["o-police"]  # signed version 2, has not answered; o-care did not sign
    assert by_organisation(load(data))["o-town"]["e-1"] == {
        "right_information_on_time": True,
        "handled_as_agreed": True,
    }


def test_a_1_0_file_is_read_with_its_signed_agreement_in_force_from_its_signing_day():
    data = _data()
    data["format_version"] = "1.0"
    agreement = data["sharing"]["agreement"]
    for name in ("version", "state", "in_force_from"):
        del agreement[name]
    agreement["signed_on"] = "2026-02-20"
    for signatory in agreement["signatories"]:
        del signatory["version"]

    doc = load(data)

    assert doc.format_version == "1.2"
    assert (doc.sharing.agreement.state, doc.sharing.agreement.in_force_from) == ("in_force", date(2026, 2, 20))
    assert ask(doc).allowed  # version 1, signed by the school and the town hall


def test_a_1_0_agreement_without_a_signing_day_stays_a_draft_and_allows_nothing():
    data = _data()
    data["format_version"] = "1.0"
    for name in ("version", "state", "in_force_from"):
        del data["sharing"]["agreement"][name]

    doc = load(data)

    assert doc.sharing.agreement.state == "draft" and not ask(doc).allowed
