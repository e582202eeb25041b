"""The information-sharing agreement and each organisation's protocol, in plain sentences, from the plan document.

`protocol(doc, organisation, today=...)` tells one organisation what it may share, with whom, for what, how, what
the receiver does with it, how long it is kept and on what grounds; what it may receive and what it may do with
that; and whom to ask. `agreement_text(doc, today=...)` says the same of every rule, grouped by the organisation
that holds the information, with the agreement's version and signatures.

Pure, like the checker: every sentence is `Words`, an English template marked with `_()` (or `ngettext()` when it
depends on a number) and its values. The Django layer translates and fills them in with `Words.render` and its
own gettext; vocabulary values inside (a purpose, a channel) are translated as labels. Names people wrote (an
organisation, an information type, a person) are left as they are. These are internal documents for the people in
the plan: they name people (the coordinator, who signed); the public version of the plan names none.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .document import Agreement, InformationType, Partner, PlanDocument, SharingRule
from .sharing import has_legal_basis, in_force, signed_current_version
from .vocabulary import (
    PERSONAL_DATA,
    AgreementState,
    LegalBasis,
    NetworkKind,
    PartnerStatus,
    ReceiverUse,
    RetentionUnit,
    SharingChannel,
    _,
)
from .words import ENGLISH, Label, Listing, Translator, Words, ngettext, w

# --- what a rule says -------------------------------------------------------------------------------------------

CHANNEL = {
    SharingChannel.SECURE_MODULE: _("Pass it on through the secure case module."),
    SharingChannel.CASE_MEETING: _("Tell it in the case meeting only; do not hand it over."),
    SharingChannel.SECURE_EMAIL: _("Send it by secure e-mail."),
    SharingChannel.PHONE: _("Tell it by phone and note in the case file that you did."),
    SharingChannel.ANONYMOUS_SUMMARY: _("Pass on only an anonymous summary or figures, nothing about a person."),
}
NO_CHANNEL = _("The agreement does not say yet how to pass it on: ask the coordinator before you share it.")

# what the receiver does with it, and whether they may pass it on
RECEIVER = {
    (ReceiverUse.KNOW_ONLY, False): _(
        "They use it in the consultation only, do not write it down and may not pass it on."
    ),
    (ReceiverUse.KNOW_ONLY, True): _(
        "They use it in the consultation only and do not write it down; they may pass it on under this agreement."
    ),
    (ReceiverUse.NOTE_IN_CASE, False): _("They note it in the case file and may not pass it on."),
    (ReceiverUse.NOTE_IN_CASE, True): _("They note it in the case file and may pass it on under this agreement."),
    (ReceiverUse.USE_FOR_SUPPORT, False): _("They use it to plan and give support and may not pass it on."),
    (ReceiverUse.USE_FOR_SUPPORT, True): _(
        "They use it to plan and give support and may pass it on under this agreement."
    ),
    (None, False): _("The agreement does not say yet what they may do with it; they may not pass it on."),
    (None, True): _(
        "The agreement does not say yet what they may do with it; they may pass it on under this agreement."
    ),
}

# the same, told to the one who receives it
YOUR_USE = {
    ReceiverUse.KNOW_ONLY: _("Use it in the consultation only; do not write it down."),
    ReceiverUse.NOTE_IN_CASE: _("Note it in the case file."),
    ReceiverUse.USE_FOR_SUPPORT: _("Use it to plan and give support."),
    None: _("Not agreed yet: ask the coordinator."),
}
YOUR_ONWARD = {False: _("Do not pass it on."), True: _("You may pass it on under this agreement.")}

# labels of the texts beside the structured rule, in the partners' own words
EXPLANATIONS = (
    ("purpose", _("Purpose")),
    ("why", _("Why")),
    ("when", _("When")),
    ("how", _("How")),
    ("retention", _("How long it is kept")),
)


def retention_period(rule: SharingRule) -> Words | None:
    """ "2 years from the day the case is closed", or None when the rule sets no period."""
    n = rule.retention_amount
    if not n:
        return None
    start = Label(rule.retention_from)
    if rule.retention_unit == RetentionUnit.DAYS:
        return ngettext("{amount} day {start}", "{amount} days {start}", n, amount=n, start=start)
    if rule.retention_unit == RetentionUnit.YEARS:
        return ngettext("{amount} year {start}", "{amount} years {start}", n, amount=n, start=start)
    return ngettext("{amount} month {start}", "{amount} months {start}", n, amount=n, start=start)


class _Index:
    """The names rules refer to by key, the agreement, and the day the documents are made for."""

    def __init__(self, doc: PlanDocument, today: date):
        self.doc = doc
        self.today = today
        self.agreement: Agreement | None = doc.sharing.agreement
        self._organisations = {o.key: o.name for o in doc.network.organisations}
        self._kinds = {t.key: t for t in doc.sharing.information_types}
        self._partners = {p.key: p for p in doc.network.partners}

    def organisation(self, key: str | None) -> str:
        return self._organisations.get(key or "", key or "")

    def kind(self, key: str) -> InformationType | None:
        return self._kinds.get(key)

    def partner(self, key: str | None) -> Partner | None:
        return self._partners.get(key or "")

    def signed(self, organisation: str) -> bool:
        return self.agreement is not None and signed_current_version(self.agreement, organisation, self.today)


def _recipients(rule: SharingRule, ix: _Index) -> Words | Listing | None:
    roles = Listing(tuple(Label(r) for r in rule.recipient_roles), any_of=True)
    organisations = Listing(tuple(ix.organisation(k) for k in rule.recipients), any_of=bool(rule.recipient_roles))
    if rule.recipients and rule.recipient_roles:
        return w(_("{roles} from {organisations}"), roles=roles, organisations=organisations)
    if rule.recipient_roles:
        return w(_("{roles}, whatever their organisation"), roles=roles)
    return organisations if rule.recipients else None


def _what(rule: SharingRule, kind: InformationType, ix: _Index, you: bool) -> Words:
    """Who may share what with whom, for what, and when."""
    recipients = _recipients(rule, ix)
    if recipients is None:
        return w(
            _("No one is named to receive '{information}' yet, so this rule allows nothing."), information=kind.name
        )
    if not rule.purposes:
        return w(
            _("No purpose is named for sharing '{information}' yet, so this rule allows nothing."),
            information=kind.name,
        )
    params = {
        "information": kind.name,
        "holder": ix.organisation(kind.organisation),
        "recipients": recipients,
        "purposes": Listing(tuple(Label(p) for p in rule.purposes), any_of=True),
        "conditions": Listing(tuple(Label(c) for c in rule.conditions)),
    }
    if rule.conditions and you:
        return Words(_("You may share '{information}' with {recipients}, for {purposes}, {conditions}."), params)
    if rule.conditions:
        return Words(_("{holder} may share '{information}' with {recipients}, for {purposes}, {conditions}."), params)
    if you:
        return Words(_("You may share '{information}' with {recipients}, for {purposes}."), params)
    return Words(_("{holder} may share '{information}' with {recipients}, for {purposes}."), params)


def _kept(rule: SharingRule, kind: InformationType) -> Words:
    period = retention_period(rule)
    if period is not None:
        return w(_("It is kept {period}."), period=period)
    if kind.sensitivity in PERSONAL_DATA:
        return w(_("No retention period is set for it yet, so it may not be shared: ask the coordinator."))
    return w(_("No retention period is set for it."))


def _grounds(rule: SharingRule, kind: InformationType) -> Words:
    """The grounds in law, in words; a personal-data rule without enough of them allows nothing (as may_share)."""
    if kind.sensitivity in PERSONAL_DATA and not has_legal_basis(rule, kind.sensitivity):
        return w(_("No complete grounds in law are named for it yet, so it may not be shared: ask the coordinator."))
    bases = Listing(tuple(Label(b) for b in rule.legal_bases if b != LegalBasis.NATIONAL_LAW))
    reference = rule.legal_reference.strip() if LegalBasis.NATIONAL_LAW in rule.legal_bases else ""
    if reference and bases.items:
        return w(
            _("It is shared on the grounds of {bases} and national law: {reference}."), bases=bases, reference=reference
        )
    if reference:
        return w(_("It is shared on the grounds of national law: {reference}."), reference=reference)
    if bases.items:
        return w(_("It is shared on the grounds of {bases}."), bases=bases)
    return w(_("It holds no personal information, so it needs no grounds in law."))


def _period_of_rule(rule: SharingRule, today: date) -> list[Words]:
    if rule.valid_until is None:
        return []
    if rule.valid_until < today:
        return [w(_("This rule ended on {day}: it allows nothing now."), day=rule.valid_until)]
    return [w(_("This rule ends on {day}."), day=rule.valid_until)]


def _unsigned_recipients(rule: SharingRule, ix: _Index) -> list[Words]:
    """Recipients who have not signed the agreement's current version: nothing may go to them yet."""
    if ix.agreement is None:
        return []
    unsigned = [ix.organisation(k) for k in rule.recipients if not ix.signed(k)]
    if not unsigned:
        return []
    return [
        ngettext(
            "Not with {organisations} yet: it has not signed version {version} of the agreement.",
            "Not with {organisations} yet: they have not signed version {version} of the agreement.",
            len(unsigned),
            organisations=Listing(tuple(unsigned)),
            version=ix.agreement.version,
        )
    ]


@dataclass(frozen=True)
class RuleText:
    """One rule in words: the structured rule as sentences, and the texts that explain it (label, text)."""

    key: str
    information: str
    holder: str
    holder_name: str
    sentences: tuple[Words, ...]
    explanations: tuple[tuple[str, str], ...]
    described_legal_basis: str = ""


def rule_text(rule: SharingRule, ix: _Index, *, you: bool) -> RuleText | None:
    """The rule in words, told to its holder (`you`) or about it; None for a rule of an unknown information type."""
    kind = ix.kind(rule.information_type)
    if kind is None:
        return None
    sentences = [
        _what(rule, kind, ix, you),
        w(CHANNEL[rule.channel] if rule.channel else NO_CHANNEL),
        w(RECEIVER[(rule.receiver_use, rule.onward_sharing)]),
        _kept(rule, kind),
        _grounds(rule, kind),
        *_period_of_rule(rule, ix.today),
        *_unsigned_recipients(rule, ix),
    ]
    explanations = tuple((label, getattr(rule, name)) for name, label in EXPLANATIONS if getattr(rule, name).strip())
    return RuleText(
        key=rule.key,
        information=kind.name,
        holder=kind.organisation,
        holder_name=ix.organisation(kind.organisation),
        sentences=tuple(sentences),
        explanations=explanations,
        described_legal_basis=kind.legal_basis,
    )


# --- the agreement's state and who signed ----------------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    organisation: str
    organisation_name: str
    version: int
    signed_on: date | None
    signed_by: str = ""  # a person's name
    function: str = ""
    partner: str = ""  # their key


@dataclass(frozen=True)
class AgreementFacts:
    title: str
    text: str
    based_on: str
    version: int
    state: AgreementState
    in_force_from: date | None
    review_date: date | None
    evaluate_every_months: int | None
    in_force: bool
    signatures: tuple[Signature, ...]


def _facts(ix: _Index) -> AgreementFacts | None:
    a = ix.agreement
    if a is None:
        return None
    signatures = []
    for s in sorted(a.signatories, key=lambda s: -s.version):
        person = ix.partner(s.signed_by)
        signatures.append(
            Signature(
                organisation=s.organisation,
                organisation_name=ix.organisation(s.organisation),
                version=s.version,
                signed_on=s.signed_on,
                signed_by=person.name if person else "",
                function=person.function if person else "",
                partner=person.key if person else "",
            )
        )
    return AgreementFacts(
        title=a.title,
        text=a.text,
        based_on=a.based_on,
        version=a.version,
        state=a.state,
        in_force_from=a.in_force_from,
        review_date=a.review_date,
        evaluate_every_months=a.evaluate_every_months,
        in_force=in_force(a, ix.today),
        signatures=tuple(signatures),
    )


def agreement_status(agreement: Agreement | None, today: date) -> Words:
    """Whether anything may be shared under the agreement today, in one sentence."""
    if agreement is None:
        return w(_("There is no information-sharing agreement yet, so nothing may be shared."))
    version = agreement.version
    if agreement.state == AgreementState.DRAFT:
        return w(
            _(
                "Version {version} of the agreement is a draft, not in force yet: nothing may be shared under it until it is."
            ),
            version=version,
        )
    if agreement.state == AgreementState.ENDED:
        return w(_("The agreement has ended: nothing may be shared under it."))
    if agreement.in_force_from is None:
        return w(
            _(
                "Version {version} of the agreement has no date it is in force from, so nothing may be shared under it yet."
            ),
            version=version,
        )
    if agreement.in_force_from > today:
        return w(
            _(
                "Version {version} of the agreement comes into force on {day}; nothing may be shared under it before then."
            ),
            version=version,
            day=agreement.in_force_from,
        )
    return w(
        _("Version {version} of the agreement is in force since {day}."), version=version, day=agreement.in_force_from
    )


def _current_signature(facts: AgreementFacts, organisation: str, today: date) -> Signature | None:
    return next(
        (
            s
            for s in facts.signatures
            if s.organisation == organisation and s.version == facts.version and s.signed_on and s.signed_on <= today
        ),
        None,
    )


def _signature_status(facts: AgreementFacts | None, organisation: str, name: str, today: date) -> list[Words]:
    if facts is None:
        return []
    signature = _current_signature(facts, organisation, today)
    if signature is None:
        return [
            w(
                _(
                    "{organisation} has not signed version {version} of the agreement yet: until it does, it may not share or receive anything under it."
                ),
                organisation=name,
                version=facts.version,
            )
        ]
    if signature.signed_by:
        return [
            w(
                _("{person} signed version {version} for {organisation} on {day}."),
                person=signature.signed_by,
                version=facts.version,
                organisation=name,
                day=signature.signed_on,
            )
        ]
    return [
        w(
            _("{organisation} signed version {version} on {day}."),
            organisation=name,
            version=facts.version,
            day=signature.signed_on,
        )
    ]


# --- whom to ask --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """A person to ask, and why them."""

    name: str
    function: str
    organisation: str
    why: Words


CONTACTS_PER_ORGANISATION = 3


def _coordinator(ix: _Index) -> Contact | None:
    person = ix.partner(ix.doc.cooperation.coordinator)
    if person is None:
        return None
    return Contact(person.name, person.function, ix.organisation(person.organisation), w(_("The plan's coordinator")))


def _contacts(ix: _Index, organisation: str, facts: AgreementFacts | None) -> tuple[Contact, ...]:
    """The coordinator, who signed for the organisation, and a few more of its partners in the plan."""
    name = ix.organisation(organisation)
    contacts = [c for c in (_coordinator(ix),) if c is not None]
    seen = {ix.doc.cooperation.coordinator}
    signature = _current_signature(facts, organisation, ix.today) if facts else None
    person = ix.partner(signature.partner) if signature else None
    if person is not None and person.key not in seen:
        contacts.append(
            Contact(
                person.name, person.function, "", w(_("Signed the agreement for {organisation}"), organisation=name)
            )
        )
        seen.add(person.key)
    others = [
        p
        for p in ix.doc.network.partners
        if p.organisation == organisation
        and p.key not in seen
        and p.network == NetworkKind.FORMAL
        and p.status != PartnerStatus.INACTIVE
    ]
    for p in others[:CONTACTS_PER_ORGANISATION]:
        contacts.append(
            Contact(p.name, p.function, "", w(_("Partner in the plan for {organisation}"), organisation=name))
        )
    return tuple(contacts)


# --- what an organisation receives ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Receipt:
    """Information the organisation may receive: from which holders, for what, what it does with it, how long it
    is kept. Rules with the same terms for the same information are one receipt from several holders."""

    information: str
    holders: tuple[str, ...]
    purposes: Words
    use: tuple[Words, ...]
    kept: Words
    rules: tuple[str, ...]
    notes: tuple[Words, ...] = ()  # holders that may not share it yet


def _unsigned_holders(ix: _Index, holders: list[str]) -> tuple[Words, ...]:
    """Holders who have not signed the agreement's current version: nothing comes from them yet."""
    unsigned = [ix.organisation(k) for k in holders if not ix.signed(k)]
    if ix.agreement is None or not unsigned:
        return ()
    return (
        ngettext(
            "Not from {organisations} yet: it has not signed version {version} of the agreement.",
            "Not from {organisations} yet: they have not signed version {version} of the agreement.",
            len(unsigned),
            organisations=Listing(tuple(unsigned)),
            version=ix.agreement.version,
        ),
    )


def _receives(rule: SharingRule, organisation: str) -> bool:
    """Rules that name the organisation, or only roles in a case (which someone from it may hold)."""
    return organisation in rule.recipients or (not rule.recipients and bool(rule.recipient_roles))


def _for(rule: SharingRule) -> Words:
    params = {
        "purposes": Listing(tuple(Label(p) for p in rule.purposes), any_of=True),
        "roles": Listing(tuple(Label(r) for r in rule.recipient_roles), any_of=True),
        "conditions": Listing(tuple(Label(c) for c in rule.conditions)),
    }
    if not rule.purposes:
        return w(_("No purpose is named yet, so nothing may be shared"))
    if rule.recipient_roles and rule.conditions:
        return Words(_("{purposes}, when you are {roles}, {conditions}"), params)
    if rule.recipient_roles:
        return Words(_("{purposes}, when you are {roles}"), params)
    if rule.conditions:
        return Words(_("{purposes}, {conditions}"), params)
    return Words("{purposes}", params)


def _receipts(ix: _Index, organisation: str) -> tuple[Receipt, ...]:
    grouped: dict[tuple, dict] = {}
    for rule in ix.doc.sharing.rules:
        kind = ix.kind(rule.information_type)
        if kind is None or kind.organisation == organisation or not _receives(rule, organisation):
            continue
        if rule.valid_until is not None and rule.valid_until < ix.today:
            continue  # an ended rule brings nothing any more (its holder's protocol says so)
        terms = (
            kind.name,
            tuple(rule.purposes),
            tuple(rule.recipient_roles),
            tuple(rule.conditions),
            rule.receiver_use,
            rule.onward_sharing,
            (rule.retention_amount, rule.retention_unit, rule.retention_from),
        )
        entry = grouped.setdefault(terms, {"rule": rule, "holders": [], "rules": []})
        if kind.organisation not in entry["holders"]:
            entry["holders"].append(kind.organisation)
        entry["rules"].append(rule.key)
    receipts = []
    for (information, *_terms), entry in grouped.items():
        rule = entry["rule"]
        receipts.append(
            Receipt(
                information=information,
                holders=tuple(ix.organisation(k) for k in entry["holders"]),
                purposes=_for(rule),
                use=(w(YOUR_USE[rule.receiver_use]), w(YOUR_ONWARD[rule.onward_sharing])),
                kept=retention_period(rule) or w(_("Not set: ask the coordinator")),
                rules=tuple(entry["rules"]),
                notes=_unsigned_holders(ix, entry["holders"]),
            )
        )
    return tuple(receipts)


# --- the documents ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Protocol:
    """One organisation's protocol: the agreement's state for it, what it shares, what it receives, whom to ask."""

    organisation: str
    name: str
    agreement: AgreementFacts | None
    status: tuple[Words, ...]
    shares: tuple[RuleText, ...]
    receives: tuple[Receipt, ...]
    contacts: tuple[Contact, ...]


def protocol(doc: PlanDocument, organisation: str, *, today: date) -> Protocol:
    """The protocol of `organisation` (a key of the plan's organisations; KeyError for any other)."""
    ix = _Index(doc, today)
    if organisation not in {o.key for o in doc.network.organisations}:
        raise KeyError(organisation)
    name = ix.organisation(organisation)
    facts = _facts(ix)
    shares = []
    for rule in doc.sharing.rules:
        kind = ix.kind(rule.information_type)
        text = rule_text(rule, ix, you=True) if kind is not None and kind.organisation == organisation else None
        if text is not None:
            shares.append(text)
    return Protocol(
        organisation=organisation,
        name=name,
        agreement=facts,
        status=(agreement_status(ix.agreement, today), *_signature_status(facts, organisation, name, today)),
        shares=tuple(shares),
        receives=_receipts(ix, organisation),
        contacts=_contacts(ix, organisation, facts),
    )


@dataclass(frozen=True)
class Holder:
    organisation: str
    name: str
    rules: tuple[RuleText, ...]


@dataclass(frozen=True)
class AgreementText:
    """The whole agreement in words: its state, the rules per holding organisation, who signed and who has not."""

    agreement: AgreementFacts | None
    status: Words
    holders: tuple[Holder, ...]
    unsigned: tuple[str, ...]  # names of organisations a rule concerns that have not signed the current version
    coordinator: Contact | None
    organisations: tuple[tuple[str, str], ...]  # (key, name) of every organisation, each with its protocol


def _parties(doc: PlanDocument, ix: _Index) -> list[str]:
    """Organisations a rule concerns, as holder or recipient, in the plan's order."""
    concerned: set[str] = set()
    for rule in doc.sharing.rules:
        kind = ix.kind(rule.information_type)
        concerned.update([kind.organisation] if kind else [])
        concerned.update(rule.recipients)
    return [o.key for o in doc.network.organisations if o.key in concerned]


def agreement_text(doc: PlanDocument, *, today: date) -> AgreementText:
    ix = _Index(doc, today)
    by_holder: dict[str, list[RuleText]] = {}
    for rule in doc.sharing.rules:
        text = rule_text(rule, ix, you=False)
        if text is not None:
            by_holder.setdefault(text.holder, []).append(text)
    order = [o.key for o in doc.network.organisations]
    holders = sorted(by_holder.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    return AgreementText(
        agreement=_facts(ix),
        status=agreement_status(ix.agreement, today),
        holders=tuple(Holder(key, ix.organisation(key), tuple(rules)) for key, rules in holders),
        unsigned=tuple(ix.organisation(k) for k in _parties(doc, ix) if ix.agreement and not ix.signed(k)),
        coordinator=_coordinator(ix),
        organisations=tuple((o.key, o.name) for o in doc.network.organisations),
    )


def lines(words: Iterable[Words], tr: Translator = ENGLISH) -> str:
    """Sentences rendered and joined into one paragraph."""
    return " ".join(x.render(tr) for x in words)


__all__ = [
    "AgreementFacts",
    "AgreementText",
    "Contact",
    "Label",
    "Listing",
    "Protocol",
    "Receipt",
    "RuleText",
    "Signature",
    "Translator",
    "Words",
    "agreement_status",
    "agreement_text",
    "lines",
    "ngettext",
    "protocol",
    "retention_period",
    "rule_text",
]
