"""Editing every part of the plan: validation, permissions, optimistic locking, order, deletion, adopted lock."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.plans.editing import REGISTRY, section_revision
from cohesio.plans.models import Goal, Plan

from .documents import small_document

LIST_KINDS = sorted(kind for kind, e in REGISTRY.items() if not e.singleton)
SECTION_KINDS = sorted(kind for kind, e in REGISTRY.items() if e.singleton)


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _create_url(kind):
    return reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": kind})


def _edit_url(kind, pk):
    return reverse("plans:edit", kwargs={"locality": "riverside", "kind": kind, "pk": pk})


@pytest.mark.parametrize("kind", LIST_KINDS)
def test_empty_form_shows_per_field_errors_and_saves_nothing(client, alice, plan, kind):
    model = REGISTRY[kind].model
    before = model.objects.count()
    client.force_login(alice)
    response = client.post(_create_url(kind), {"revision": 0})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "govuk-error-message" in body or kind == "signatory"
    assert model.objects.count() == before


@pytest.mark.parametrize("kind", LIST_KINDS)
def test_partner_may_not_add_to_the_plan(client, bob, plan, kind):
    model = REGISTRY[kind].model
    before = model.objects.count()
    client.force_login(bob)
    assert client.post(_create_url(kind), {"name": "x", "title": "x", "term": "x"}).status_code == 403
    assert model.objects.count() == before


@pytest.mark.parametrize("kind", LIST_KINDS + SECTION_KINDS)
def test_outsider_gets_404_for_every_edit_page(client, charlie, plan, kind):
    client.force_login(charlie)
    url = (
        reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": kind})
        if kind in SECTION_KINDS
        else _create_url(kind)
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind", LIST_KINDS)
def test_edit_form_opens_for_an_existing_object(client, alice, plan, kind):
    obj = REGISTRY[kind].model.objects.filter(plan=plan).first()
    client.force_login(alice)
    response = client.get(_edit_url(kind, obj.pk))
    assert response.status_code == 200
    assert 'name="revision"' in response.content.decode()


def test_coordinator_adds_a_goal(client, alice, plan):
    client.force_login(alice)
    parent = Goal.objects.get(plan=plan, title="Resilient youth")
    response = client.post(
        _create_url("goal"),
        {
            "title": "Parents feel supported",
            "kind": "sub_goal",
            "parent": parent.pk,
            "prevention_level": "specific",
            "extremism_kinds": ["right_wing", "left_wing"],
            "revision": 0,
        },
    )
    assert response.status_code == 302
    goal = Goal.objects.get(title="Parents feel supported")
    assert goal.parent == parent
    assert goal.extremism_kinds == ["right_wing", "left_wing"]
    assert goal.position == 2
    assert goal.locality_id == plan.locality_id


def test_sub_goal_without_parent_gets_a_clear_message(client, alice, plan):
    client.force_login(alice)
    response = client.post(
        _create_url("goal"), {"title": "Orphan", "kind": "sub_goal", "prevention_level": "general", "revision": 0}
    )
    assert "Choose the general goal this sub-goal belongs to." in response.content.decode()
    assert not Goal.objects.filter(title="Orphan").exists()


def test_duplicate_goal_title_is_explained_on_the_title_field(client, alice, plan):
    client.force_login(alice)
    response = client.post(
        _create_url("goal"),
        {"title": "Resilient youth", "kind": "general", "prevention_level": "general", "revision": 0},
    )
    assert response.status_code == 200
    assert Goal.objects.filter(title="Resilient youth").count() == 1
    assert "id_title-error" in response.content.decode() or "govuk-error-message" in response.content.decode()


def test_choices_only_offer_this_plans_objects(client, alice, plan, elsewhere):
    import_plan(small_document("Elsewhere"), elsewhere)
    theirs = Goal.objects.exclude(plan=plan).first()
    client.force_login(alice)
    response = client.post(
        _create_url("goal"),
        {"title": "Sneaky", "kind": "sub_goal", "parent": theirs.pk, "prevention_level": "general", "revision": 0},
    )
    assert response.status_code == 200
    assert not Goal.objects.filter(title="Sneaky").exists()


def test_second_editor_is_refused_and_sees_both_versions(client, alice, plan, riverside):
    """Two sessions open the same goal; the second save is refused, nothing is lost."""
    from django.test import Client

    from conftest import make_member

    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    other = Client()
    other.force_login(make_member(riverside, "coordinator", "second@riverside.example"))
    client.force_login(alice)
    base = {"kind": "general", "prevention_level": "general", "revision": goal.revision}
    first = client.post(_edit_url("goal", goal.pk), {**base, "title": "Resilient young people"})
    assert first.status_code == 302
    second = other.post(_edit_url("goal", goal.pk), {**base, "title": "Strong youth"})
    body = second.content.decode()
    assert second.status_code == 409
    assert "Someone else saved this while you were editing" in body
    assert "Resilient young people" in body and "Strong youth" in body
    goal.refresh_from_db()
    assert goal.title == "Resilient young people"
    # after seeing the other version, saving again keeps theirs deliberately
    again = other.post(_edit_url("goal", goal.pk), {**base, "revision": goal.revision, "title": "Strong youth"})
    assert again.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Strong youth"
    assert goal.history.count() >= 3


def test_sections_of_the_plan_are_edited_in_place(client, alice, plan):
    client.force_login(alice)
    url = reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": "vision"})
    revision = section_revision(plan, REGISTRY["vision"].writable)
    response = client.post(
        url,
        {
            "vision": "A town where everyone belongs.",
            "protection_statement": "",
            "setting_fit": "",
            "revision": revision,
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.vision == "A town where everyone belongs."
    assert plan.revision == 2
    # the same form again is stale now: the vision changed since it was opened
    again = client.post(url, {"vision": "Mine", "protection_statement": "", "setting_fit": "", "revision": revision})
    assert again.status_code == 409


def test_saving_one_section_leaves_an_open_form_of_another_section_current(client, alice, plan):
    """Each section of the plan has its own revision: the vision changing does not make the political
    owner's form stale."""
    client.force_login(alice)
    owner_revision = section_revision(plan, REGISTRY["political-owner"].writable)
    vision_url = reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": "vision"})
    client.post(
        vision_url,
        {
            "vision": "A town where everyone belongs.",
            "protection_statement": "",
            "setting_fit": "",
            "revision": section_revision(plan, REGISTRY["vision"].writable),
        },
    )
    owner_url = reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": "political-owner"})
    response = client.post(
        owner_url,
        {"political_owner_name": "Pat de Vries", "political_owner_office": "Mayor", "revision": owner_revision},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.vision, plan.political_owner_name) == ("A town where everyone belongs.", "Pat de Vries")


def test_plan_period_must_be_in_order(client, alice, plan):
    client.force_login(alice)
    url = reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": "plan-settings"})
    response = client.post(
        url,
        {"title": "T", "period_start": "2027-01-01", "period_end": "2026-01-01", "language": "en", "revision": 1},
    )
    assert "The end of the period must be after its start." in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Together in Riverside"


def test_goals_move_up_and_down(client, alice, plan):
    client.force_login(alice)
    second = Goal.objects.get(plan=plan, title="Early support")
    url = reverse(
        "plans:edit_move", kwargs={"locality": "riverside", "kind": "goal", "pk": second.pk, "direction": "up"}
    )
    assert client.post(url).status_code == 302
    assert [g.title for g in Goal.objects.filter(plan=plan)] == ["Early support", "Resilient youth"]
    assert client.get(url).status_code == 405


def test_delete_asks_for_confirmation_first(client, alice, plan):
    client.force_login(alice)
    goal = Goal.objects.get(plan=plan, title="Early support")
    url = reverse("plans:edit_delete", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk})
    page = client.get(url)
    assert "Yes, delete it" in page.content.decode()
    assert Goal.objects.filter(pk=goal.pk).exists()
    assert client.post(url).status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_adopted_plan_refuses_edits(client, alice, plan):
    Plan.objects.filter(pk=plan.pk).update(status="adopted")
    client.force_login(alice)
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    response = client.post(
        _edit_url("goal", goal.pk),
        {"title": "Changed", "kind": "general", "prevention_level": "general", "revision": goal.revision},
        follow=True,
    )
    assert "This plan is adopted" in response.content.decode()
    goal.refresh_from_db()
    assert goal.title == "Resilient youth"


def test_unknown_kind_is_not_found(client, alice, plan):
    client.force_login(alice)
    assert client.get(_create_url("spaceship")).status_code == 404


def test_htmx_loads_the_form_inline_and_saving_redirects_the_page(client, alice, plan):
    client.force_login(alice)
    headers = {"HX-Request": "true"}
    form = client.get(_create_url("definition"), headers=headers).content.decode()
    assert "<html" not in form  # only the form, for the element page's inline editor
    assert 'hx-post="' in form and 'hx-target="#inline-editor"' in form
    response = client.post(
        _create_url("definition"), {"term": "Cohesion", "audience": "public", "revision": 0}, headers=headers
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("plans:definitions", kwargs={"locality": "riverside"})
    invalid = client.post(_create_url("definition"), {"term": "", "audience": "public", "revision": 0}, headers=headers)
    assert "govuk-error-summary" in invalid.content.decode() and "<html" not in invalid.content.decode()


@pytest.mark.parametrize("kind", SECTION_KINDS)
def test_partner_may_not_change_a_section_of_the_plan(client, bob, plan, kind):
    client.force_login(bob)
    url = reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": kind})
    assert client.post(url, {"vision": "x", "title": "x", "revision": 1}).status_code == 403
    plan.refresh_from_db()
    assert plan.revision == 1 and plan.vision == "Everyone belongs here."


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("plan-settings", {"title": "", "language": "en"}, "title"),
        ("political-owner", {"political_owner_name": "x" * 201}, "political_owner_name"),
        (
            "vision",
            {"vision": "x" * 100, "protection_statement": "", "setting_fit": "", "revision": "not a number"},
            "revision",
        ),
        ("cooperation-process", {"cooperation_process": "x", "revision": "abc"}, "revision"),
        ("analysis-summary", {"analysis_summary": "x", "revision": "abc"}, "revision"),
    ],
)
def test_invalid_section_input_shows_errors_and_saves_nothing(client, alice, plan, kind, data, field):
    client.force_login(alice)
    url = reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": kind})
    response = client.post(url, {"revision": 1, **data})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert field in response.context["form"].errors
    plan.refresh_from_db()
    assert plan.revision == 1


def test_coordinator_reads_who_changed_what(client, alice, plan):
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    client.force_login(alice)
    client.post(
        _edit_url("goal", goal.pk),
        {
            "title": "Resilient young people",
            "kind": "general",
            "prevention_level": "general",
            "revision": goal.revision,
        },
    )
    url = reverse("plans:edit_history", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk})
    body = client.get(url).content.decode()
    assert "alice@riverside.example" in body
    assert "Resilient youth" in body and "Resilient young people" in body
    strategy = client.get(reverse("plans:strategy", kwargs={"locality": "riverside"})).content.decode()
    assert url in strategy


def test_history_of_a_kind_without_history_is_not_found(client, alice, plan):
    from cohesio.analysis.models import Area

    area = Area.objects.filter(plan=plan).first()
    client.force_login(alice)
    url = reverse("plans:edit_history", kwargs={"locality": "riverside", "kind": "area", "pk": area.pk})
    assert client.get(url).status_code == 404


def test_organisation_still_used_by_partners_is_not_deleted_and_says_why(client, alice, plan):
    from cohesio.network.models import Organisation

    school = Organisation.objects.get(plan=plan, name="North School")
    client.force_login(alice)
    url = reverse("plans:edit_delete", kwargs={"locality": "riverside", "kind": "organisation", "pk": school.pk})
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "North School is still used by Ann Teacher" in response.content.decode()
    assert Organisation.objects.filter(pk=school.pk).exists()


def test_intervention_end_before_start_is_explained_on_the_end_date(client, alice, plan):
    from cohesio.interventions.models import Intervention

    client.force_login(alice)
    response = client.post(
        _create_url("intervention"),
        {
            "name": "Backwards",
            "prevention_level": "general",
            "status": "planned",
            "starts_on": "2026-06-01",
            "ends_on": "2026-01-01",
            "revision": 0,
        },
    )
    assert "The end date must be after the start date." in response.content.decode()
    assert "ends_on" in response.context["form"].errors
    assert not Intervention.objects.filter(name="Backwards").exists()


def test_new_plan_period_must_be_in_order(client, alice, riverside):
    client.force_login(alice)
    response = client.post(
        reverse("plans:start", kwargs={"locality": "riverside"}),
        {"title": "T", "period_start": "2027-01-01", "period_end": "2026-01-01", "revision": 0},
    )
    assert "period_end" in response.context["form"].errors
    assert not Plan.objects.exists()
