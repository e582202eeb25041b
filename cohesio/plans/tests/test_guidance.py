"""The 'How to work on this element' guidance snippets: they render, are fully translatable and use gentle wording."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import translation

GUIDANCE_DIR = Path(__file__).resolve().parent.parent / "templates" / "plans" / "guidance"
ELEMENTS = ["analysis", "strategy", "political_support", "definitions", "network", "cooperation", "interventions"]
HEADINGS = [
    "How to work on this element",
    "What it is",
    "Why it matters",
    "Tips",
    "Pitfalls to avoid",
    "Worked example",
]
HARSH = ["fight", "combat", "threat", "enemy", "enemies", "terrorist", "terrorism", "jihad", "war on"]
AVOID_CLASS = "cohesio-avoid"

TRANSLATE = re.compile(r"\{%\s*translate\s+(\"[^\"]*\"|'[^']*')(\s+as\s+\w+)?\s*%\}")
BLOCKTRANSLATE = re.compile(r"\{%\s*blocktranslate\b.*?%\}(.*?)\{%\s*endblocktranslate\s*%\}", re.S)
COMMENT_BLOCK = re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.S)
ANY_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}|<!--.*?-->|<[^>]*>", re.S)
LETTER = re.compile(r"[^\W\d_]")


def _source(name: str) -> str:
    return (GUIDANCE_DIR / f"{name}.html").read_text(encoding="utf-8")


def _render(name: str) -> str:
    with translation.override("en"):
        return render_to_string(f"plans/guidance/{name}.html")


class _Text(HTMLParser):
    """Collects visible text, optionally leaving out elements marked with the avoid class."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}

    def __init__(self, skip_avoid: bool):
        super().__init__()
        self.skip_avoid = skip_avoid
        self.stack: list[bool] = []  # per open element: is it (inside) an avoid cell?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        inside = bool(self.stack and self.stack[-1])
        self.stack.append(inside or AVOID_CLASS in classes)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.skip_avoid and self.stack and self.stack[-1]:
            return
        self.parts.append(data)


def _text(html: str, skip_avoid: bool = False) -> str:
    parser = _Text(skip_avoid)
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("name", ELEMENTS)
def test_snippet_exists_and_loads_i18n_first(name):
    path = GUIDANCE_DIR / f"{name}.html"
    assert path.is_file(), path
    assert _source(name).lstrip().startswith("{% load i18n %}")


@pytest.mark.parametrize("name", ELEMENTS)
def test_snippet_renders_as_a_closed_details_component_with_the_headings(name):
    html = _render(name)
    assert '<details class="govuk-details">' in html
    assert not re.search(r"<details[^>]*\bopen\b", html), "guidance must be closed by default"
    assert 'class="govuk-details__summary-text"' in html
    assert 'class="govuk-details__text"' in html
    assert 'class="govuk-inset-text"' in html
    text = _text(html)
    for heading in HEADINGS:
        assert heading in text, f"{name}: missing {heading!r}"
    assert html.count('<h3 class="govuk-heading-s">') >= 5


@pytest.mark.parametrize("name", ELEMENTS)
def test_every_visible_text_is_inside_a_translate_tag(name):
    source = COMMENT_BLOCK.sub("", _source(name))
    source = BLOCKTRANSLATE.sub("", source)
    source = TRANSLATE.sub("", source)
    source = ANY_TAG.sub("", source)
    leftover = LETTER.findall(source)
    assert not leftover, f"{name}: untranslated text: {' '.join(source.split())!r}"


@pytest.mark.parametrize("name", ELEMENTS)
def test_translate_blocks_hold_no_markup_or_variables(name):
    source = _source(name)
    for body in BLOCKTRANSLATE.findall(source):
        assert "<" not in body and "{{" not in body and "{%" not in body, f"{name}: {body.strip()[:60]!r}"
    for literal, _ in TRANSLATE.findall(source):
        assert "<" not in literal and "{{" not in literal, f"{name}: {literal!r}"


@pytest.mark.parametrize("name", ELEMENTS)
def test_no_harsh_words_outside_the_avoid_column(name):
    text = _text(_render(name), skip_avoid=True).lower()
    for word in HARSH:
        assert not re.search(r"\b" + re.escape(word), text), f"{name}: harsh word {word!r}"


@pytest.mark.parametrize("name", ELEMENTS)
def test_snippet_is_short_enough_to_read(name):
    words = len(_text(_render(name)).split())
    assert 250 <= words <= 450, f"{name}: {words} words"


def test_definitions_offer_five_or_six_gentler_wordings():
    html = _render("definitions")
    assert "Instead of" in html
    assert 5 <= html.count(AVOID_CLASS) <= 6
    avoided = _text(html).lower()
    kept = _text(html, skip_avoid=True).lower()
    assert "fight extremism" in avoided and "fight extremism" not in kept
    for gentler in ["keep young people safe from exploitation", "people we want to reach", "concern"]:
        assert gentler in kept
