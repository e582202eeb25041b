"""The agreement and the protocols in words: what a holder may share and how, what a recipient may receive and do
with it, whom to ask, and what the agreement's state means today; in English here, in any language through a
translator."""

from datetime import date

import pytest

from cohesio.format import load
from cohesio.format.protocol import Listing, Translator, Words, agreement_text, lines, protocol
from cohesio.format.sharing import Recipient, may_share

from .test_may_share import DAY, DOC, _data


def _shares(doc, organisation, information):
    p = protocol(doc, organisation, today=DAY)
    return lines(next(r for r in p.shares if r.information == information).sentences)


def test_the_holder_is_told_with_whom_for_what_how_what_happens_next_and_for_how_long():
    assert _shares(DOC, "o-school", "Absence") == (
        "You may share 'Absence' with Town Hall and Care Service, for prevention and safeguarding or planning support "
        "for the person. The agreement does not say yet how to pass it on: ask the coordinator before you share it. "
        "The agreement does not say yet what they may do with it; they may not pass it on. "
        "It is kept 1 year from the day it is shared. "
        "It is shared on the grounds of a task in the public interest (GDPR article 6(1)(e)). "
        "Not with Care Service yet: it has not signed version 2 of the agreement."
    )


def test_roles_conditions_channel_and_national_law_are_said_in_words():
    data = _data()
    data["sharing"]["rules"][1] |= {"channel": "case_meeting", "receiver_use": "know_only"}
    assert _shares(load(data), "o-police", "Police contacts") == (
        "You may share 'Police contacts' with the case lead from Town Hall, for judging the risk, to choose a support "
        "offer, only once a case has been opened. Tell it in the case meeting only; do not hand it over. "
        "They use it in the consultation only, do not write it down and may not pass it on. "
        "It is kept 2 years from the day the case is closed. It is shared on the grounds of a task in the public "
        "interest (GDPR article 6(1)(e)) and national law: Police data act, article 19."
    )


def test_information_about_no_one_needs_no_grounds_and_a_rule_says_when_it_ends():
    text = _shares(DOC, "o-police", "Tension picture")
    assert "It holds no personal information, so it needs no grounds in law." in text
    assert "This rule ends on 2026-12-31." in text
    later = lines(
        next(r for r in protocol(DOC, "o-police", today=date(2027, 1, 5)).shares if r.key == "r-tension").sentences
    )
    assert "This rule ended on 2026-12-31: it allows nothing now." in later


def test_a_personal_rule_without_grounds_or_retention_says_it_allows_nothing_as_may_share_does():
    data = _data()
    data["sharing"]["rules"][0] |= {"legal_bases": [], "retention_amount": None}
    doc = load(data)
    text = _shares(doc, "o-school", "Absence")
    assert "No retention period is set for it yet, so it may not be shared: ask the coordinator." in text
    assert "No complete grounds in law are named for it yet, so it may not be shared: ask the coordinator." in text
    decision = may_share(
        doc,
        information_type="i-absence",
        holder="o-school",
        recipient=Recipient("o-town"),
        purpose="prevention",
        at_date=DAY,
    )
    assert not decision.allowed


def test_a_rule_that_names_no_one_or_no_purpose_allows_nothing():
    data = _data()
    data["sharing"]["rules"][0] |= {"recipients": []}
    data["sharing"]["rules"][1] |= {"purposes": []}
    doc = load(data)
    assert _shares(doc, "o-school", "Absence").startswith(
        "No one is named to receive 'Absence' yet, so this rule allows nothing."
    )
    assert _shares(doc, "o-police", "Police contacts").startswith(
        "No purpose is named for sharing 'Police contacts' yet, so this rule allows nothing."
    )


def test_the_recipient_is_told_what_it_may_receive_from_whom_and_what_it_does_with_it():
    receipts = {r.information: r for r in protocol(DOC, "o-town", today=DAY).receives}
    assert set(receipts) == {"Absence", "Police contacts", "Tension picture"}
    contacts = receipts["Police contacts"]
    assert contacts.holders == ("Town Police",)
    assert str(contacts.purposes) == (
        "judging the risk, to choose a support offer, when you are the case lead, only once a case has been opened"
    )
    assert str(contacts.kept) == "2 years from the day the case is closed"
    assert lines(contacts.use) == "Not agreed yet: ask the coordinator. Do not pass it on."


def test_the_same_information_on_the_same_terms_from_several_holders_is_one_line():
    data = _data()
    data["network"]["organisations"].append({"key": "o-school2", "name": "Vale School", "sector": "education"})
    data["sharing"]["information_types"].append(
        {"key": "i-absence2", "organisation": "o-school2", "name": "Absence", "sensitivity": "personal"}
    )
    data["sharing"]["rules"].append(
        {**data["sharing"]["rules"][0], "key": "r-absence2", "information_type": "i-absence2"}
    )
    receipts = [r for r in protocol(load(data), "o-town", today=DAY).receives if r.information == "Absence"]
    assert [(r.holders, r.rules) for r in receipts] == [(("Hill School", "Vale School"), ("r-absence", "r-absence2"))]


def test_what_an_unsigned_holder_or_an_ended_rule_would_bring_is_marked_or_left_out():
    data = _data()
    data["sharing"]["agreement"]["signatories"] = [
        x for x in data["sharing"]["agreement"]["signatories"] if x["organisation"] != "o-police"
    ]
    receipts = {r.information: r for r in protocol(load(data), "o-town", today=date(2027, 1, 5)).receives}
    assert "Tension picture" not in receipts  # its rule ended on 31 December 2026
    assert [str(n) for n in receipts["Police contacts"].notes] == [
        "Not from Town Police yet: it has not signed version 2 of the agreement."
    ]
    assert receipts["Absence"].notes == ()


def test_a_holder_does_not_receive_its_own_information_and_an_organisation_without_rules_has_none():
    assert "Absence" not in {r.information for r in protocol(DOC, "o-school", today=DAY).receives}
    data = _data()
    data["network"]["organisations"].append({"key": "o-library", "name": "Library", "sector": "other"})
    p = protocol(load(data), "o-library", today=DAY)
    assert (p.shares, p.receives) == ((), ())


@pytest.mark.parametrize(
    ("change", "organisation", "expected"),
    [
        # signed the version in force
        (
            {},
            "o-school",
            "Version 2 of the agreement is in force since 2026-03-01. Hill School signed version 2 on 2026-02-20.",
        ),
        # named in a rule, did not sign
        ({}, "o-care", "Care Service has not signed version 2 of the agreement yet: until it does, it may not share"),
        # a draft version
        (
            {"state": "draft"},
            "o-school",
            "Version 2 of the agreement is a draft, not in force yet: nothing may be shared",
        ),
        ({"state": "ended"}, "o-school", "The agreement has ended: nothing may be shared under it."),
        # in force from a later day
        ({"in_force_from": "2026-09-01"}, "o-school", "Version 2 of the agreement comes into force on 2026-09-01;"),
        ({"in_force_from": None}, "o-school", "Version 2 of the agreement has no date it is in force from"),
    ],
)
def test_the_protocol_says_what_the_agreements_state_means_for_the_organisation(change, organisation, expected):
    data = _data()
    data["sharing"]["agreement"] |= change
    assert expected in lines(protocol(load(data), organisation, today=DAY).status)


def test_without_an_agreement_nothing_may_be_shared():
    data = _data()
    data["sharing"]["agreement"] = None
    p = protocol(load(data), "o-school", today=DAY)
    assert lines(p.status) == "There is no information-sharing agreement yet, so nothing may be shared."
    assert p.agreement is None


def test_whom_to_ask_the_coordinator_who_signed_and_a_few_partners_once_each():
    data = _data()
    data["network"]["partners"] = [
        {"key": "p-coord", "name": "Cora Lead", "function": "Coordinator", "organisation": "o-town"},
        {"key": "p-head", "name": "Hana Head", "function": "Head", "organisation": "o-school"},
        *({"key": f"p-t{i}", "name": f"Teacher {i}", "organisation": "o-school"} for i in range(5)),
        {"key": "p-gone", "name": "Gone", "organisation": "o-school", "status": "inactive"},
    ]
    data["cooperation"] = {"coordinator": "p-coord"}
    data["sharing"]["agreement"]["signatories"][0]["signed_by"] = "p-head"
    contacts = protocol(load(data), "o-school", today=DAY).contacts
    assert [(c.name, str(c.why)) for c in contacts] == [
        ("Cora Lead", "The plan's coordinator"),
        ("Hana Head", "Signed the agreement for Hill School"),
        ("Teacher 0", "Partner in the plan for Hill School"),
        ("Teacher 1", "Partner in the plan for Hill School"),
        ("Teacher 2", "Partner in the plan for Hill School"),
    ]
    assert contacts[0].organisation == "Town Hall"
    assert lines(protocol(load(data), "o-school", today=DAY).status).endswith(
        "Hana Head signed version 2 for Hill School on 2026-02-20."
    )


def test_an_unknown_organisation_has_no_protocol():
    with pytest.raises(KeyError):
        protocol(DOC, "o-nowhere", today=DAY)


def test_the_agreement_groups_rules_by_holder_in_the_plans_order_and_lists_who_has_not_signed():
    text = agreement_text(DOC, today=DAY)
    assert [(h.name, [r.key for r in h.rules]) for h in text.holders] == [
        ("Hill School", ["r-absence"]),
        ("Town Police", ["r-contacts", "r-tension"]),
    ]
    assert text.holders[0].rules[0].sentences[0].render().startswith("Hill School may share 'Absence' with")
    assert text.unsigned == ("Care Service",)
    assert [s.organisation for s in text.agreement.signatures] == ["o-school", "o-police", "o-town"]


def test_a_translator_translates_templates_labels_lists_and_dates():
    dutch = {
        "You may share '{information}' with {recipients}, for {purposes}.": "U mag '{information}' delen met {recipients}, voor {purposes}.",
        "{first} and {last}": "{first} en {last}",
        "{first} or {last}": "{first} of {last}",
        "Prevention and safeguarding": "Preventie en bescherming",
        "Planning support for the person": "Ondersteuning plannen",
    }
    tr = Translator(gettext=lambda t: dutch.get(t, t), day=lambda d: d.strftime("%d-%m-%Y"))
    first = protocol(DOC, "o-school", today=DAY).shares[0].sentences[0]
    assert (
        first.render(tr)
        == "U mag 'Absence' delen met Town Hall en Care Service, voor preventie en bescherming of ondersteuning plannen."
    )
    ended = protocol(DOC, "o-police", today=date(2027, 1, 5)).shares[1].sentences[-1]
    assert ended.render(tr) == "This rule ended on 31-12-2026: it allows nothing now."


def test_names_with_commas_are_listed_apart_by_semicolons():
    listing = Listing(("River Police, community team", "Town Hall", "Care Service"))
    assert Words("{names}", {"names": listing}).render() == "River Police, community team; Town Hall and Care Service"
