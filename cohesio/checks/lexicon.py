"""Word lists per language (harsh terms, identity words), read from data files, matched as whole words.

An entry lists its forms as simple patterns: `*` stands for any letters, so `radicalis*` matches
"radicalised" and "radicalisation", and `*terroris*` matches Dutch "antiterrorisme". Words of a
form may be separated by spaces or hyphens. `neutral_before` and `neutral_after` list words that,
right before or after a match, make it a neutral use ("data security", "security of the data").
Words are looked up by their first three letters, so a text is only tried against forms that could match.
"""

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_DATA = resources.files("cohesio.checks") / "data"
_CONTEXT_WINDOW = 60
_WORD = re.compile(r"\w+")


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


def _anchor(form: str) -> tuple[str, bool]:
    """A piece of text every match of `form` contains: its first letters, or a letter run inside (`*terror*`)."""
    inside = form.startswith("*")
    run = _WORD.search(form.lower().lstrip("*"))
    if run is None or (not inside and len(run.group()) < 3 and form[run.end() : run.end() + 1] == "*"):
        raise ValueError(f"the form '{form}' needs at least three letters before a '*'")
    return (run.group() if inside else run.group()[:3]), inside


@dataclass(frozen=True, eq=False)
class Entry:
    """One word-list entry: a term, its forms, its category, and what to say instead."""

    term: str
    category: str
    forms: tuple[str, ...]
    alternatives: tuple[str, ...]
    pattern: re.Pattern
    neutral_before: re.Pattern | None
    neutral_after: re.Pattern | None

    @classmethod
    def from_data(cls, data: dict) -> "Entry":
        # Longer forms first, so "islamic extremism" wins over a shorter form at the same place.
        forms = sorted(data["forms"], key=lambda f: (-len(f.split()), -len(f)))
        return cls(
            term=data["term"],
            category=data["category"],
            forms=tuple(forms),
            alternatives=tuple(data.get("alternatives", ())),
            pattern=re.compile("|".join(_pattern(f) for f in forms), re.IGNORECASE),
            neutral_before=_context(data.get("neutral_before", []), before=True),
            neutral_after=_context(data.get("neutral_after", []), before=False),
        )

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
    """A word list, indexed by first letters, so only the words of a text that could match are tried."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._by_start: dict[str, list[Entry]] = defaultdict(list)
        self._inside: dict[Entry, set[str]] = defaultdict(set)
        for entry in entries:
            for anchor, inside in {_anchor(form) for form in entry.forms}:
                if inside:
                    self._inside[entry].add(anchor)
                else:
                    self._by_start[anchor].append(entry)

    def _occurrences(self, text: str) -> Iterator[tuple[Entry, re.Match]]:
        for word in _WORD.finditer(text):
            for entry in self._by_start.get(word.group()[:3].lower(), ()):
                m = entry.pattern.match(text, word.start())
                if m:
                    yield entry, m
        lowered = text.lower()
        for entry, anchors in self._inside.items():
            if any(anchor in lowered for anchor in anchors):
                yield from ((entry, m) for m in entry.pattern.finditer(text))

    def find(self, text: str) -> list[Match]:
        """Every non-neutral occurrence of an entry in `text`, in text order; the longest wins where two overlap."""
        matches = [
            Match(entry, m.group(), m.start(), m.end())
            for entry, m in self._occurrences(text)
            if not entry.is_neutral(text, m.start(), m.end())
        ]
        matches.sort(key=lambda m: (m.start, m.start - m.end))
        kept: list[Match] = []
        for match in matches:
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept

    def entries_in(self, text: str) -> set[Entry]:
        """The entries that occur in `text` at all, neutral or not."""
        return {entry for entry, _ in self._occurrences(text)}

    def without(self, accepted: frozenset[str]) -> "Lexicon":
        """This word list minus the entries a plan accepts, named by their term or any of their forms."""
        if not accepted:
            return self
        dropped = {e for word in accepted for e in self.entries_in(word)}
        dropped |= {e for e in self.entries if e.term.casefold() in accepted}
        return Lexicon([e for e in self.entries if e not in dropped])


@cache
def languages() -> tuple[str, ...]:
    """The languages that have word lists."""
    return tuple(sorted(p.name[len("terms_") : -len(".json")] for p in _DATA.iterdir() if p.name.startswith("terms_")))


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
