"""Findings about what a partner wrote about themselves, for readers who may not read it: there, but not quoted."""

from cohesio.checks import check_plan, group_findings, summarise
from cohesio.checks.private import finding_dicts_for, findings_for, is_masked
from cohesio.format import dump, load
from cohesio.format.private import EVERY, NOBODY, PrivateReading

from .plans import TODAY, complete_plan_data

# Words that set off the rules that quote texts (identity words with risk and duty, harsh security terms), in
# sentences hard enough to read to score, so any rule that ever read these fields would quote them.
SECRETS = ("Moroccan", "Turkish", "Muslims", "jihadists", "terrorists")
OWN_WORDS = (
    "Turkish and Moroccan associations must report worrying members. Muslims are vulnerable to jihadists and "
    "terrorists, notwithstanding considerable organisational, jurisdictional and budgetary complexities."
)


def _plan_with_own_words():
    data = complete_plan_data()
    for partner in data["network"]["partners"]:
        partner.update(interests=OWN_WORDS, doubts=OWN_WORDS, conditions=OWN_WORDS)
    return load(data)


def _quoted(findings) -> set[str]:
    texts = [f.message for f in findings] + [f.hint for f in findings]
    texts += [str(value) for f in findings for value in f.params.values()]
    texts += [g.message for g in group_findings(findings)] + [g.hint for g in group_findings(findings)]
    return {secret for secret in SECRETS if any(secret in text for text in texts)}


def test_the_check_quotes_partners_own_words_to_those_who_read_them():
    doc = _plan_with_own_words()
    assert _quoted(findings_for(check_plan(doc, today=TODAY), doc, EVERY)) >= {"Moroccan", "Turkish"}


def test_no_finding_quotes_partners_own_words_to_anyone_else():
    doc = _plan_with_own_words()
    findings = findings_for(check_plan(doc, today=TODAY), doc, NOBODY)
    assert any(is_masked(f) for f in findings)
    assert _quoted(findings) == set()


def test_masked_findings_keep_code_severity_place_and_counts():
    doc = _plan_with_own_words()
    whole = check_plan(doc, today=TODAY)
    masked = findings_for(whole, doc, NOBODY)
    assert [(f.code, f.severity, f.path) for f in masked] == [(f.code, f.severity, f.path) for f in whole]
    assert summarise(masked) == summarise(whole)


def test_a_partner_reads_the_findings_about_their_own_words():
    doc = _plan_with_own_words()
    whole = check_plan(doc, today=TODAY)
    own = next(f for f in whole if f.code == "LAP006" and ".network.partners" in f.path)
    key = doc.network.partners[int(own.path.split("[")[1].split("]")[0])].key
    shown = findings_for(whole, doc, PrivateReading(keys=frozenset({key})))
    assert own in shown
    assert all(is_masked(f) for f in shown if f.code == "LAP006" and ".network.partners" in f.path and f != own)


def test_stored_findings_are_masked_the_same_way_and_so_are_the_reasons_they_were_accepted():
    doc = _plan_with_own_words()
    accepted = {"reason": "Moroccan is fine here", "by": "Alice"}
    stored = [{**f.to_dict(), "acknowledged": accepted} for f in check_plan(doc, today=TODAY)]
    elsewhere = {"code": "LAP006", "path": "$.plan.vision", "message": "Vision", "group": None, "acknowledged": None}
    shown = finding_dicts_for([*stored, elsewhere], dump(doc), NOBODY, lambda text: text)
    assert len(shown) == len(stored) + 1 and shown[-1] is elsewhere
    assert not any(secret in str(shown) for secret in SECRETS)
    assert [f["acknowledged"] for f in shown[:-1]] == [{"reason": "", "by": "Alice"}] * len(stored)
    assert finding_dicts_for(stored, dump(doc), EVERY, lambda text: text) is stored
