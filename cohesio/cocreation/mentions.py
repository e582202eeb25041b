"""Finding mentions in a comment: "@" followed by an e-mail address, or "@[Full Name]"."""

import re
from dataclasses import dataclass

EMAIL_MENTION = re.compile(r"@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
NAME_MENTION = re.compile(r"@\[([^\[\]\n]{1,200})\]")


@dataclass(frozen=True)
class Mentions:
    emails: frozenset[str]  # lower case
    names: frozenset[str]  # case-folded, inner spaces collapsed

    def __bool__(self) -> bool:
        return bool(self.emails or self.names)


def normal_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_mentions(text: str) -> Mentions:
    """The e-mail addresses and names mentioned in `text`."""
    emails = frozenset(m.lower() for m in EMAIL_MENTION.findall(text))
    names = frozenset(normal_name(m) for m in NAME_MENTION.findall(text) if m.strip())
    return Mentions(emails=emails, names=names)
