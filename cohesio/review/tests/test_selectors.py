"""`plan_findings`: the demo plan is clean, places read well, edit links cost one query per kind of row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.models import Goal
from cohesio.plans.tests.documents import scaled, small_document
from cohesio.review.locations import place_of
from cohesio.review.selectors import plan_findings


def test_the_riverton_demo_plan_has_no_errors(riverside):
    plan = import_plan(riverton_document(), riverside)

    assert plan_findings(plan).summary["errors"] == 0


@pytest.mark.parametrize(
    "path, label",
    [
        ("$.goals[1].prevention_level", "Goal 2 “Early support” › prevention level"),  # a field of a row
        ("$.network.partners[1]", "Partner 2 “Ben Officer”"),  # a row
        ("$.sharing.rules[0].why", "Sharing rule 1 › why it is shared"),  # a row without a name
        ("$.definitions", "Definitions"),  # a whole list
        ("$.plan.extremism_scope", "Kinds of extremism"),  # a list inside the plan part
        ("$.plan.setting_fit", "Fit with the regional and national setting"),  # a field of the plan
        ("$.political_support.owner_name", "Political owner"),  # a plan field under another name
        (
            "$.sharing.agreement.based_on",
            "Information-sharing agreement › based on an existing agreement",
        ),  # the one agreement
        ("$.cooperation.coordinator", "Coordinator"),
        ("$.network", "Local network"),
        ("$", "The plan as a whole"),
    ],
)
def test_a_path_reads_as_a_place_in_the_plan(path, label):
    assert place_of(path, small_document()).label == label


def test_edit_links_point_at_the_row_of_the_same_position(riverside):
    doc = small_document().model_copy(deep=True)
    doc.goals[1].prevention_level = None
    plan = import_plan(doc, riverside)

    review = plan_findings(plan, with_edit_links=True)

    links = {r.finding.path: r.edit.url for r in review.findings if r.edit}
    goal = list(Goal.objects.filter(plan=plan))[1]
    partner = list(Partner.objects.filter(plan=plan))[1]
    assert links["$.goals[1].prevention_level"] == f"/l/riverside/edit/goal/{goal.pk}/"
    assert links["$.network.partners[1]"] == f"/l/riverside/edit/partner/{partner.pk}/"
    assert links["$.definitions"] == "/l/riverside/edit/definition/new/"
    assert links["$.plan.setting_fit"] == "/l/riverside/edit/vision/"


def test_edit_links_cost_the_same_queries_for_ten_times_the_findings(riverside, elsewhere):
    small = import_plan(small_document(), riverside)
    big = import_plan(scaled(small_document(), 10), elsewhere)

    counts = []
    for plan in (small, big):
        with CaptureQueriesContext(connection) as queries:
            review = plan_findings(plan, with_edit_links=True)
        counts.append(len(queries))
    assert len(review.findings) > 100
    assert counts[0] == counts[1]
