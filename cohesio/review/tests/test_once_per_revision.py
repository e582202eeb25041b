"""The review and the plan document are computed once per plan revision: an unchanged plan is never re-checked
on a page view, and any write makes the next read fresh, even through a Plan object loaded before the write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.plans.editing import plan_row_update
from cohesio.plans.models import Goal, Plan
from cohesio.plans.tests.documents import scaled, small_document
from cohesio.review.selectors import plan_findings


def _queries(read) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = read()
    return len(captured), result


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def test_an_unchanged_plan_is_checked_once(plan):
    first, review = _queries(lambda: plan_findings(plan))
    again, same = _queries(lambda: plan_findings(plan))
    assert again < first
    # its revision, the co-creation counts, the cache and the accepted findings: nothing that reads the plan's rows
    assert again <= 4
    assert [r.finding.code for r in same.findings] == [r.finding.code for r in review.findings]


def test_the_cached_review_does_not_grow_with_the_plan(riverside, elsewhere):
    small = import_plan(small_document(), riverside)
    big = import_plan(scaled(small_document("Elsewhere"), 10), elsewhere)
    for plan in (small, big):
        plan_findings(plan)
    assert _queries(lambda: plan_findings(small))[0] == _queries(lambda: plan_findings(big))[0]


def test_a_write_makes_the_next_read_fresh_even_through_an_old_plan_object(alice, plan):
    loaded_before = Plan.objects.get(pk=plan.pk)  # as a page holds it while someone else writes
    assert plan_document(loaded_before).goals[0].title == "Resilient youth"
    findings_before = {r.finding.code for r in plan_findings(loaded_before).findings}
    goal = Goal.objects.get(plan=plan, key="g1")
    plan_row_update(
        acting_user=alice,
        plan=plan,
        row=goal,
        data={"title": "Resilient young people", "prevention_level": ""},
        expected_revision=goal.revision,
    )
    assert plan_document(loaded_before).goals[0].title == "Resilient young people"
    after = plan_findings(loaded_before)
    assert after.document.goals[0].title == "Resilient young people"
    assert {r.finding.code for r in after.findings} != findings_before  # a goal without a level is now reported


def test_pages_read_the_kept_review_without_changing_it(client, alice, bob, plan):
    """The last reviews are kept as objects in the process, shared by every page: no page, file or API answer
    may change them, for any reader."""
    from cohesio.format.io import digest
    from cohesio.review.locations import ELEMENT_PAGES
    from cohesio.review.selectors import _REVIEWS

    review = plan_findings(plan)
    kept = next(value for key, value in _REVIEWS.entries.items() if key.startswith(f"cohesio:plan:{plan.pk}:"))
    before = (digest(kept[0]), [f.to_dict() for f in kept[2]])
    urls = [f"/l/riverside/{page}" for page in ("", "check/", "check.json", "plan.json")]
    urls += [reverse(name, kwargs={"locality": "riverside"}) for name in ELEMENT_PAGES.values()]
    urls += ["/api/localities/riverside/findings", "/api/localities/riverside/plan"]
    for user in (alice, bob):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code in (200, 404), url
    assert plan_findings(plan).document is review.document  # the same object, not a copy
    assert (digest(kept[0]), [f.to_dict() for f in kept[2]]) == before
