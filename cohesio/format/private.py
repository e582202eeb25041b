"""What partners write about themselves (interests, doubts, conditions for taking part), and a plan document
without it for readers who may not read it.

Who may read it is decided in one place, `cohesio.core.permissions` ("partner.read_private"); the Django side
turns that answer into a `PrivateReading` per reader and plan, and everything that hands out the plan (the JSON
download, the API, exports, versions and their comparison, the checker's findings) passes its copy of the
document through `redacted_data` or `redacted_document` first. The cached document itself is never changed.
"""

import re
from dataclasses import dataclass

from .document import PlanDocument

# The fields of a partner that only that partner, the coordinator and the data-protection officer read.
PRIVATE_FIELDS = ("interests", "doubts", "conditions")

_PRIVATE_PATH = re.compile(r"^\$\.network\.partners\[([^\]]+)\]\.(" + "|".join(PRIVATE_FIELDS) + r")$")


@dataclass(frozen=True)
class PrivateReading:
    """Whose interests, doubts and conditions one reader may read: every partner's (`every`), or only those of
    the partners whose keys are in `keys` (their own record, for a partner)."""

    every: bool = False
    keys: frozenset[str] = frozenset()

    def reads(self, partner_key: str | None) -> bool:
        return self.every or (partner_key is not None and partner_key in self.keys)


EVERY = PrivateReading(every=True)
NOBODY = PrivateReading()


def private_partner(path: str, partner_keys: list[str]) -> str | None:
    """The key of the partner whose private text `path` points at (`$.network.partners[3].doubts`, or with the
    key in the brackets), or None when the path points anywhere else. `partner_keys` are the document's partner
    keys in order, to read a position."""
    match = _PRIVATE_PATH.match(path)
    if match is None:
        return None
    index = match.group(1)
    if index.isdigit():
        return partner_keys[int(index)] if int(index) < len(partner_keys) else None
    return index


def _hidden(partner: dict, reading: PrivateReading) -> bool:
    return not reading.reads(partner.get("key")) and any(partner.get(name) for name in PRIVATE_FIELDS)


def redacted_data(data: dict, reading: PrivateReading) -> dict:
    """A document's JSON dump with the private texts of the partners `reading` does not cover left blank.

    `data` itself when nothing needs hiding; otherwise a copy that shares everything but the network part, so
    a cached or stored document is never changed.
    """
    network = data.get("network")
    partners = network.get("partners") if isinstance(network, dict) else None
    if reading.every or not isinstance(partners, list):
        return data
    if not any(isinstance(p, dict) and _hidden(p, reading) for p in partners):
        return data
    blank = dict.fromkeys(PRIVATE_FIELDS, "")
    shown = [{**p, **blank} if isinstance(p, dict) and _hidden(p, reading) else p for p in partners]
    return {**data, "network": {**network, "partners": shown}}


def redacted_document(doc: PlanDocument, reading: PrivateReading) -> PlanDocument:
    """`doc` with the private texts of the partners `reading` does not cover left blank (`doc` itself when
    nothing needs hiding; the original is never changed)."""
    if reading.every:
        return doc
    blank = dict.fromkeys(PRIVATE_FIELDS, "")
    partners = doc.network.partners
    hidden = [not reading.reads(p.key) and any(getattr(p, name) for name in PRIVATE_FIELDS) for p in partners]
    if not any(hidden):
        return doc
    shown = [p.model_copy(update=blank) if hide else p for p, hide in zip(partners, hidden, strict=True)]
    return doc.model_copy(update={"network": doc.network.model_copy(update={"partners": shown})})
