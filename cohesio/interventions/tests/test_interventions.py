"""Interventions led by an organisation, with a level not stated, and indicators of several goals with a direction
and a type: through the edit forms, on the pages, and in the plan document."""

import pytest
from django.urls import reverse

from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.interventions.models import Intervention, Measurement, MonitoringIndicator
from cohesio.network.models import Organisation
from cohesio.plans.editing import plan_object_delete, plan_object_undo_delete
from cohesio.plans.models import Goal
from cohesio.plans.tests.documents import small_document


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _create_url(kind):
    return reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": kind})


def _edit_url(kind, pk):
    return reverse("plans:edit", kwargs={"locality": "riverside", "kind": kind, "pk": pk})


def _page(client, name, **kwargs):
    return client.get(reverse(f"interventions:{name}", kwargs={"locality": "riverside", **kwargs})).content.decode()


def test_the_intervention_form_offers_not_stated_and_a_lead_organisation(client, alice, plan):
    client.force_login(alice)

    form = client.get(_create_url("intervention")).context["form"]

    assert form.fields["prevention_level"].choices[0] == ("", "Not stated")
    assert {str(o) for o in form.fields["lead_organisation"].queryset} == {"North School", "Police Riverside"}


def test_an_intervention_is_saved_with_its_level_not_stated_and_led_by_an_organisation(client, alice, plan):
    school = Organisation.objects.get(plan=plan, name="North School")
    client.force_login(alice)

    response = client.post(
        _create_url("intervention"),
        {
            "name": "Homework club",
            "prevention_level": "",
            "lead_organisation": school.pk,
            "status": "planned",
            "revision": 0,
        },
    )

    assert response.status_code == 302
    club = Intervention.objects.get(name="Homework club")
    assert (club.prevention_level, club.lead, club.lead_organisation) == ("", None, school)
    [shown] = [iv for iv in plan_document(plan).interventions if iv.name == "Homework club"]
    assert (shown.prevention_level, shown.lead, shown.lead_organisation) == (None, None, "o1")


def test_an_indicator_is_saved_with_several_goals_a_direction_and_a_type(client, alice, plan):
    goals = list(Goal.objects.filter(plan=plan).order_by("position"))
    client.force_login(alice)

    response = client.post(
        _create_url("indicator"),
        {
            "name": "Pupils who feel they belong",
            "goals": [g.pk for g in goals],
            "direction": "up",
            "kind": "outcome",
            "revision": 0,
        },
    )

    assert response.status_code == 302
    indicator = MonitoringIndicator.objects.get(name="Pupils who feel they belong")
    assert (set(indicator.goals.all()), indicator.direction, indicator.kind) == (set(goals), "up", "outcome")
    [shown] = [m for m in plan_document(plan).monitoring if m.name == "Pupils who feel they belong"]
    assert (shown.goals, shown.direction, shown.kind) == (["g1", "g2"], "up", "outcome")


def test_an_indicator_without_goal_or_intervention_is_refused_on_its_goals(client, alice, plan):
    client.force_login(alice)

    response = client.post(_create_url("indicator"), {"name": "Floating", "direction": "", "kind": "", "revision": 0})

    assert response.status_code == 200
    assert response.context["form"].errors["goals"] == ["Link the indicator to a goal or an intervention."]
    assert not MonitoringIndicator.objects.filter(name="Floating").exists()


def test_emptying_the_goals_of_an_indicator_without_intervention_is_refused(client, alice, plan):
    indicator = MonitoringIndicator.objects.get(plan=plan, name="Pupils reached")
    indicator.intervention = None
    indicator.save()
    client.force_login(alice)

    response = client.post(
        _edit_url("indicator", indicator.pk), {"name": "Pupils reached", "goals": [], "revision": indicator.revision}
    )

    assert "Link the indicator to a goal or an intervention." in response.content.decode()
    assert indicator.goals.count() == 1


def test_the_list_shows_the_lead_with_its_organisation_and_a_level_not_stated(client, alice, plan):
    Intervention.objects.filter(plan=plan, name="Mentoring").update(
        prevention_level="", lead_organisation=Organisation.objects.get(plan=plan, name="Police Riverside")
    )
    client.force_login(alice)

    page = _page(client, "list")

    assert "Ann Teacher, North School" in page  # the lead partner of the lessons, with her organisation
    assert "Police Riverside" in page and "Level not stated" in page


def test_the_filter_for_a_level_not_stated_lists_only_those(client, alice, plan):
    Intervention.objects.filter(plan=plan, name="Mentoring").update(prevention_level="")
    client.force_login(alice)

    page = client.get(reverse("interventions:list", kwargs={"locality": "riverside"}) + "?level=not_stated")

    assert [iv.name for iv in page.context["interventions"].items] == ["Mentoring"]


def test_the_detail_page_shows_lead_kind_direction_goals_and_progress(client, alice, plan):
    lessons = Intervention.objects.get(plan=plan, name="Critical thinking lessons")
    police = Organisation.objects.get(plan=plan, name="Police Riverside")
    Intervention.objects.filter(pk=lessons.pk).update(lead_organisation=police)
    MonitoringIndicator.objects.filter(plan=plan, name="Pupils reached").update(kind="output", direction="up")
    client.force_login(alice)

    page = _page(client, "detail", pk=lessons.pk)

    assert "Ann Teacher</a>, Police Riverside" in page  # the person, within the organisation that leads
    assert "Output (what it produced)" in page and "Higher is better" in page
    assert "Goals: Resilient youth" in page
    assert "24% of the way from baseline to target" in page  # 120 of 500 from 0


def test_progress_reads_the_direction(plan):
    indicator = MonitoringIndicator.objects.get(plan=plan, name="Pupils reached")
    indicator.baseline, indicator.target = 500, 500  # hold the level
    Measurement.objects.filter(indicator=indicator).update(value=520)

    indicator.direction = "up"
    assert indicator.progress == 100
    indicator.direction = "down"
    assert indicator.progress == 0


def test_the_detail_page_of_an_intervention_led_by_an_organisation_alone(client, alice, plan):
    mentoring = Intervention.objects.get(plan=plan, name="Mentoring")
    Intervention.objects.filter(pk=mentoring.pk).update(
        lead_organisation=Organisation.objects.get(plan=plan, name="Police Riverside"), prevention_level=""
    )
    client.force_login(alice)

    page = _page(client, "detail", pk=mentoring.pk)

    assert "Police Riverside" in page and "Level not stated" in page
    assert "What it measures is not stated" not in page  # mentoring has no indicator


def test_in_dutch_the_new_labels_are_translated(client, alice, plan):
    Intervention.objects.filter(plan=plan, name="Mentoring").update(prevention_level="")
    MonitoringIndicator.objects.filter(plan=plan, name="Pupils reached").update(kind="outcome", direction="down")
    client.force_login(alice)
    lessons = Intervention.objects.get(plan=plan, name="Critical thinking lessons")

    listed = client.get(reverse("interventions:list", kwargs={"locality": "riverside"}), HTTP_ACCEPT_LANGUAGE="nl")
    detail = client.get(lessons.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl")

    assert "Niveau niet vermeld" in listed.content.decode()
    assert "Uitkomst (wat er veranderde)" in detail.content.decode()
    assert "Lager is beter" in detail.content.decode()


def test_undoing_the_deletion_of_a_lead_organisation_makes_it_lead_again(alice, plan):
    library = Organisation.objects.create(plan=plan, locality=plan.locality, name="Library", sector="other")
    Intervention.objects.filter(plan=plan, name="Mentoring").update(lead_organisation=library)
    library_pk = library.pk

    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=library)
    assert Intervention.objects.get(plan=plan, name="Mentoring").lead_organisation is None
    plan_object_undo_delete(acting_user=alice, snapshot=snapshot)

    assert Intervention.objects.get(plan=plan, name="Mentoring").lead_organisation_id == library_pk
