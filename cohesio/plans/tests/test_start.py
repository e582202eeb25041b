"""The start-a-plan path for a new coordinator: plan and period, political owner, first partners, vision."""

from django.core import mail
from django.urls import reverse

from cohesio.network.models import Partner
from cohesio.plans.editing import section_revision
from cohesio.plans.forms import PoliticalOwnerForm, VisionForm
from cohesio.plans.models import Plan


def _step(step):
    return reverse("plans:start_step", kwargs={"locality": "riverside", "step": step})


def test_new_coordinator_walks_the_start_path_to_the_overview(
    client, alice, riverside, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    start = reverse("plans:start", kwargs={"locality": "riverside"})
    assert "Step 1 of 4" in client.get(start).content.decode()
    response = client.post(
        start, {"title": "Together 2026", "period_start": "2026-01-01", "period_end": "2029-12-31", "revision": 0}
    )
    assert response.url == _step("political-owner")
    plan = Plan.objects.get(locality=riverside)
    assert plan.status == "draft"
    response = client.post(
        _step("political-owner"),
        {
            "political_owner_name": "Mayor Jo",
            "political_owner_office": "Mayor",
            "revision": section_revision(plan, PoliticalOwnerForm._meta.fields),
        },
    )
    assert response.url == _step("partners")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _step("partners"),
            {
                "name": "Ann Teacher",
                "email": "ann@school.example",
                "function": "Head teacher",
                "new_organisation": "North School",
                "sector": "education",
            },
        )
    assert response.url == _step("partners")
    partner = Partner.objects.get(plan=plan)
    assert partner.status == "invited" and partner.organisation.name == "North School"
    assert len(mail.outbox) == 1
    plan.refresh_from_db()
    response = client.post(
        _step("vision"),
        {
            "vision": "Everyone belongs.",
            "protection_statement": "Youth.",
            "setting_fit": "",
            "revision": section_revision(plan, VisionForm._meta.fields),
        },
    )
    assert response.url == reverse("plans:overview", kwargs={"locality": "riverside"})
    plan.refresh_from_db()
    assert (plan.political_owner_name, plan.vision) == ("Mayor Jo", "Everyone belongs.")


def test_start_needs_a_period(client, alice, riverside):
    client.force_login(alice)
    response = client.post(reverse("plans:start", kwargs={"locality": "riverside"}), {"title": "T", "revision": 0})
    assert "Enter the date the plan starts." in response.content.decode()
    assert not Plan.objects.exists()


def test_partner_cannot_start_a_plan(client, bob):
    client.force_login(bob)
    response = client.post(
        reverse("plans:start", kwargs={"locality": "riverside"}),
        {"title": "T", "period_start": "2026-01-01", "period_end": "2027-01-01"},
    )
    assert response.status_code == 403
    assert not Plan.objects.exists()


def test_element_page_without_a_plan_sends_people_to_the_overview(client, alice):
    client.force_login(alice)
    response = client.get(reverse("plans:strategy", kwargs={"locality": "riverside"}))
    assert response.url == reverse("plans:overview", kwargs={"locality": "riverside"})


def test_start_step_saved_elsewhere_meanwhile_keeps_both_versions(client, alice, riverside):
    plan = Plan.objects.create(locality=riverside, title="T")
    Plan.objects.filter(pk=plan.pk).update(vision="Written by a colleague", revision=2)
    client.force_login(alice)
    response = client.post(
        _step("vision"), {"vision": "Mine", "protection_statement": "", "setting_fit": "", "revision": 1}
    )
    body = response.content.decode()
    assert "Written by a colleague" in body and "Mine" in body
    plan.refresh_from_db()
    assert plan.vision == "Written by a colleague"
