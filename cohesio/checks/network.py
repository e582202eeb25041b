"""Rules for the local network: named people, the core sectors, an informal network, and healthy ties."""

from collections.abc import Iterator

import networkx as nx

from cohesio.format import PlanDocument
from cohesio.format.document import Partner
from cohesio.format.vocabulary import CORE_SECTORS, NetworkKind, Sector, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule


def partner_sector(partner: Partner, context: CheckContext) -> Sector | None:
    """The partner's sector: their organisation's, or their own when they have no organisation."""
    organisation = context.organisations.get(partner.organisation or "")
    return organisation.sector if organisation else partner.sector


def partner_sectors(partner: Partner, context: CheckContext) -> set[Sector]:
    """The sectors a partner brings into the network: their sector, and for a partnership of several sectors
    the sectors it brings together."""
    organisation = context.organisations.get(partner.organisation or "")
    sectors = set(organisation.member_sectors) if organisation else set()
    sector = partner_sector(partner, context)
    if sector is not None:
        sectors.add(sector)
    return sectors


@rule(
    "LAP050",
    Severity.WARNING,
    Element.NETWORK,
    title=_("Partners are named people, not only organisations"),
    why=_(
        "Organisations do not prevent violent extremism; people in them do. Writing down the names of the "
        "people involved creates ownership, and partners know whom to call."
    ),
    groups={
        "organisations": Group(
            _("{count} of {total} organisations have no named person."),
            _("Add, for each, the person who takes part, with their function."),
            row="'{organisation}'",
        ),
        "partners": Group(
            _("{count} of {total} partners are named after an organisation, not a person."),
            _("Write, for each, the name of the person who represents the organisation."),
            row="{partner}",
        ),
    },
)
def partners_are_people(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    with_people = {p.organisation for p in doc.network.partners}
    organisation_names = {o.name.casefold() for o in doc.network.organisations}
    for i, organisation in enumerate(doc.network.organisations):
        if organisation.key not in with_people:
            yield flag(
                f"$.network.organisations[{i}]",
                _("No person is named for '{organisation}'."),
                _("Add the person at '{organisation}' who takes part, with their function."),
                subject=organisation.key,
                group="organisations",
                total=len(doc.network.organisations),
                organisation=organisation.name,
            )
    for i, partner in enumerate(doc.network.partners):
        if partner.name.casefold() in organisation_names:
            yield flag(
                f"$.network.partners[{i}].name",
                _("The partner '{partner}' is named after an organisation, not a person."),
                _("Write the name of the person who represents the organisation."),
                subject=partner.key,
                group="partners",
                total=len(doc.network.partners),
                partner=partner.name,
            )


@rule(
    "LAP051",
    Severity.WARNING,
    Element.NETWORK,
    title=_("The core sectors are in the network"),
    why=_(
        "Signs of radicalisation show up at school, in care, on the street and at home. A network without "
        "education, police, mental health and care, civil society or the community misses what that sector "
        "sees, and cannot offer what it can."
    ),
)
def core_sectors_present(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if not doc.network.partners:
        return
    present = set().union(*(partner_sectors(p, context) for p in context.present_partners))
    missing = [s for s in CORE_SECTORS if s not in present]
    if missing:
        yield flag(
            "$.network.partners",
            _("The network has no one from: {sectors}."),
            _("Invite a named person from each missing sector."),
            sectors=", ".join(s.label for s in missing),
        )


@rule(
    "LAP052",
    Severity.WARNING,
    Element.NETWORK,
    title=_("The plan has an informal network"),
    why=_(
        "Inhabitants, community groups and trusted people working from inside communities see things "
        "professionals do not, and are trusted where professionals are not. They are a strength to name."
    ),
)
def informal_network(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    network = doc.network
    informal = any(p.network == NetworkKind.INFORMAL for p in context.present_partners)
    if network.partners and not informal and not network.community_groups:
        yield flag(
            "$.network.community_groups",
            _("The plan has no informal network yet."),
            _("Add community groups and the inhabitants and key figures who help from within the community."),
        )


@rule(
    "LAP053",
    Severity.WARNING,
    Element.NETWORK,
    title=_("No partner is isolated"),
    why=_(
        "A partner who works with nobody else in the network will neither hear nor pass on signals. It "
        "often means they were invited but never really involved."
    ),
    group=Group(
        _("{count} of {total} partners have no ties with other partners."),
        _("Record whom each works with, or introduce them to partners they should know."),
    ),
)
def no_isolated_partner(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    graph = context.tie_graph
    if graph.number_of_edges() == 0:
        return
    for i, partner in enumerate(doc.network.partners):
        if partner.key in graph and graph.degree(partner.key) == 0:
            yield flag(
                f"$.network.partners[{i}]",
                _("{partner} has no ties with other partners."),
                _("Record whom {partner} works with, or introduce them to partners they should know."),
                subject=partner.key,
                total=graph.number_of_nodes(),
                partner=partner.name,
            )


@rule(
    "LAP054",
    Severity.TIP,
    Element.NETWORK,
    title=_("The ties between partners are recorded"),
    why=_(
        "A sociogram (who works with, refers to, trusts or shares information with whom) shows how the "
        "network really works, and where it is thin."
    ),
)
def ties_recorded(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if len(context.present_partners) >= 2 and context.tie_graph.number_of_edges() == 0:
        yield flag(
            "$.network.ties",
            _("No ties between partners are recorded."),
            _("Draw the sociogram with partners: record who works with, refers to or trusts whom."),
        )


@rule(
    "LAP055",
    Severity.WARNING,
    Element.NETWORK,
    title=_("The network has no single point of failure"),
    why=_(
        "When the network hangs together through one person, it falls apart when that person changes job, "
        "falls ill or loses trust. Direct ties between the partners on either side make it robust."
    ),
    group=Group(
        _("The network falls apart if any of {count} partners drops out."),
        _("Connect the partners who now only meet through one of them directly with each other."),
    ),
)
def no_single_point_of_failure(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    cut_points = set(nx.articulation_points(context.tie_graph))
    for i, partner in enumerate(doc.network.partners):
        if partner.key in cut_points:
            yield flag(
                f"$.network.partners[{i}]",
                _("If {partner} drops out, the network falls apart."),
                _("Connect the partners who now only meet through {partner} directly with each other."),
                subject=partner.key,
                partner=partner.name,
            )


@rule(
    "LAP056",
    Severity.WARNING,
    Element.NETWORK,
    title=_("The network is one network"),
    why=_(
        "Groups of partners who work together but never with the other groups form separate networks. Signals "
        "then stay inside each group."
    ),
)
def one_network(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    graph = context.tie_graph
    connected = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    parts = nx.number_connected_components(connected) if connected else 0
    if parts > 1:
        yield flag(
            "$.network.ties",
            _("The partners form {parts} separate groups that do not work together."),
            _("Bring the groups together, for instance through a shared meeting or a partner who links them."),
            parts=parts,
        )
