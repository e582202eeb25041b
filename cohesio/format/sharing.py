"""May this information pass from its holder to this recipient, now, for this purpose? Decided from the plan document.

`may_share` is the one place the information-sharing agreement is enforced: the case consultation asks it before
every contribution, the protocol pages and the matrix show what it would answer. It is pure (no Django), total
(every input gets a decision, never an exception) and denies unless a rule of an agreement in force allows it.
Each decision carries a plain sentence for the person who is about to share.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .document import Agreement, PlanDocument, Sharing, SharingRule
from .vocabulary import (
    GDPR_ARTICLE_6,
    GDPR_ARTICLE_9,
    NEVER_ALLOWED_PURPOSES,
    PERSONAL_DATA,
    AgreementState,
    CaseRole,
    LegalBasis,
    Sensitivity,
    SharingCondition,
    SharingPurpose,
    _,
)
from .words import Words


@dataclass(frozen=True)
class CaseFacts:
    """What is known about the case the information would be shared in."""

    case_opened: bool = False
    consent: bool = False
    minor: bool = False
    school_involved: bool = False
    serious_risk: bool = False


@dataclass(frozen=True)
class Recipient:
    """Who would receive it: a person of an organisation, in a role in the case (or none)."""

    organisation: str
    role: str | None = None


@dataclass(frozen=True)
class Decision:
    allowed: bool
    rule_key: str | None
    words: Words  # the reason as a sentence; the Django layer renders it with its own gettext

    @property
    def reason(self) -> str:
        return self.words.render()

    def __bool__(self) -> bool:
        return self.allowed


def _deny(template: str, rule_key: str | None = None, **params) -> Decision:
    return Decision(False, rule_key, Words(template, params))


CONDITION_HOLDS = {
    SharingCondition.CASE_OPENED: lambda facts: facts.case_opened,
    SharingCondition.CONSENT: lambda facts: facts.consent,
    SharingCondition.MINOR_WITH_SCHOOL: lambda facts: facts.minor and facts.school_involved,
    SharingCondition.SERIOUS_RISK: lambda facts: facts.serious_risk,
}

# how far a rule got before it refused: the furthest refusal is the one worth telling
_RECIPIENT, _PURPOSE, _PERIOD, _BASIS, _CONDITION = range(5)


def has_legal_basis(rule: SharingRule, sensitivity: Sensitivity) -> bool:
    """Whether the rule names grounds in law enough for information of this sensitivity."""
    bases = set(rule.legal_bases)
    national = LegalBasis.NATIONAL_LAW in bases and bool(rule.legal_reference.strip())
    if sensitivity == Sensitivity.SENSITIVE:
        return bool(bases & GDPR_ARTICLE_9) or national
    if sensitivity == Sensitivity.PERSONAL:
        return bool(bases & GDPR_ARTICLE_6) or national
    return True


def signed_current_version(agreement: Agreement, organisation: str, at_date: date) -> bool:
    return any(
        s.organisation == organisation
        and s.version == agreement.version
        and s.signed_on is not None
        and s.signed_on <= at_date
        for s in agreement.signatories
    )


def in_force(agreement: Agreement | None, at_date: date) -> bool:
    return (
        agreement is not None
        and agreement.state == AgreementState.IN_FORCE
        and agreement.in_force_from is not None
        and agreement.in_force_from <= at_date
    )


def names_recipient(rule: SharingRule, recipient: Recipient) -> bool:
    """A rule names its recipients by organisation, by role in the case, or both (a participant from youth work);
    a rule that names neither names no one."""
    if not rule.recipients and not rule.recipient_roles:
        return False
    organisation_fits = not rule.recipients or recipient.organisation in rule.recipients
    role_fits = not rule.recipient_roles or recipient.role in rule.recipient_roles
    return organisation_fits and role_fits


def _as_date(value) -> date | None:
    return value if isinstance(value, date) else None


def may_share(
    doc: PlanDocument,
    *,
    information_type: str,
    holder: str,
    recipient: Recipient | str,
    purpose: str,
    at_date: date,
    case_facts: CaseFacts | None = None,
) -> Decision:
    """Whether `holder` may share `information_type` with `recipient` for `purpose` on `at_date`, and why (not)."""
    try:
        return _decide(doc, information_type, holder, recipient, purpose, at_date, case_facts or CaseFacts())
    except Exception:  # total: a malformed question is a refusal, never a crash in the middle of a consultation
        return _deny(_("Cohesio could not read this request, so nothing may be shared. Ask the coordinator."))


def _decide(doc, information_type, holder, recipient, purpose, at_date, facts) -> Decision:
    if isinstance(recipient, str):
        recipient = Recipient(recipient)
    at_date = _as_date(at_date)
    refusal = _question_refusal(purpose, at_date)
    if refusal is not None:
        return refusal
    organisations = {o.key: o.name for o in doc.network.organisations}
    kind = next((t for t in doc.sharing.information_types if t.key == information_type), None)
    if kind is None:
        return _deny(_("The agreement does not list this type of information, so it may not be shared."))
    if kind.organisation != holder:
        return _deny(
            _("{holder} does not hold '{information}' under the agreement, so it cannot share it."),
            holder=organisations.get(holder, holder),
            information=kind.name,
        )
    refusal = _agreement_refusal(doc.sharing.agreement, (holder, recipient.organisation), organisations, at_date)
    if refusal is not None:
        return refusal
    rules = [r for r in doc.sharing.rules if r.information_type == information_type]
    if not rules:
        return _deny(_("No rule of the agreement allows sharing '{information}'."), information=kind.name)
    receiver_name = organisations.get(recipient.organisation, recipient.organisation)
    best: tuple[int, Decision] | None = None
    for rule in rules:
        stage, decision = _try_rule(rule, kind, recipient, receiver_name, SharingPurpose(purpose), at_date, facts)
        if decision.allowed:
            return decision
        if best is None or stage > best[0]:
            best = (stage, decision)
    return best[1]


def _question_refusal(purpose, at_date) -> Decision | None:
    if at_date is None:
        return _deny(_("Without the date of sharing, nothing may be shared."))
    if purpose in NEVER_ALLOWED_PURPOSES:
        return _deny(
            _(
                "Information is never shared under this prevention agreement for a criminal investigation; "
                "the police use their own legal powers for that."
            )
        )
    if purpose not in set(SharingPurpose):
        return _deny(_("This is not a purpose the agreement knows, so nothing may be shared for it."))
    return None


def _agreement_refusal(agreement, parties, organisations, at_date) -> Decision | None:
    """Why the agreement allows nothing between these organisations on this day, or None."""
    if agreement is None:
        return _deny(_("There is no information-sharing agreement yet, so nothing may be shared."))
    if not in_force(agreement, at_date):
        if agreement.state == AgreementState.DRAFT:
            return _deny(
                _("Version {version} of the agreement is a draft that is not yet in force: nothing may be shared."),
                version=agreement.version,
            )
        return _deny(_("The agreement is not in force on this date, so nothing may be shared."))
    for organisation in parties:
        if not signed_current_version(agreement, organisation, at_date):
            return _deny(
                _("{organisation} has not signed version {version} of the agreement, so nothing may be shared."),
                organisation=organisations.get(organisation, organisation),
                version=agreement.version,
            )
    return None


def _try_rule(rule, kind, recipient, receiver_name, purpose, at_date, facts) -> tuple[int, Decision]:
    if not names_recipient(rule, recipient):
        return _RECIPIENT, _deny(
            _("No rule allows sharing '{information}' with {recipient} in this role."),
            rule.key,
            information=kind.name,
            recipient=receiver_name,
        )
    if purpose not in rule.purposes:
        return _PURPOSE, _deny(
            _("The rule for '{information}' does not allow sharing it for this purpose."),
            rule.key,
            information=kind.name,
        )
    if rule.valid_until is not None and at_date > rule.valid_until:
        return _PERIOD, _deny(
            _("The rule for '{information}' ended on {day}."), rule.key, information=kind.name, day=rule.valid_until
        )
    if kind.sensitivity in PERSONAL_DATA and (not has_legal_basis(rule, kind.sensitivity) or not rule.retention_amount):
        return _BASIS, _deny(
            _("The rule for '{information}' has no complete legal basis or retention period, so it allows nothing."),
            rule.key,
            information=kind.name,
        )
    missing = [c for c in rule.conditions if not CONDITION_HOLDS[c](facts)]
    if missing:
        return _CONDITION, _deny(
            _("'{information}' may not be shared yet: {condition}."),
            rule.key,
            information=kind.name,
            condition=_condition_text(missing),
        )
    return _CONDITION, Decision(
        True,
        rule.key,
        Words(
            _("{information} may be shared with {recipient} under rule {rule}."),
            {"information": kind.name, "recipient": receiver_name, "rule": rule.key},
        ),
    )


def _condition_text(conditions: Iterable[SharingCondition]) -> str:
    return "; ".join(c.label.lower() for c in conditions)


@dataclass(frozen=True)
class Column:
    """A receiver in the matrix: an organisation, or a role in a case whoever holds it."""

    organisation: str | None = None
    role: CaseRole | None = None


@dataclass(frozen=True)
class Flow:
    """One type of information one rule lets pass from the organisation holding it to one receiver."""

    holder: str
    information_type: str
    rule: SharingRule
    column: Column
    roles: tuple[CaseRole, ...] = ()  # for an organisation's column: only its people in these roles in the case


def flows(sharing: Sharing) -> list[Flow]:
    """Every receiver each rule names, in the order of the rules, whether or not the agreement is in force.

    A rule naming organisations gives a flow to each (limited to its roles, if it names any); a rule naming only
    roles gives a flow to each role, whatever organisation the person in it comes from."""
    types = {t.key: t for t in sharing.information_types}
    found = []
    for rule in sharing.rules:
        kind = types.get(rule.information_type)
        if kind is None:
            continue
        roles = tuple(CaseRole(r) for r in rule.recipient_roles)
        if rule.recipients:
            found += [Flow(kind.organisation, kind.key, rule, Column(organisation=o), roles) for o in rule.recipients]
        else:
            found += [Flow(kind.organisation, kind.key, rule, Column(role=r)) for r in roles]
    return found


@dataclass(frozen=True)
class Matrix:
    """What may flow from each holding organisation (rows) to each receiver (columns); a missing cell is a no."""

    holders: list[str]
    columns: list[Column]
    cells: dict[tuple[str, Column], list[Flow]]

    def cell(self, holder: str, column: Column) -> list[Flow]:
        return self.cells.get((holder, column), [])


def sharing_matrix(
    sharing: Sharing,
    organisations: list[str],
    *,
    information_type: str | None = None,
    purpose: str | None = None,
) -> Matrix:
    """The matrix of `flows`, only for one type of information or one purpose when given. Rows and columns are
    the organisations that hold or receive something, in the order of `organisations` (the plan's), then roles."""
    chosen = [
        f
        for f in flows(sharing)
        if (information_type is None or f.information_type == information_type)
        and (purpose is None or purpose in f.rule.purposes)
    ]
    order = {key: i for i, key in enumerate(organisations)}
    last = len(order)
    roles = list(CaseRole)

    def column_order(column: Column) -> tuple[int, int]:
        if column.organisation is not None:
            return (0, order.get(column.organisation, last))
        return (1, roles.index(column.role))

    cells: dict[tuple[str, Column], list[Flow]] = {}
    for f in chosen:
        cells.setdefault((f.holder, f.column), []).append(f)
    holders = sorted({f.holder for f in chosen}, key=lambda key: order.get(key, last))
    columns = sorted({f.column for f in chosen}, key=column_order)
    return Matrix(holders, columns, cells)


def organisations_to_sign(sharing: Sharing) -> set[str]:
    """The organisations that hold or receive information under a rule: each must sign the agreement."""
    every = flows(sharing)
    return {f.holder for f in every} | {f.column.organisation for f in every if f.column.organisation is not None}


def not_signed(sharing: Sharing, at_date: date) -> set[str]:
    """The organisations that hold or receive under a rule and had not signed the current version on `at_date`."""
    agreement = sharing.agreement
    if agreement is None:
        return organisations_to_sign(sharing)
    return {o for o in organisations_to_sign(sharing) if not signed_current_version(agreement, o, at_date)}


__all__ = [
    "CaseFacts",
    "CaseRole",
    "Column",
    "Decision",
    "Flow",
    "Matrix",
    "Recipient",
    "flows",
    "in_force",
    "may_share",
    "not_signed",
    "organisations_to_sign",
    "sharing_matrix",
]
