"""Findings about what a partner wrote about themselves, as readers who may not read it see them: that the check
found something there, and where, but not what it says.

A finding points at a partner's interests, doubts or conditions by its path; its message may quote that text
(LAP006 quotes the words it found). For a reader whose `PrivateReading` does not cover that partner, the
message and hint are replaced by neutral ones, the quoted parameters dropped, and the acceptance's reason left
out; its code, severity, place and whether it is accepted stay, so the counts are the same for every reader.
"""

from collections.abc import Callable
from dataclasses import replace

from cohesio.format.document import PlanDocument
from cohesio.format.private import PrivateReading, private_partner
from cohesio.format.vocabulary import _

from .findings import Finding, Group

# Neutral whatever the finding said: that something was written, or that nothing was (LAP065).
MASKED_MESSAGE = _(
    "The check has a finding about {partner}'s interests, doubts or conditions for taking part. Only {partner}, "
    "the coordinator and the data-protection officer read those, so it is not shown here."
)
MASKED_HINT = _("The coordinator sees this finding in full and can talk it through with {partner}.")
MASKED_GROUP = Group(
    _(
        "The check has findings about the interests, doubts or conditions of {count} partners. Only each partner, "
        "the coordinator and the data-protection officer read those, so they are not shown here."
    ),
    _("The coordinator sees these findings in full and can talk them through with each partner."),
)


def is_masked(finding: Finding) -> bool:
    """Whether `finding` is one that `findings_for` hid from its reader."""
    return finding.message_id == MASKED_MESSAGE


def _masked(finding: Finding, partner: str) -> Finding:
    return replace(
        finding,
        message=MASKED_MESSAGE.format(partner=partner),
        hint=MASKED_HINT.format(partner=partner),
        message_id=MASKED_MESSAGE,
        hint_id=MASKED_HINT,
        params={"partner": partner},
        group=f"{finding.group}:private" if finding.group else "",
        group_text=MASKED_GROUP if finding.group else None,
    )


def findings_for(findings: list[Finding], doc: PlanDocument, reading: PrivateReading) -> list[Finding]:
    """The findings (untranslated, on `doc`) as a reader with `reading` sees them: those about a partner's
    private text that the reader may not read are masked; all others are the same objects."""
    if reading.every:
        return findings
    partners = doc.network.partners
    keys = [p.key for p in partners]
    names = {p.key: p.name for p in partners}
    shown = []
    for finding in findings:
        key = private_partner(finding.path, keys)
        shown.append(finding if key is None or reading.reads(key) else _masked(finding, names.get(key, "")))
    return shown


def finding_dicts_for(
    findings: list[dict], document: dict, reading: PrivateReading, gettext: Callable[[str], str]
) -> list[dict]:
    """Stored findings (`Finding.to_dict()` with their acceptance, as a published version keeps them, on the
    JSON dump `document`) as a reader with `reading` sees them, the masked ones in `gettext`'s language."""
    if reading.every:
        return findings
    partners = [p for p in (document.get("network") or {}).get("partners") or [] if isinstance(p, dict)]
    keys = [p.get("key") for p in partners]
    names = {p.get("key"): p.get("name", "") for p in partners}
    shown = []
    for finding in findings:
        key = private_partner(str(finding.get("path", "")), keys)
        if key is None or reading.reads(key):
            shown.append(finding)
            continue
        partner = names.get(key, "")
        acknowledged = finding.get("acknowledged")
        shown.append(
            {
                **finding,
                "message": gettext(MASKED_MESSAGE).format(partner=partner),
                "hint": gettext(MASKED_HINT).format(partner=partner),
                "group": f"{finding['group']}:private" if finding.get("group") else finding.get("group"),
                "acknowledged": {**acknowledged, "reason": ""} if isinstance(acknowledged, dict) else acknowledged,
            }
        )
    return shown
