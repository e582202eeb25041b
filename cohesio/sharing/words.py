"""A sharing rule in words for the people who apply it: labels of its fixed terms, never their codes.

Works on a stored rule (cohesio.sharing.models.SharingRule) and on one of the open format alike: both hold the
same codes under the same names."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohesio.core.choices import label
from cohesio.format.vocabulary import (
    CaseRole,
    LegalBasis,
    ReceiverUse,
    RetentionStart,
    RetentionUnit,
    SharingChannel,
    SharingCondition,
    SharingPurpose,
)


@dataclass(frozen=True)
class RuleWords:
    purposes: list[str]
    legal_bases: list[str]
    legal_reference: str
    recipients: list[str]  # organisations, then roles in a case
    conditions: list[str]
    channel: str
    receiver_use: str
    onward_sharing: str
    retention: str  # "Kept for 2 years from the day the case is closed"
    valid_until: object  # a date or None


def labels(enum, codes) -> list[str]:
    return [label(enum, code) for code in codes or ()]


def retention_words(amount, unit, start) -> str:
    """How long a receiver keeps it, as a sentence; "" when the rule does not say."""
    if not amount:
        return ""
    units = {
        RetentionUnit.DAYS: ngettext("%(n)d day", "%(n)d days", amount),
        RetentionUnit.MONTHS: ngettext("%(n)d month", "%(n)d months", amount),
        RetentionUnit.YEARS: ngettext("%(n)d year", "%(n)d years", amount),
    }
    duration = units.get(unit, units[RetentionUnit.MONTHS]) % {"n": amount}
    return _("Kept for %(duration)s %(start)s") % {"duration": duration, "start": label(RetentionStart, start)}


def rule_words(rule, recipient_names: list[str]) -> RuleWords:
    """`rule` in words; `recipient_names` are the names of the organisations it names."""
    roles = labels(CaseRole, rule.recipient_roles)
    if roles and not recipient_names:
        roles = [_("%(role)s, whichever organisation they work for") % {"role": role} for role in roles]
    elif roles:
        roles = [_("Only their people in these roles in the case: %(roles)s") % {"roles": ", ".join(roles)}]
    return RuleWords(
        purposes=labels(SharingPurpose, rule.purposes),
        legal_bases=labels(LegalBasis, rule.legal_bases),
        legal_reference=rule.legal_reference,
        recipients=[*recipient_names, *roles],
        conditions=labels(SharingCondition, rule.conditions),
        channel=label(SharingChannel, rule.channel or ""),
        receiver_use=label(ReceiverUse, rule.receiver_use or ""),
        onward_sharing=_("Yes, the receiver may pass it on") if rule.onward_sharing else _("No, not to anyone else"),
        retention=retention_words(rule.retention_amount, rule.retention_unit, rule.retention_from),
        valid_until=rule.valid_until,
    )
