"""The information-sharing agreement and each organisation's protocol as export content, in the active language.

The sentences come from the pure `cohesio.format.protocol`; here they are translated and laid out as the sections,
headings, texts and tables (`content.Section`) that the DOCX and PDF writers and the pages lay out, as for the plan.
These documents are for the people in the plan: they name the coordinator and who signed.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohesio.core.choices import label
from cohesio.format import PlanDocument
from cohesio.format import protocol as words
from cohesio.format.protocol import AgreementFacts, Contact, Protocol, RuleText, Words
from cohesio.format.vocabulary import AgreementState

from .content import Section, Table


def day(value: date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def translator() -> words.Translator:
    """Words rendered in the active language."""
    return words.Translator(gettext=_, ngettext=ngettext, day=day)


def say(value: Words) -> str:
    return value.render(translator())


def sentences(values) -> str:
    return words.lines(values, translator())


@dataclass
class SheetContent:
    """A short document of the plan (the agreement, a protocol): a header with facts and notes, then sections.

    Laid out by the same writers as the plan (`word.py`, `pdf.py`) without the plan's title page and contents.
    """

    kind: str  # "agreement" or "protocol"
    language: str
    locality: str
    fictional: bool
    title: str
    subtitle: str
    facts: list[tuple[str, str]]
    notes: list[str]
    sections: list[Section]
    footer: str
    version: int | None = None
    organisation: str = ""  # the protocol's organisation key
    organisation_name: str = ""
    protocols: list[tuple[str, str]] = field(default_factory=list)  # (key, name): the agreement lists them

    @property
    def tables(self) -> dict[str, Table]:
        return {b.table.key: b.table for s in self.sections for b in s.blocks if b.table}


def _version_fact(facts: AgreementFacts) -> str:
    return _("%(version)s (%(state)s)") % {"version": facts.version, "state": label(AgreementState, facts.state)}


def _agreement_facts(facts: AgreementFacts | None, coordinator: Contact | None) -> list[tuple[str, str]]:
    rows = []
    if facts is not None:
        rows.append((_("Version"), _version_fact(facts)))
        rows.append((_("In force from"), day(facts.in_force_from) or _("Not yet")))
        if facts.review_date:
            rows.append((_("To be reviewed by"), day(facts.review_date)))
        if facts.evaluate_every_months:
            every = ngettext("every month", "every %(months)s months", facts.evaluate_every_months)
            rows.append((_("Partners evaluate the sharing"), every % {"months": facts.evaluate_every_months}))
        if facts.based_on:
            rows.append((_("Based on"), facts.based_on))
    if coordinator is not None:
        rows.append((_("Coordinator"), _person(coordinator)))
    return rows


def _person(contact: Contact) -> str:
    return ", ".join(x for x in (contact.name, contact.function, contact.organisation) if x)


def _rule_blocks(section: Section, rule: RuleText, *, level: int, explanations: tuple[str, ...] | None) -> None:
    """A rule: its information as a heading, the structured rule in sentences, then the texts that explain it."""
    section.h(rule.information, level)
    section.p(sentences(rule.sentences))
    for name, text in rule.explanations:
        if explanations is None or name in explanations:
            section.p(text, _(name), markdown=True)


def _signatures(facts: AgreementFacts) -> list[Section]:
    s = Section("signatures", None, _("Who signed"))
    columns = [_("Organisation"), _("Signed by"), _("Signed on")]
    current = [
        [x.organisation_name, ", ".join(y for y in (x.signed_by, x.function) if y), day(x.signed_on)]
        for x in facts.signatures
        if x.version == facts.version
    ]
    caption = _("Signatures of version %(version)s") % {"version": facts.version}
    s.table(Table("signatures", caption, columns, current))
    if not current:
        s.p(_("No organisation has signed version %(version)s yet.") % {"version": facts.version})
    earlier = [
        [x.organisation_name, x.signed_by, day(x.signed_on), str(x.version)]
        for x in facts.signatures
        if x.version < facts.version
    ]
    s.table(Table("earlier_signatures", _("Signatures of earlier versions"), [*columns, _("Version")], earlier))
    return [s]


def agreement_content(doc: PlanDocument, *, today: date) -> SheetContent:
    """The information-sharing agreement: its text, every rule grouped by the organisation holding the information,
    and who signed."""
    text = words.agreement_text(doc, today=today)
    facts = text.agreement
    notes = [say(text.status)]
    if text.unsigned:
        names = "; ".join(text.unsigned)
        notes.append(
            _("Not signed the current version yet, so they may not share or receive anything under it: %(names)s.")
            % {"names": names}
        )
    sections = []
    if facts is not None and facts.text.strip():
        s = Section("agreement", None, _("The agreement"))
        s.p(facts.text, markdown=True)
        sections.append(s)
    rules = Section("rules", None, _("The rules, by the organisation that holds the information"))
    for holder in text.holders:
        rules.h(holder.name, 3)
        for rule in holder.rules:
            _rule_blocks(rules, rule, level=4, explanations=None)
            rules.p(rule.described_legal_basis, _("Legal basis, as the holder describes it"))
    if not text.holders:
        rules.p(_("The agreement has no rules yet, so nothing may be shared."))
    sections.append(rules)
    if facts is not None:
        sections.extend(_signatures(facts))
    title = facts.title if facts else _("Information-sharing agreement")
    return SheetContent(
        kind="agreement",
        language=doc.plan.language,
        locality=doc.locality.name,
        fictional=doc.locality.fictional,
        title=title,
        subtitle=_("Information-sharing agreement of %(locality)s") % {"locality": doc.locality.name},
        facts=_agreement_facts(facts, text.coordinator),
        notes=notes,
        sections=sections,
        footer=_("%(title)s, made by Cohesio on %(day)s") % {"title": title, "day": day(today)},
        version=facts.version if facts else None,
        protocols=list(text.organisations),
    )


def _shares(p: Protocol) -> Section:
    s = Section("shares", None, _("What you may share, with whom, and how"))
    for rule in p.shares:
        # the structured rule, and in the partners' own words when to share
        _rule_blocks(s, rule, level=3, explanations=("When",))
    if not p.shares:
        s.p(
            _("The agreement names no information that %(organisation)s shares with others.") % {"organisation": p.name}
        )
    return s


def _receives(p: Protocol) -> Section:
    s = Section("receives", None, _("What you may receive, and what you do with it"))
    columns = [_("Information"), _("From"), _("For"), _("What you do with it"), _("How long it is kept")]
    rows = [
        [r.information, _from(r), _capital(say(r.purposes)), sentences(r.use), _capital(say(r.kept))]
        for r in p.receives
    ]
    s.table(Table("receives", _("Information %(organisation)s may receive") % {"organisation": p.name}, columns, rows))
    if not p.receives:
        s.p(_("The agreement names no information that %(organisation)s receives.") % {"organisation": p.name})
    return s


def _from(receipt) -> str:
    """The holders, and which of them may not share it yet."""
    return "\n".join(["; ".join(receipt.holders), *(say(note) for note in receipt.notes)])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ask(p: Protocol) -> Section:
    s = Section("contacts", None, _("Who to ask"))
    for contact in p.contacts:
        s.p(_person(contact), say(contact.why))
    if not p.contacts:
        s.p(_("The plan has no coordinator yet. Ask whoever leads the plan in your municipality."))
    return s


def protocol_content(doc: PlanDocument, organisation: str, *, today: date) -> SheetContent:
    """One organisation's protocol: what it may share, with whom, how, what happens next, how long it is kept,
    what it may receive and do with it, and whom to ask; on one page. KeyError for an unknown organisation."""
    p = words.protocol(doc, organisation, today=today)
    facts = p.agreement
    rows = []
    if facts is not None:
        rows.append((_("Agreement"), facts.title))
        rows.append((_("Version"), _version_fact(facts)))
        if facts.review_date:
            rows.append((_("To be reviewed by"), day(facts.review_date)))
    title = _("Information-sharing protocol for %(organisation)s") % {"organisation": p.name}
    footer = _(
        "Made by Cohesio on %(day)s from the agreement. When this protocol and the agreement differ, the agreement applies."
    ) % {"day": day(today)}
    return SheetContent(
        kind="protocol",
        language=doc.plan.language,
        locality=doc.locality.name,
        fictional=doc.locality.fictional,
        title=title,
        subtitle=doc.locality.name,
        facts=rows,
        notes=[sentences(p.status)],
        sections=[_shares(p), _receives(p), _ask(p)],
        footer=footer,
        version=facts.version if facts else None,
        organisation=p.organisation,
        organisation_name=p.name,
    )


def sheet_file_name(content: SheetContent, slug: str, file_format: str) -> str:
    """`riverton-sharing-agreement-v1.pdf`, `riverton-protocol-riverside-college.docx`."""
    if content.kind == "agreement":
        which = f"-v{content.version}" if content.version else ""
        return f"{slug}-sharing-agreement{which}.{file_format}"
    name = slugify(content.organisation_name) or slugify(content.organisation) or "organisation"
    return f"{slug}-protocol-{name}.{file_format}"
