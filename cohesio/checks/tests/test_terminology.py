"""The word lists: whole words and inflections match, neutral uses do not, and the labelled sets score well."""

import json
from pathlib import Path

import pytest

from cohesio.checks.lexicon import harsh_terms, identity_words, languages

DATA = Path(__file__).parent / "data"


def words_found(text: str, lang: str = "en") -> list[str]:
    return [m.words for m in harsh_terms(lang).find(text)]


def test_word_lists_exist_for_english_and_dutch():
    assert {"en", "nl"} <= set(languages())


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Some pupils were radicalised.", "en", "radicalised"),
        ("Radicalising young people.", "en", "Radicalising"),
        ("Two terrorists were arrested.", "en", "terrorists"),
        ("A jihadist video.", "en", "jihadist"),
        ("Radicalized online.", "en", "Radicalized"),
        ("A zero-tolerance policy.", "en", "zero-tolerance"),
        ("Twee terroristen opgepakt.", "nl", "terroristen"),
        ("Geradicaliseerde jongeren.", "nl", "Geradicaliseerde"),
        ("Het antiterrorismebeleid.", "nl", "antiterrorismebeleid"),
        ("De jihadgangers.", "nl", "jihadgangers"),
    ],
)
def test_inflections_and_compounds_match(text, lang, word):
    assert word in words_found(text, lang)


@pytest.mark.parametrize(
    "text",
    [
        "Security of the data is arranged.",
        "Data security and information security.",
        "School safety comes first.",
        "Social security benefits.",
        "The target group is young people.",
        "A radical change.",
        "Emotional intelligence.",
        "A heart attack.",
        "We combat loneliness.",
        "Terrace, terrier and territory.",
    ],
)
def test_neutral_uses_do_not_match(text):
    assert words_found(text) == []


@pytest.mark.parametrize(
    "text", ["Veiligheid op school.", "Armoedebestrijding werkt.", "De belastingaanslag.", "Het Veiligheidshuis."]
)
def test_dutch_neutral_uses_do_not_match(text):
    assert words_found(text, "nl") == []


def test_accepting_a_term_accepts_its_inflections():
    lexicon = harsh_terms("en", frozenset({"radicalisation"}))

    assert [m.words for m in lexicon.find("Radicalised pupils and terrorists.")] == ["terrorists"]


def test_accepting_a_term_by_its_list_name():
    lexicon = harsh_terms("en", frozenset({"security"}))

    assert lexicon.find("National security.") == []


def test_identity_words_match_religions_ethnicities_and_nationalities():
    found = [m.words for m in identity_words("en").find("Young Moroccans, Kurdish men and Muslim converts.")]

    assert found == ["Moroccans", "Kurdish", "Muslim"]


def test_hostility_against_a_group_is_not_an_identity_label():
    assert identity_words("en").find("Anti-Muslim graffiti and hatred of Jews.") == []


def _scores(lang: str, split: str | None = None) -> dict[str, float]:
    lexicon = harsh_terms(lang)
    rows = [json.loads(line) for line in (DATA / f"terminology_{lang}.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if split is None or r["split"] == split]
    found = [(bool(lexicon.find(r["text"])), r["harsh"]) for r in rows]
    tp = sum(1 for f, h in found if f and h)
    fp = sum(1 for f, h in found if f and not h)
    harsh = sum(1 for _, h in found if h)
    neutral = len(found) - harsh
    return {
        "sentences": len(found),
        "precision": tp / (tp + fp),
        "recall": tp / harsh,
        "neutral_flagged": fp / neutral,
    }


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_labelled_set_has_enough_sentences_of_both_kinds(lang):
    rows = [json.loads(line) for line in (DATA / f"terminology_{lang}.jsonl").read_text(encoding="utf-8").splitlines()]

    assert len(rows) >= 60
    assert sum(r["harsh"] for r in rows) >= 30 and sum(not r["harsh"] for r in rows) >= 30


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_terminology_precision_and_recall_on_the_labelled_set(lang, capsys):
    overall, heldout = _scores(lang), _scores(lang, "heldout")

    with capsys.disabled():
        for name, s in (("all", overall), ("held-out", heldout)):
            print(
                f"\nterminology {lang} {name}: {s['sentences']} sentences, precision {s['precision']:.2f}, "
                f"recall {s['recall']:.2f}, neutral sentences flagged {s['neutral_flagged']:.1%}"
            )
    assert overall["precision"] >= 0.90
    assert overall["recall"] >= 0.85
    assert overall["neutral_flagged"] <= 0.08
    assert heldout["recall"] >= 0.70


FRESH = DATA / "fresh"


def fresh_scores(lang: str) -> dict[str, float]:
    """Precision and recall on the fresh set: sentences written after the lists were widened, never tuned on."""
    lexicon = harsh_terms(lang)
    rows = [json.loads(line) for line in (FRESH / f"terminology_{lang}.jsonl").read_text(encoding="utf-8").splitlines()]
    found = [(bool(lexicon.find(r["text"])), r["harsh"]) for r in rows]
    tp = sum(1 for f, h in found if f and h)
    fp = sum(1 for f, h in found if f and not h)
    harsh = sum(1 for _, h in found if h)
    return {"sentences": len(found), "precision": tp / (tp + fp), "recall": tp / harsh, "false_positives": fp}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_terminology_on_the_fresh_set(lang, capsys):
    s = fresh_scores(lang)

    with capsys.disabled():
        print(
            f"\nterminology {lang} fresh: {s['sentences']} sentences, precision {s['precision']:.2f}, "
            f"recall {s['recall']:.2f}"
        )
    # floors, not targets: the set is for measuring; widening the lists to fit it would make it one more tuning set
    assert s["precision"] >= 0.85
    assert s["recall"] >= 0.75


def test_identity_words_name_people_not_ideologies():
    from cohesio.checks.framing import identity_mentions

    assert [m.words for m in identity_mentions("Turkish nationalist groups and Turkish parents.", "en")] == ["Turkish"]
    assert identity_mentions("Militant Islamist environments and right-wing extremist groups.", "en") == []
    assert identity_mentions("Militante islamistische milieus en rechts-extremistische groepen.", "nl") == []


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("(ge)neutraliseer*", ["geneutraliseer*", "neutraliseer*"]),
        ("hunt+ down", ["hunt down", "hunts down", "hunted down", "hunting down"]),
    ],
)
def test_forms_spell_out_optional_parts_and_endings(form, expected):
    from cohesio.checks.lexicon import expand_forms

    assert expand_forms([form], ("", "s", "ed", "ing")) == expected


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Officers gathered intelligence at the youth club.", "en", "gathered intelligence"),
        ("A heavy-handed approach.", "en", "heavy-handed"),
        ("Ze worden geneutraliseerd.", "nl", "geneutraliseerd"),
        ("Het salafistenbroeinest in Oost.", "nl", "salafistenbroeinest"),
        ("Een hard optreden tegen leuzen.", "nl", "hard optreden"),
    ],
)
def test_widened_lists_catch_inflections_and_compounds(text, lang, word):
    assert word in words_found(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("After the attack of February 2015 the town came together.", "en"),
        ("The 2015 attacks are taught in history class.", "en"),
        ("De aanslag van 7 januari staat in het lesprogramma.", "nl"),
    ],
)
def test_a_dated_event_is_a_fact_not_framing(text, lang):
    assert words_found(text, lang) == []
