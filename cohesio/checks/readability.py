"""How easy the texts for partners and the public are to read: a plain-language score per text (textstat).

The score is the Flesch reading ease, with the Dutch constants (Flesch–Douma) for Dutch: 0 is very hard,
100 very easy; everyday texts for a wide public score 60 or more. It is a rough guide (it counts sentence and
word length, not meaning), so the check only speaks up for texts long enough to score and well below that.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule
from .terminology import public_texts

MIN_WORDS = 40  # shorter texts give unreliable scores
HARD = 30  # below this a text is hard for most readers


_MARKUP = re.compile(r"[*_#>`]+|^\s*(?:[-+]|\d+[.)])\s+", re.MULTILINE)
_LINE_END = re.compile(r"(?<![.!?:;])\s*\n+")


def plain_text(text: str) -> str:
    """The text without Markdown marks, each line of a list read as a sentence of its own."""
    return _LINE_END.sub(". ", _MARKUP.sub("", text.strip()))


@lru_cache(maxsize=512)
def reading_ease(text: str, lang: str) -> float | None:
    """The Flesch reading ease of `text` (0 to 100, higher is easier), or None when it is too short to score."""
    from textstat.backend import counts, metrics  # loaded on first use: its English dictionary is large

    text = plain_text(text)
    try:
        if counts.count_words(text) < MIN_WORDS:
            return None
        return max(0.0, min(100.0, float(metrics.flesch_reading_ease(text, lang))))
    except (ValueError, ZeroDivisionError, KeyError):
        return None


def scores(doc: PlanDocument, lang: str) -> Iterator[tuple[Element, str, str | None, float]]:
    """(element, path, subject, score) of every text for partners and the public long enough to score."""
    for element, path, text, subject, _term in public_texts(doc):
        if path.endswith(".local_wording") or not text.strip():
            continue
        score = reading_ease(text, lang)
        if score is not None:
            yield element, path, subject, score


@rule(
    "LAP007",
    Severity.TIP,
    Element.PLAN,
    title=_("Texts for partners and the public are easy to read"),
    why=_(
        "A plan is read by teachers, parents, volunteers and council members, not only by policy staff. Long "
        "sentences and long words keep people out as surely as harsh ones. The check gives each longer text a "
        "plain-language score (the Flesch reading ease, for Dutch with the Flesch-Douma constants: 0 is very "
        "hard, 100 very easy) and points out texts below 30."
    ),
    group=Group(
        _("{count} texts for partners and the public are hard to read."),
        _("Use shorter sentences and everyday words; aim for a reading ease of 50 or more."),
    ),
)
def plain_language(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for element, path, subject, score in scores(doc, context.lang):
        if score < HARD:
            yield flag(
                path,
                _("This text is hard to read for partners and the public (reading ease {score} out of 100)."),
                _("Use shorter sentences and everyday words; aim for a reading ease of 50 or more."),
                subject=subject,
                element=element,
                score=round(score),
            )
