"""The Riverton demo plan is complete, valid, connected and the same on every call."""

from itertools import pairwise

import networkx as nx
import pytest

from cohesio.demo import riverton_document
from cohesio.format import dump, load
from cohesio.format.vocabulary import (
    ExtremismKind,
    IndicatorDirection,
    IndicatorKind,
    NetworkKind,
    PartnerStatus,
    PreventionLevel,
    Sector,
)


@pytest.fixture(scope="module")
def doc():
    return riverton_document()


def _graph(doc) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(p.key for p in doc.network.partners)
    graph.add_edges_from((t.source, t.target) for t in doc.network.ties)
    return graph


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def test_document_survives_a_round_trip_through_the_open_format(doc):
    assert load(dump(doc)) == doc


def test_document_is_the_same_on_every_call(doc):
    assert dump(riverton_document()) == dump(doc)


def test_locality_is_labelled_fictional(doc):
    assert doc.locality.name == "Riverton"
    assert doc.locality.fictional is True


def test_plan_addresses_all_four_kinds_of_extremism(doc):
    assert {s.kind for s in doc.plan.extremism_scope if s.addressed} == set(ExtremismKind)


def test_network_has_at_least_35_partners_named_as_people(doc):
    assert len(doc.network.partners) >= 35
    assert all(" " in p.name for p in doc.network.partners)


def test_network_covers_every_sector(doc):
    assert {o.sector for o in doc.network.organisations} == set(Sector)


def test_informal_network_has_at_least_five_people(doc):
    informal = [p for p in doc.network.partners if p.network == NetworkKind.INFORMAL]
    assert len(informal) >= 5
    assert all(p.organisation is None and p.sector in {Sector.COMMUNITY, Sector.CIVIL_SOCIETY} for p in informal)


def test_every_active_partner_accepts_the_coordinator(doc):
    active = [p for p in doc.network.partners if p.status == PartnerStatus.ACTIVE]
    assert active and all(p.accepts_coordinator for p in active)


def test_coordinator_works_at_the_municipality(doc):
    partners = {p.key: p for p in doc.network.partners}
    sectors = {o.key: o.sector for o in doc.network.organisations}
    coordinator = partners[doc.cooperation.coordinator]
    assert sectors[coordinator.organisation] == Sector.LOCAL_GOVERNMENT


def test_formal_partners_have_role_mandate_tasks_interests_doubts_and_conditions(doc):
    fields = ("role", "mandate", "tasks", "interests", "doubts", "conditions")
    formal = [p for p in doc.network.partners if p.network == NetworkKind.FORMAL]
    assert all(getattr(p, field) for p in formal for field in fields)


def test_ties_form_one_connected_network_without_a_single_point_of_failure(doc):
    graph = _graph(doc)
    assert len(doc.network.ties) == graph.number_of_edges()  # no duplicates, in either direction
    assert nx.is_connected(graph)
    assert nx.is_biconnected(graph)
    assert not list(nx.bridges(graph))


def test_interventions_cover_all_levels_and_all_kinds_of_extremism(doc):
    assert len(doc.interventions) >= 25
    assert {iv.prevention_level for iv in doc.interventions} == set(PreventionLevel)
    assert {kind for iv in doc.interventions for kind in iv.extremism_kinds} == set(ExtremismKind)


def test_every_goal_has_an_intervention_and_an_indicator(doc):
    goals = {g.key for g in doc.goals}
    assert goals == {goal for iv in doc.interventions for goal in iv.goals}
    assert goals <= {goal for m in doc.monitoring for goal in m.goals}


def test_every_indicator_says_what_it_measures_and_which_way_is_better(doc):
    assert all(m.kind is not None and m.direction is not None for m in doc.monitoring)
    assert {m.kind for m in doc.monitoring} == set(IndicatorKind)
    assert {m.direction for m in doc.monitoring} == set(IndicatorDirection)


def test_one_intervention_is_led_by_an_organisation_without_a_named_person(doc):
    assert [iv.key for iv in doc.interventions if iv.lead is None and iv.lead_organisation] == ["iv-play-fair"]


def test_interventions_cost_no_more_than_the_budget(doc):
    spent = sum(iv.budget for iv in doc.interventions)
    assert spent <= sum(line.amount for line in doc.political_support.budget_lines)


def test_budget_is_shared_with_at_least_two_other_policy_fields(doc):
    assert len({field for line in doc.political_support.budget_lines for field in line.shared_with}) >= 2


def test_every_information_type_has_a_sharing_rule(doc):
    ruled = {rule.information_type for rule in doc.sharing.rules}
    assert {it.key for it in doc.sharing.information_types} <= ruled


def test_agreement_is_signed_for_every_organisation_that_shares_or_receives(doc):
    sharing = doc.sharing
    involved = {it.organisation for it in sharing.information_types}
    involved |= {org for rule in sharing.rules for org in rule.recipients}
    signed = {s.organisation for s in sharing.agreement.signatories}
    assert involved <= signed
    org_of = {p.key: p.organisation for p in doc.network.partners}
    assert all(org_of[s.signed_by] == s.organisation for s in sharing.agreement.signatories)


def test_factors_are_both_risk_and_protective_and_cite_sources(doc):
    factors = doc.analysis.factors
    assert {f.kind.value for f in factors} == {"risk", "protective"}
    assert all(f.sources and f.areas for f in factors)
    assert {f.timeframe.value for f in factors} == {"past", "present", "emerging"}


def test_areas_are_closed_counter_clockwise_polygons(doc):
    for area in doc.analysis.areas:
        ring = area.geometry["coordinates"][0]
        assert area.geometry["type"] == "Polygon"
        assert ring[0] == ring[-1]
        assert _ring_area(ring) > 0


def test_all_indicator_figures_are_marked_synthetic(doc):
    assert all(ind.synthetic and "synthetic" in ind.name.lower() for ind in doc.analysis.indicators)
    assert all(m.synthetic and "synthetic" in m.name.lower() for m in doc.monitoring)


@pytest.mark.django_db
def test_the_demo_file_is_what_the_loaded_demo_plan_exports(capsys):
    """riverton.json is an ordinary plan file: loaded through the import, the plan exports exactly that file."""
    import json

    from cohesio.cli import main
    from cohesio.core.models import Locality
    from cohesio.demo.riverton import DEMO_FILE
    from cohesio.document.selectors import plan_document
    from cohesio.format import dump
    from cohesio.plans.selectors import current_plan

    main(["demo"])
    exported = dump(plan_document(current_plan(Locality.objects.get(slug="riverton"))))
    assert exported == json.loads(DEMO_FILE.read_text(encoding="utf-8"))
