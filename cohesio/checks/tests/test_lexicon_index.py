"""The word lists' index finds exactly what trying every form everywhere finds, only faster."""

import json
import re

import pytest

from cohesio.checks.lexicon import _DATA, _any_of, _lexicon, forget_texts, languages, word_set

TEXTS = [
    "Young people in the area meet in the park after school and talk about what they see online.",
    "Youth workers notice more hostile talk in group chats, and some pupils share violent videos.",
    "Some posts call radicalised groups heroes; teachers discuss this openly in class.",
    "The security of the data shared between partners is arranged in the agreement.",
    "Anti-terrorism and counter-terrorism units; deradicalisation of jihadists (2015).",
    "Muslim youth, Turkish nationalist groups, Moroccan-Dutch parents and refugees.",
    "İstanbul: radicalised youth and extremist groups in the neighbourhood.",  # "İ" lengthens when lowered
    "Aanpak van radicalisering en polarisatie, terroristische dreiging, moslimjongeren.",
]


def _sample(form: str) -> str:
    return form.replace("*", "x")


def _word_lists() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(_DATA.iterdir()):
        kind, lang = path.name.removesuffix(".json").rsplit("_", 1)
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, value in data.items():
            if name != "endings" and isinstance(value, list) and value and isinstance(value[0], str):
                found.append((kind, name, lang))
    return found


@pytest.mark.parametrize(("kind", "name", "lang"), _word_lists())
def test_a_word_set_finds_the_first_form_where_the_plain_pattern_does(kind, name, lang):
    words = word_set(kind, name, lang)
    texts = TEXTS + [f"Before {_sample(f)} after." for f in words.forms] + [f"x{_sample(f)}" for f in words.forms[:5]]
    for text in texts:
        plain = words.pattern.search(text)
        indexed = words.search(text)
        assert (plain and plain.start()) == (indexed and indexed.start()), text


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("kind", ["terms", "identity"])
def test_a_word_list_finds_every_occurrence_trying_every_form_finds(kind, lang):
    lexicon = _lexicon(kind, lang)
    texts = TEXTS + [f"({_sample(f)}), {_sample(f).upper()}-and" for e in lexicon.entries for f in e.forms]
    for text in texts:
        forget_texts()
        # Every entry tried at every word start, and everywhere for entries with a letter run inside words.
        everywhere = {
            (e, m.start(), m.end())
            for word in re.finditer(r"\w+", text)
            for e in lexicon.entries
            if (m := e.pattern.match(text, word.start()))
        } | {(e, m.start(), m.end()) for e in lexicon._inside for m in e.pattern.finditer(text)}
        indexed = {(e, m.start(), m.end()) for e, m in lexicon._occurrences(text)}
        assert indexed == everywhere, text


def test_one_pattern_for_many_forms_keeps_whole_words_and_the_order():
    pattern = _any_of(["hunt* down", "hunt*"])
    assert pattern.search("They hunted down").group() == "hunted down"
    assert pattern.search("a manhunt") is None
    assert pattern.search("Hunting-down").group() == "Hunting-down"
    assert re.fullmatch(pattern, "hunts")
