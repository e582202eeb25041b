"""The content of an exported plan, once for every format: title page, the seven elements, figures, the annex.

`plan_content()` turns a plan document's JSON dump (the whole one, or the public one from `public.py`) into
sections of blocks — headings, paragraphs, tables and figures — that the DOCX, PDF/HTML and ODT writers lay
out. Fields missing from the data (left out of the public version) are left out of the content.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from cohesio.core.choices import label
from cohesio.core.richtext import markdown_text
from cohesio.format import vocabulary as v
from cohesio.format.budget import totals_of
from cohesio.format.document import DEFAULT_CURRENCY, BudgetLine
from cohesio.format.io import upgrade
from cohesio.plans.budget import period_text, shown_totals

from .figures import Figure, plan_figures
from .public import PUBLIC_SECTIONS, public_document

WIDTH_SAMPLE_ROWS = 200
WORD_BREAKS = re.compile(r"[\s/-]+")  # where a line may break
TABLE_LINE_CHARACTERS = 100  # about as many characters as fit across a table on A4 in the print style


@dataclass
class Table:
    """A table; the columns numbered in `markdown` hold the plan's long texts, written in Markdown."""

    key: str
    caption: str
    columns: list[str]
    rows: list[list[str]]
    markdown: frozenset[int] = frozenset()
    _plain: list[list[str]] | None = field(default=None, init=False, repr=False, compare=False)

    def plain_rows(self) -> list[list[str]]:
        """The rows with their Markdown as plain text, for formats that take no HTML (made once: the DOCX asks
        twice, for its body and for a house-style template's `tables`)."""
        if not self.markdown:
            return self.rows
        if self._plain is None:
            self._plain = [[markdown_text(c) if i in self.markdown else c for i, c in enumerate(row)] for row in self.rows]
        return self._plain

    def widths(self) -> list[int]:
        """Each column's share of the table's width in per cent, for a fixed table layout in the PDF.

        WeasyPrint's automatic layout measures every cell twice, a third of the time of a large plan's PDF. This
        does what it does, roughly, from the number of characters: each column gets what its longest word needs
        (a long word at most), and the room left goes to the columns whose texts are on average longer than that,
        in proportion."""
        sample = self.rows[:WIDTH_SAMPLE_ROWS]
        least, wanted = [], []
        for j, header in enumerate(self.columns):
            cells = [str(row[j]) for row in sample if j < len(row)]
            longest_word = max((len(word) for text in (header, *cells) for word in WORD_BREAKS.split(text)), default=1)
            mean = sum(min(len(text), 4 * TABLE_LINE_CHARACTERS) for text in cells) / len(cells) if cells else 0
            least.append(min(longest_word, 16) + 1.5)  # and the cell's padding
            wanted.append(max(least[-1], mean + 2))
        room = TABLE_LINE_CHARACTERS - sum(least)
        extra = [w - m for w, m in zip(wanted, least, strict=True)]
        if room > 0 and sum(extra) > 0:
            share = min(room / sum(extra), 1)
            least = [m + e * share for m, e in zip(least, extra, strict=True)]
        total = sum(least)
        return [round(100 * width / total) for width in least]


@dataclass
class Block:
    """One piece of a section: `heading` (text, level), `text` (text, optional bold label; `markdown` when it is
    one of the plan's long texts), `table` or `figure`."""

    kind: str
    text: str = ""
    label: str = ""
    markdown: bool = False
    level: int = 2
    table: Table | None = None
    figure: Figure | None = None

    @property
    def plain(self) -> str:
        """The text with its Markdown as plain text, for formats that take no HTML."""
        return markdown_text(self.text) if self.markdown else self.text


@dataclass
class Section:
    key: str
    number: int | None
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    def h(self, text: str, level: int = 2) -> None:
        self.blocks.append(Block("heading", text=text, level=level))

    def p(self, text: str | None, label: str = "", *, markdown: bool = False) -> None:
        if text:
            self.blocks.append(Block("text", text=str(text), label=label, markdown=markdown))

    def table(self, table: Table) -> None:
        if table.rows:
            self.blocks.append(Block("table", table=table))

    def figure(self, figure: Figure | None) -> None:
        if figure is not None:
            self.blocks.append(Block("figure", figure=figure))


@dataclass
class PlanContent:
    """Everything an export shows; `tables` and `figures` by key, for house-style templates that place them."""

    language: str
    public: bool
    locality: str
    fictional: bool
    title: str
    status: str
    period: str
    version: str
    published: str
    note: str
    sections: list[Section]
    tables: dict[str, Table]
    figures: dict[str, Figure]

    @property
    def elements(self) -> list[Section]:
        return [s for s in self.sections if s.number]


def day(value: str | None) -> str:
    parsed = parse_date(value) if value else None
    return formats.date_format(parsed, "DATE_FORMAT") if parsed else ""


def money(value, currency: str | None = "") -> str:
    """An amount as the reader's language writes numbers, after its currency code (EUR 1.500,00)."""
    if value in (None, ""):
        return ""
    amount = formats.number_format(Decimal(str(value)), 2, use_l10n=True, force_grouping=True)
    return f"{currency} {amount}" if currency else amount


def _labels(enum, values) -> str:
    return ", ".join(label(enum, x) for x in values or [])


class _Index:
    """Names of the rows that other rows refer to by key, as the export shows them."""

    def __init__(self, data: dict):
        network = data.get("network", {})
        self.orgs = {o["key"]: o["name"] for o in network.get("organisations", [])}
        self.partners = {p["key"]: p for p in network.get("partners", [])}
        self.goals = {g["key"]: g.get("title", "") for g in data.get("goals", [])}
        self.areas = {a["key"]: a.get("name", "") for a in data.get("analysis", {}).get("areas", [])}
        self.infotypes = {t["key"]: t for t in data.get("sharing", {}).get("information_types", [])}
        self.interventions = {i["key"]: i.get("name", "") for i in data.get("interventions", [])}

    def person(self, key: str | None) -> str:
        """A partner by name and organisation; in the public version by function and organisation."""
        partner = self.partners.get(key or "")
        if partner is None:
            return ""
        organisation = self.orgs.get(partner.get("organisation") or "", "")
        who = partner.get("name") or partner.get("function") or ""
        return ", ".join(x for x in (who, organisation) if x)

    def organisation_of(self, key: str | None) -> str:
        partner = self.partners.get(key or "")
        return self.orgs.get((partner or {}).get("organisation") or "", "")

    def lead(self, intervention: dict, *, public: bool) -> str:
        """Who leads an intervention: the person with the organisation (the lead organisation, else the person's
        own), or the organisation alone; in the public version the organisation only."""
        partner = self.partners.get(intervention.get("lead") or "")
        organisation = self.orgs.get(intervention.get("lead_organisation") or "") or self.organisation_of(
            intervention.get("lead")
        )
        who = "" if public or partner is None else partner.get("name") or partner.get("function") or ""
        return ", ".join(x for x in (who, organisation) if x)

    def people(self, keys) -> str:
        return "; ".join(x for x in (self.person(k) for k in keys or []) if x)


def _analysis(data: dict, ix: _Index, figs: dict) -> Section:
    s = Section("analysis", 1, _("Regional analysis"))
    analysis = data.get("analysis", {})
    s.p(analysis.get("summary"), markdown=True)
    s.figure(figs.get("map"))
    s.table(Table("areas", _("Areas"), [_("Area")], [[a.get("name", "")] for a in analysis.get("areas", [])]))
    factors = [
        [
            f.get("title", ""),
            label(v.FactorKind, f.get("kind")),
            ", ".join(ix.areas.get(a, "") for a in f.get("areas", [])),
            label(v.Urgency, f.get("urgency")),
            label(v.Timeframe, f.get("timeframe")),
        ]
        for f in analysis.get("factors", [])
    ]
    columns = [_("Factor"), _("Kind"), _("Areas"), _("Urgency"), _("Timeframe")]
    s.table(Table("factors", _("Risk and protective factors"), columns, factors))
    for key, fig in figs.items():
        if key.startswith("indicator-"):
            s.figure(fig)
    rows = []
    for ind in analysis.get("indicators", []):
        latest = _latest_per_area(ind.get("observations", []))
        rows.extend(
            [ind.get("name", ""), ix.areas.get(area, area or _("Whole locality")), period, f"{value:g}"]
            for area, (period, value) in latest.items()
        )
    s.table(
        Table(
            "indicators",
            _("Indicators: the latest value per area"),
            [_("Indicator"), _("Area"), _("Period"), _("Value")],
            rows,
        )
    )
    sources = [
        [x.get("name", ""), label(v.SourceKind, x.get("kind")), day(x.get("collected_on"))]
        for x in analysis.get("sources", [])
    ]
    s.table(Table("sources", _("Sources"), [_("Source"), _("Kind"), _("Collected on")], sources))
    return s


def _latest_per_area(observations: list[dict]) -> dict:
    latest: dict = {}
    for o in observations:
        current = latest.get(o.get("area"))
        if current is None or o["period"] >= current[0]:
            latest[o.get("area")] = (o["period"], o["value"])
    return latest


def _strategy(data: dict, ix: _Index) -> Section:
    s = Section("strategy", 2, _("Strategy and goals"))
    plan = data.get("plan", {})
    s.p(plan.get("vision"), _("Vision"), markdown=True)
    s.p(plan.get("protection_statement"), _("Who is protected against what"), markdown=True)
    s.p(plan.get("setting_fit"), _("Fit with the regional and national setting"), markdown=True)
    scope = [
        [label(v.ExtremismKind, x["kind"]), _("Yes") if x.get("addressed") else _("No"), x.get("reason", "")]
        for x in plan.get("extremism_scope", [])
    ]
    s.table(
        Table(
            "scope",
            _("Kinds of extremism the plan addresses"),
            [_("Kind"), _("Addressed"), _("Reason")],
            scope,
            frozenset({2}),
        )
    )
    s.h(_("Goals by prevention level"))
    for level in [*v.PreventionLevel, None]:
        goals = [g for g in data.get("goals", []) if g.get("prevention_level") == (level.value if level else None)]
        if not goals:
            continue
        rows = [[g.get("title", ""), ix.goals.get(g.get("parent") or "", ""), g.get("description", "")] for g in goals]
        caption = label(v.PreventionLevel, level.value) if level else _("No prevention level given")
        s.table(
            Table(
                f"goals-{level.value if level else 'none'}",
                caption,
                [_("Goal"), _("Sub-goal of"), _("Description")],
                rows,
                frozenset({2}),
            )
        )
    return s


def _political_support(data: dict) -> Section:
    s = Section("political_support", 3, _("Political support"))
    support = data.get("political_support", {})
    owner = ", ".join(x for x in (support.get("owner_name"), support.get("owner_office")) if x)
    s.p(owner, _("Political owner"))
    decisions = [
        [
            d.get("title", ""),
            label(v.DecisionKind, d.get("kind")),
            _outcome(d),
            day(d.get("decided_on")),
            d.get("reference", ""),
            d.get("summary", ""),
        ]
        for d in support.get("decisions", [])
    ]
    s.table(
        Table(
            "decisions",
            _("Decisions"),
            [_("Decision"), _("Who decided"), _("Outcome"), _("Date"), _("Reference"), _("Summary")],
            decisions,
            frozenset({2, 5}),
        )
    )
    lines = [BudgetLine.model_validate(b) for b in support.get("budget_lines", [])]
    budget = [
        [b.name, period_text(b.year_from, b.year_to), money(b.amount, b.currency), b.funding_source] for b in lines
    ]
    s.table(Table("budget", _("Budget"), [_("Budget line"), _("Period"), _("Amount"), _("Funding source")], budget))
    rows = []
    for total in shown_totals(totals_of(lines, first=data.get("plan", {}).get("currency"))):
        rows += [[total.currency, p.period, money(p.amount, total.currency)] for p in total.periods]
        rows.append(
            [_("Total in %(currency)s") % {"currency": total.currency}, "", money(total.amount, total.currency)]
        )
    s.table(
        Table(
            "budget_totals", _("Budget totals per currency and period"), [_("Currency"), _("Period"), _("Total")], rows
        )
    )
    return s


def _outcome(decision: dict) -> str:
    """A decision's outcome in words, with the reservation after an approval with one (Markdown)."""
    outcome = label(v.DecisionOutcome, decision.get("outcome"))
    reservation = decision.get("reservation", "")
    return f"{outcome}: {reservation}" if outcome and reservation else outcome or reservation


def _definitions(data: dict) -> Section:
    s = Section("definitions", 4, _("Definitions"))
    rows = [
        [
            d.get("term", ""),
            d.get("text", ""),
            d.get("local_wording", ""),
            label(v.DefinitionAudience, d.get("audience")),
        ]
        for d in data.get("definitions", [])
    ]
    s.table(
        Table(
            "definitions",
            _("Definitions"),
            [_("Term"), _("Definition"), _("Local wording"), _("For")],
            rows,
            frozenset({1}),
        )
    )
    return s


def _network(data: dict, ix: _Index, figs: dict, public: bool) -> Section:
    s = Section("network", 5, _("Local network"))
    network = data.get("network", {})
    s.figure(figs.get("sociogram"))
    partners = network.get("partners", [])
    columns = [_("Organisation"), _("Function"), _("Role"), _("Mandate")]
    rows = [
        [
            ix.orgs.get(p.get("organisation") or "", label(v.Sector, p.get("sector"))),
            p.get("function", ""),
            p.get("role", ""),
            p.get("mandate", ""),
        ]
        for p in partners
    ]
    if not public:
        columns.insert(0, _("Partner"))
        for row, p in zip(rows, partners, strict=True):
            row.insert(0, p.get("name", ""))
    rich = frozenset(columns.index(c) for c in (_("Role"), _("Mandate")))
    s.table(Table("partners", _("Partners with their roles and mandates"), columns, rows, rich))
    if not public:
        concerns = [
            [p.get("name", ""), p.get("interests", ""), p.get("doubts", ""), p.get("conditions", "")]
            for p in partners
            if p.get("interests") or p.get("doubts") or p.get("conditions")
        ]
        s.table(
            Table(
                "partner_concerns",
                _("Partners' interests, doubts and conditions"),
                [_("Partner"), _("Interests"), _("Doubts"), _("Conditions")],
                concerns,
                frozenset({1, 2, 3}),
            )
        )
    orgs = [[o.get("name", ""), label(v.Sector, o.get("sector"))] for o in network.get("organisations", [])]
    s.table(Table("organisations", _("Organisations"), [_("Organisation"), _("Sector")], orgs))
    groups = [
        [
            g.get("name", ""),
            ix.areas.get(g.get("area") or "", ""),
            g.get("description", ""),
            ix.person(g.get("contact")),
        ]
        for g in network.get("community_groups", [])
    ]
    group_columns = [_("Community group"), _("Area"), _("Description"), _("Contact")]
    if public:
        group_columns, groups = group_columns[:3], [g[:3] for g in groups]
    s.table(Table("community_groups", _("Community groups"), group_columns, groups, frozenset({2})))
    return s


def _cooperation(data: dict, ix: _Index, public: bool) -> Section:
    s = Section("cooperation", 6, _("Cooperation and information sharing"))
    s.p(data.get("plan", {}).get("cooperation_process"), markdown=True)
    s.p(ix.person(data.get("cooperation", {}).get("coordinator")), _("Coordinator"))
    sharing = data.get("sharing", {})
    rules = []
    for r in sharing.get("rules", []):
        info = ix.infotypes.get(r.get("information_type"), {})
        rules.append(
            [
                info.get("name", ""),
                ix.orgs.get(info.get("organisation", ""), ""),
                ", ".join(ix.orgs.get(o, "") for o in r.get("recipients", [])),
                r.get("purpose", ""),
                r.get("retention", ""),
            ]
        )
    columns = [_("Information"), _("From"), _("Shared with"), _("Purpose"), _("Kept for")]
    s.table(Table("sharing_rules", _("Sharing rules: who shares what with whom"), columns, rules, frozenset({3, 4})))
    if not public:
        types = [
            [
                t.get("name", ""),
                ix.orgs.get(t.get("organisation", ""), ""),
                label(v.Sensitivity, t.get("sensitivity")),
                t.get("legal_basis", ""),
            ]
            for t in sharing.get("information_types", [])
        ]
        s.table(
            Table(
                "information_types",
                _("Information each organisation holds"),
                [_("Information"), _("Organisation"), _("Sensitivity"), _("Legal basis")],
                types,
                frozenset({3}),
            )
        )
    _agreement(s, sharing.get("agreement"), ix)
    evaluations = [
        [day(e.get("scheduled_for")), day(e.get("done_on")), e.get("notes", "")] for e in sharing.get("evaluations", [])
    ]
    s.table(
        Table(
            "evaluations",
            _("Evaluations of information sharing"),
            [_("Planned for"), _("Done on"), _("Notes")],
            evaluations,
            frozenset({2}),
        )
    )
    return s


def _agreement(s: Section, agreement: dict | None, ix: _Index) -> None:
    if not agreement:
        return
    s.h(agreement.get("title", _("Agreement")))
    s.p(agreement.get("based_on"), _("Based on"))
    s.p(day(agreement.get("signed_on")), _("Signed on"))
    s.p(agreement.get("text"), markdown=True)
    signatories = agreement.get("signatories", [])
    public = all("signed_by" not in x for x in signatories)
    rows = [
        [ix.orgs.get(x.get("organisation", ""), ""), ix.person(x.get("signed_by")), day(x.get("signed_on"))]
        for x in signatories
    ]
    columns = [_("Organisation"), _("Signed by"), _("Signed on")]
    if public:
        columns, rows = [columns[0], columns[2]], [[r[0], r[2]] for r in rows]
    s.table(Table("signatories", _("Signatories"), columns, rows))


def _interventions(data: dict, ix: _Index, figs: dict, public: bool) -> Section:
    s = Section("interventions", 7, _("Interventions"))
    currency = data.get("plan", {}).get("currency", DEFAULT_CURRENCY)  # intervention budgets are in the plan's
    columns = [_("Intervention"), _("Lead"), _("Status"), _("Period"), _("Budget")]
    for level in [*v.PreventionLevel, None]:
        items = [i for i in data.get("interventions", []) if i.get("prevention_level") == (level.value if level else None)]
        if not items:
            continue
        rows = [[i.get("name", ""), ix.lead(i, public=public), label(v.InterventionStatus, i.get("status")), " – ".join(x for x in (day(i.get("starts_on")), day(i.get("ends_on"))) if x), money(i.get("budget"), currency)] for i in items]
        total = sum(Decimal(str(i.get("budget") or 0)) for i in items)
        rows.append([_("Total"), "", "", "", money(total, currency)])
        caption = label(v.PreventionLevel, level.value) if level else _("Level not stated")
        s.table(Table(f"interventions-{level.value if level else 'not-stated'}", caption, columns, rows))
    s.h(_("Monitoring"))
    s.figure(figs.get("monitoring"))
    rows = []
    for m in data.get("monitoring", []):
        latest = (m.get("measurements") or [{}])[-1].get("value")
        measures = "; ".join(x for x in [*(ix.goals.get(g, "") for g in m.get("goals", [])), ix.interventions.get(m.get("intervention") or "", "")] if x)
        kind = ", ".join(x for x in (label(v.IndicatorKind, m.get("kind")), label(v.IndicatorDirection, m.get("direction"))) if x)
        rows.append([m.get("name", ""), measures, kind, _number(m.get("baseline")), _number(latest), _number(m.get("target"))])
    columns = [_("Indicator"), _("Goals and intervention"), _("What it measures"), _("Baseline"), _("Latest"), _("Target")]
    s.table(Table("monitoring", _("Monitoring indicators"), columns, rows))
    return s


def _number(value) -> str:
    return "" if value is None else f"{value:g}"


def _annex(findings: dict) -> Section:
    s = Section("annex", None, _("Annex: what the plan check found"))
    summary = findings.get("summary", {})
    s.p(
        _("%(errors)s errors, %(warnings)s warnings and %(tips)s tips; %(accepted)s accepted with a reason.")
        % {k: summary.get(k, 0) for k in ("errors", "warnings", "tips", "accepted")}
    )
    items = findings.get("findings", [])
    severity = {"error": _("Error"), "warning": _("Warning"), "tip": _("Tip")}
    open_rows = [
        [severity.get(f["severity"], f["severity"]), f["code"], f["message"], f["hint"]]
        for f in items
        if not f.get("acknowledged")
    ]
    s.table(
        Table("open_findings", _("Open findings"), [_("Severity"), _("Code"), _("Finding"), _("What to do")], open_rows)
    )
    accepted = [
        [f["code"], f["message"], f["acknowledged"]["reason"], f["acknowledged"].get("by", "")]
        for f in items
        if f.get("acknowledged")
    ]
    s.table(
        Table(
            "accepted_findings",
            _("Accepted findings and why"),
            [_("Code"), _("Finding"), _("Reason"), _("Accepted by")],
            accepted,
        )
    )
    return s


def _where_from(data: dict, ix: _Index) -> Section | None:
    """The annex of a plan entered from existing documents: every row that says where it was taken from (its
    `source_ref`), by kind and name; None when no row says so."""
    network, sharing = data.get("network", {}), data.get("sharing", {})
    support, analysis = data.get("political_support", {}), data.get("analysis", {})

    def partner(key):
        return (ix.partners.get(key) or {}).get("name", "")

    kinds = [
        (_("Goal"), data.get("goals", []), lambda r: r.get("title", "")),
        (_("Decision"), support.get("decisions", []), lambda r: r.get("title", "")),
        (_("Budget line"), support.get("budget_lines", []), lambda r: r.get("name", "")),
        (_("Definition"), data.get("definitions", []), lambda r: r.get("term", "")),
        (_("Area"), analysis.get("areas", []), lambda r: r.get("name", "")),
        (_("Source of the analysis"), analysis.get("sources", []), lambda r: r.get("name", "")),
        (_("Factor"), analysis.get("factors", []), lambda r: r.get("title", "")),
        (_("Indicator"), analysis.get("indicators", []), lambda r: r.get("name", "")),
        (_("Organisation"), network.get("organisations", []), lambda r: r.get("name", "")),
        (_("Partner"), network.get("partners", []), lambda r: r.get("name", "")),
        (_("Community group"), network.get("community_groups", []), lambda r: r.get("name", "")),
        (_("Tie"), network.get("ties", []), lambda r: f"{partner(r.get('source'))} – {partner(r.get('target'))}"),
        (_("Information type"), sharing.get("information_types", []), lambda r: r.get("name", "")),
        (
            _("Sharing rule"),
            sharing.get("rules", []),
            lambda r: ix.infotypes.get(r.get("information_type"), {}).get("name", ""),
        ),
        (_("Intervention"), data.get("interventions", []), lambda r: r.get("name", "")),
        (_("Monitoring indicator"), data.get("monitoring", []), lambda r: r.get("name", "")),
    ]
    rows = [[kind, name(r), r["source_ref"]] for kind, items, name in kinds for r in items if r.get("source_ref")]
    if not rows:
        return None
    s = Section("where_from", None, _("Annex: where the plan's parts come from"))
    s.p(_("Some parts of this plan were taken from existing documents: here is where each of them comes from."))
    s.table(Table("where_from", _("Where the plan's parts come from"), [_("Part of the plan"), _("Name"), _("Source")], rows))
    return s


@dataclass
class VersionInfo:
    """Which version is exported: its number (None for the plan as it is now), when, and its note."""

    number: int | None = None
    published_at: str = ""
    note: str = ""


def plan_content(
    document: dict, findings: dict, *, version: VersionInfo | None = None, public: bool = False
) -> PlanContent:
    """The content of the export of `document` (a JSON dump of the open format) with the checker's `findings`.

    A version frozen at an older format version is shown as the current version reads it (`format.io.upgrade`)."""
    document = upgrade(document)
    data = public_document(document) if public else document
    version = version or VersionInfo()
    ix = _Index(data)
    figs = plan_figures(data, public=public)
    sections = [
        _analysis(data, ix, figs),
        _strategy(data, ix),
        _political_support(data),
        _definitions(data),
        _network(data, ix, figs, public),
        _cooperation(data, ix, public),
        _interventions(data, ix, figs, public),
    ]
    if not public or PUBLIC_SECTIONS["annex"]:
        sections.append(_annex(findings))
    where_from = _where_from(data, ix) if not public or PUBLIC_SECTIONS["where_from"] else None
    if where_from is not None:
        sections.append(where_from)
    plan = data.get("plan", {})
    show_note = not public or PUBLIC_SECTIONS["version_note"]
    return PlanContent(
        language=plan.get("language", "en"),
        public=public,
        locality=data.get("locality", {}).get("name", ""),
        fictional=bool(data.get("locality", {}).get("fictional")),
        title=plan.get("title", ""),
        status=label(v.PlanStatus, plan.get("status")),
        period=" – ".join(x for x in (day(plan.get("period_start")), day(plan.get("period_end"))) if x),
        version=(_("Version %(number)s") % {"number": version.number})
        if version.number
        else _("Working copy (not a published version)"),
        published=version.published_at,
        note=version.note if show_note else "",
        sections=sections,
        tables={b.table.key: b.table for s in sections for b in s.blocks if b.table},
        figures=figs,
    )
