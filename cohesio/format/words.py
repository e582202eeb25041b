"""Sentences the pure modules hand to the Django layer: an English template marked with `_()` (or `ngettext()` when
it depends on a number) and its values, rendered with a `Translator` (gettext, ngettext, a date format).

Vocabulary values inside a sentence are translated as labels; names people wrote are left as they are. The
protocols (`protocol.py`) and the decisions of `may_share` (`sharing.py`) speak in these.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .vocabulary import Choice, _


def ngettext(singular: str, plural: str, count: int, **params: Any) -> "Words":
    """Words that depend on a number ("1 year", "2 years"); named like gettext's so that makemessages finds both."""
    return Words(singular, params, plural=plural, count=count)


@dataclass(frozen=True)
class Label:
    """A vocabulary value inside a sentence: its label, translated, with the first letter lowered."""

    choice: Choice


@dataclass(frozen=True)
class Listing:
    """Several values read as one: "A, B and C", or with `any_of` "A, B or C"."""

    items: tuple
    any_of: bool = False


@dataclass(frozen=True)
class Translator:
    """How words become text: gettext, ngettext and a date format. The default leaves them in English."""

    gettext: Callable[[str], str] = lambda text: text
    ngettext: Callable[[str, str, int], str] = lambda singular, plural, n: singular if n == 1 else plural
    day: Callable[[date], str] = date.isoformat


ENGLISH = Translator()


@dataclass(frozen=True)
class Words:
    """A sentence or phrase: a `_()`-marked English template with {placeholders}, and the values that fill them."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    plural: str = ""
    count: int | None = None

    def render(self, tr: Translator = ENGLISH) -> str:
        if self.plural and self.count is not None:
            template = tr.ngettext(self.template, self.plural, self.count)
        else:
            template = tr.gettext(self.template)
        return template.format(**{key: _text(value, tr) for key, value in self.params.items()})

    def __str__(self) -> str:
        return self.render()


def w(template: str, **params: Any) -> Words:
    return Words(template, params)


def _lower_first(text: str) -> str:
    """ "Prevention and safeguarding" -> "prevention and safeguarding"; "GDPR ..." stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _text(value: Any, tr: Translator) -> str:
    if isinstance(value, Words):
        return value.render(tr)
    if isinstance(value, Label):
        return _lower_first(tr.gettext(value.choice.label))
    if isinstance(value, Choice):
        return tr.gettext(value.label)
    if isinstance(value, Listing):
        parts = [_text(item, tr) for item in value.items]
        if len(parts) < 2:
            return "".join(parts)
        template = tr.gettext(_("{first} or {last}") if value.any_of else _("{first} and {last}"))
        # names with commas in them ("River District Police, Riverton community team") are kept apart by semicolons
        separator = "; " if any("," in part for part in parts) else ", "
        return template.format(first=separator.join(parts[:-1]), last=parts[-1])
    if isinstance(value, date):
        return tr.day(value)
    return str(value)
