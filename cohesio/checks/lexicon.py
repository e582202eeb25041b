"""Word lists per language (harsh terms, identity words), read from data files, matched as whole words.

An entry lists its forms as simple patterns: `*` stands for any letters, so `radicalis*` matches
"radicalised" and "radicalisation", and `*terroris*` matches Dutch "antiterrorisme". Words of a
form may be separated by spaces or hyphens. Two bits of morphology keep the lists short: a part in
brackets may be left out (`(ge)neutraliseer*` is also `neutraliseer*`), and a word ending in `+` takes
each of the language's inflection endings, listed as `endings` in the data file (`hunt+ down` is "hunt
down", "hunts down", "hunted down", "hunting down"). `neutral_before` and `neutral_after` list words that,
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
_WORD_START = re.compile(r"(\w{1,3})\w*")  # a word's first three letters, or all of a shorter word


_OPTIONAL = re.compile(r"\(([^()]*)\)")


def expand_forms(forms: list[str] | tuple[str, ...], endings: tuple[str, ...] = ("",)) -> list[str]:
    """The forms with their optional parts and inflection endings spelled out, in order, without repeats."""
    expanded: list[str] = []
    pending = list(forms)
    while pending:
        form = pending.pop(0)
        optional = _OPTIONAL.search(form)
        if optional:
            with_part = form[: optional.start()] + optional.group(1) + form[optional.end() :]
            without = form[: optional.start()] + form[optional.end() :]
            pending[:0] = [with_part, " ".join(without.split())]
            continue
        words = [[w[:-1] + e for e in endings] if w.endswith("+") else [w] for w in form.split()]
        variants = [""]
        for options in words:
            variants = [f"{v} {o}".strip() for v in variants for o in options]
        expanded.extend(variants)
    return list(dict.fromkeys(expanded))


def _body(form: str) -> str:
    return r"[\s-]+".join(re.escape(w).replace(r"\*", r"\w*") for w in form.split())


def _pattern(form: str) -> str:
    return rf"(?<!\w){_body(form)}(?!\w)"


def _any_of(forms: list[str] | tuple[str, ...]) -> re.Pattern:
    """One pattern for all `forms`, whole words, tried in order. The word-boundary checks stand outside the
    alternatives, so a text is only tried against the forms where a word starts (many times faster than one
    boundary check per form)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(_body(f) for f in forms)})(?!\w)", re.IGNORECASE)


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
    factual_when_dated: bool = False

    @classmethod
    def from_data(cls, data: dict, endings: tuple[str, ...] = ("",)) -> "Entry":
        # Longer forms first, so "islamic extremism" wins over a shorter form at the same place.
        forms = sorted(expand_forms(data["forms"], endings), key=lambda f: (-len(f.split()), -len(f)))
        return cls(
            term=data["term"],
            category=data["category"],
            forms=tuple(forms),
            alternatives=tuple(data.get("alternatives", ())),
            pattern=_any_of(forms),
            neutral_before=_context(expand_forms(data.get("neutral_before", []), endings), before=True),
            neutral_after=_context(expand_forms(data.get("neutral_after", []), endings), before=False),
            factual_when_dated=bool(data.get("factual_when_dated", False)),
        )

    def is_neutral(self, text: str, start: int, end: int) -> bool:
        before = self.neutral_before and self.neutral_before.search(text, max(0, start - _CONTEXT_WINDOW), start)
        after = self.neutral_after and self.neutral_after.match(text[end : end + _CONTEXT_WINDOW])
        return bool(before or after or (self.factual_when_dated and is_dated(text, start, end)))


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januari|februari|maart|mei|juni|juli|augustus|oktober"
)
_YEAR = r"(?:19|20)\d\d"
# right after the term: "the attack of (12) February 2015", "de aanslag in Parijs in 2015", "attacks (2015)"
_DATED_AFTER = re.compile(
    rf"^[^.;:!?]{{0,40}}?(?<!\w)(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})\s+)?{_YEAR}(?!\w)", re.IGNORECASE
)
# right before it: "the 2015 attacks", "the 13 November attack", "de aanslag van 7 januari"
_DATED_BEFORE = re.compile(rf"(?<!\w)(?:{_YEAR}|\d{{1,2}}\s+(?:{_MONTHS}))(?:\s+[\w-]+)?\s*$", re.IGNORECASE)
_DAY_MONTH_AFTER = re.compile(rf"^\s+(?:of|on|van|op)\s+\d{{1,2}}\s+(?:{_MONTHS})(?!\w)", re.IGNORECASE)


def is_dated(text: str, start: int, end: int) -> bool:
    """Whether the words at start..end name a dated event ("the attack of February 2015"): a fact, not framing."""
    after = text[end : end + 60]
    return bool(
        _DATED_AFTER.match(after)
        or _DAY_MONTH_AFTER.match(after)
        or _DATED_BEFORE.search(text[max(0, start - 30) : start])
    )


@lru_cache(maxsize=2048)
def _beginnings(lowered: str) -> frozenset[str]:
    """The first three letters of each word of a text (all of a shorter word); remembered, as one check reads the
    same text with several word lists, until `forget_texts()`, which the checker calls at the end of each check."""
    return frozenset(_WORD_START.findall(lowered))


def forget_texts() -> None:
    """Drop what is remembered of the texts read, so no plan's words stay in memory after its check."""
    _beginnings.cache_clear()


def _is_word_letter(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches


def _word_starts(lowered: str, start: str) -> Iterator[int]:
    """Where a word of `lowered` begins with `start` (a shorter `start` is a whole word)."""
    at = lowered.find(start)
    while at != -1:
        end = at + len(start)
        if (at == 0 or not _is_word_letter(lowered[at - 1])) and (
            len(start) >= 3 or end == len(lowered) or not _is_word_letter(lowered[end])
        ):
            yield at
        at = lowered.find(start, at + 1)


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
        self._start_keys = frozenset(self._by_start)
        self._inside_by_anchor: dict[str, list[Entry]] = defaultdict(list)
        for entry, anchors in self._inside.items():
            for anchor in anchors:
                self._inside_by_anchor[anchor].append(entry)

    def _occurrences(self, text: str) -> Iterator[tuple[Entry, re.Match]]:
        lowered = text.lower()
        # The indexed beginnings the text holds, found in one pass; only where those begin a word is an entry tried.
        for start in self._start_keys.intersection(_beginnings(lowered)):
            # A few letters change length when lowered ("İ"): there, words are found in the text as written.
            places = (
                _word_starts(lowered, start)
                if len(lowered) == len(text)
                else (w.start() for w in _WORD_START.finditer(text) if w.group(1).lower() == start)
            )
            for at in places:
                for entry in self._by_start[start]:
                    m = entry.pattern.match(text, at)
                    if m:
                        yield entry, m
        inside = {e for anchor, entries in self._inside_by_anchor.items() if anchor in lowered for e in entries}
        for entry in self._inside:  # in the word list's order
            if entry in inside:
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


class WordSet:
    """A plain list of forms (same patterns as the word lists) to ask whether a text contains any of them."""

    def __init__(self, forms: list[str], endings: tuple[str, ...] = ("",)):
        self.forms = tuple(expand_forms(forms, endings))
        self.pattern = _any_of(self.forms) if self.forms else None
        # Indexed like a word list: a text is only tried against the forms whose first letters it holds.
        groups: dict[tuple[str, bool], list[str]] = defaultdict(list)
        for form in self.forms:
            groups[_anchor(form)].append(form)
        self._by_start = {anchor: _any_of(fs) for (anchor, inside), fs in groups.items() if not inside}
        self._inside = {anchor: _any_of(fs) for (anchor, inside), fs in groups.items() if inside}

    def search(self, text: str) -> re.Match | None:
        """The first place in `text` where one of the forms occurs."""
        if self.pattern is None:
            return None
        lowered = text.lower()
        if len(lowered) != len(text):
            return self.pattern.search(text)  # a letter that changes length when lowered ("İ")
        found = []
        for start in self._by_start.keys() & _beginnings(lowered):
            pattern = self._by_start[start]
            m = next(filter(None, (pattern.match(text, at) for at in _word_starts(lowered, start))), None)
            if m:
                found.append(m)
        found.extend(m for anchor, p in self._inside.items() if anchor in lowered and (m := p.search(text)))
        return min(found, key=lambda m: m.start(), default=None)

    def match_at(self, text: str, start: int) -> re.Match | None:
        """A form that starts at `start`, after any spaces or hyphens."""
        if self.pattern is None:
            return None
        m = re.compile(r"[\s-]*").match(text, start)
        return self.pattern.match(text, m.end() if m else start)


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
    endings = tuple(data.get("endings", [""]))
    return Lexicon([Entry.from_data(e, endings) for e in data["entries"]])


@lru_cache(maxsize=64)
def harsh_terms(lang: str, accepted: frozenset[str] = frozenset()) -> Lexicon:
    """Harsh security and religious terms in `lang`, minus those the plan accepts."""
    return _lexicon("terms", lang).without(accepted)


def identity_words(lang: str) -> Lexicon:
    """Words naming a religion, ethnicity or nationality in `lang`."""
    return _lexicon("identity", lang)


@cache
def word_set(kind: str, name: str, lang: str) -> WordSet:
    """The list `name` of the data file `kind_lang.json` (such as the risk words of the identity file)."""
    source = _DATA / f"{kind}_{lang}.json"
    if not source.is_file():
        raise ValueError(f"there is no word list '{kind}' for the language '{lang}' (known: {', '.join(languages())})")
    data = json.loads(source.read_text(encoding="utf-8"))
    return WordSet(data.get(name, []), tuple(data.get("endings", [""])))
