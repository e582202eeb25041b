"""Word lists per language (harsh terms, identity words), read from data files, matched as whole words.

An entry lists its forms as simple patterns: `*` stands for any letters, so `radicalis*` matches
"radicalised" and "radicalisation", and `*terroris*` matches Dutch "antiterrorisme". Words of a
form may be separated by spaces or hyphens. `neutral_before` and `neutral_after` list words that,
right before or after a match, make it a neutral use ("data security", "security of the data").
"""

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_DATA = resources.files("cohesio.checks") / "data"
_CONTEXT_WINDOW = 60


def _pattern(form: str) -> str:
    words = form.split()
    body = r"[\s-]+".join(re.escape(w).replace(r"\*", r"\w*") for w in words)
    return rf"(?<!\w){body}(?!\w)"


def _context(phrases: list[str], *, before: bool) -> re.Pattern | None:
    if not phrases:
        return None
    alternatives = "|".join(_pattern(p) for p in phrases)
    if before:
        return re.compile(rf"(?:{alternatives})[\s-]*$", re.IGNORECASE)
    return re.compile(rf"^[\s-]*(?:{alternatives})", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class Entry:
    """One word-list entry: a term, its forms, its category, and what to say instead."""

    term: str
    category: str
    forms: tuple[str, ...]
    alternatives: tuple[str, ...]
    neutral_before: re.Pattern | None
    neutral_after: re.Pattern | None

    @classmethod
    def from_data(cls, data: dict) -> "Entry":
        return cls(
            term=data["term"],
            category=data["category"],
            forms=tuple(data["forms"]),
            alternatives=tuple(data.get("alternatives", ())),
            neutral_before=_context(data.get("neutral_before", []), before=True),
            neutral_after=_context(data.get("neutral_after", []), before=False),
        )

    @property
    def regex(self) -> str:
        # Longer forms first, so "islamic extremism" wins over a shorter form at the same place.
        forms = sorted(self.forms, key=lambda f: (-len(f.split()), -len(f)))
        return "|".join(_pattern(f) for f in forms)

    def is_neutral(self, text: str, start: int, end: int) -> bool:
        before = self.neutral_before and self.neutral_before.search(text, max(0, start - _CONTEXT_WINDOW), start)
        after = self.neutral_after and self.neutral_after.match(text[end : end + _CONTEXT_WINDOW])
        return bool(before or after)


@dataclass(frozen=True)
class Match:
    """Where an entry occurs in a text, and the words as written there."""

    entry: Entry
    words: str
    start: int
    end: int


class Lexicon:
    """A word list compiled into one pattern, so a text is scanned once for all entries."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._pattern = re.compile(
            "|".join(f"(?P<e{i}>{e.regex})" for i, e in enumerate(entries)) or r"(?!x)x", re.IGNORECASE
        )

    def find(self, text: str) -> list[Match]:
        """Every non-neutral occurrence of an entry in `text`."""
        matches = []
        for m in self._pattern.finditer(text):
            entry = self.entries[int(m.lastgroup[1:])]
            if not entry.is_neutral(text, m.start(), m.end()):
                matches.append(Match(entry, m.group(), m.start(), m.end()))
        return matches

    def entries_in(self, text: str) -> set[Entry]:
        """The entries that occur in `text` at all, neutral or not."""
        return {self.entries[int(m.lastgroup[1:])] for m in self._pattern.finditer(text)}

    def without(self, accepted: frozenset[str]) -> "Lexicon":
        """This word list minus the entries a plan accepts, named by their term or any of their forms."""
        if not accepted:
            return self
        dropped = {e for word in accepted for e in self.entries_in(word)}
        dropped |= {e for e in self.entries if e.term.casefold() in accepted}
        return Lexicon([e for e in self.entries if e not in dropped])


def languages() -> list[str]:
    """The languages that have a list of harsh terms."""
    return sorted(p.name[len("terms_") : -len(".json")] for p in _DATA.iterdir() if p.name.startswith("terms_"))


@cache
def _lexicon(kind: str, lang: str) -> Lexicon:
    source = _DATA / f"{kind}_{lang}.json"
    if not source.is_file():
        raise ValueError(f"there is no word list '{kind}' for the language '{lang}' (known: {', '.join(languages())})")
    data = json.loads(source.read_text(encoding="utf-8"))
    return Lexicon([Entry.from_data(e) for e in data["entries"]])


@lru_cache(maxsize=64)
def harsh_terms(lang: str, accepted: frozenset[str] = frozenset()) -> Lexicon:
    """Harsh security and religious terms in `lang`, minus those the plan accepts."""
    return _lexicon("terms", lang).without(accepted)


def identity_words(lang: str) -> Lexicon:
    """Words naming a religion, ethnicity or nationality in `lang`."""
    return _lexicon("identity", lang)
