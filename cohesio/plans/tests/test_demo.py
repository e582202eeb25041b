"""`cohesio demo`: Riverton with one login per role, loaded once."""

import pytest

from cohesio.cli import main
from cohesio.core.models import Locality, Membership
from cohesio.demo.load import DEMO_LOGINS
from cohesio.network.models import Partner


@pytest.mark.django_db
def test_demo_loads_riverton_with_a_login_per_role_and_prints_them(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    riverton = Locality.objects.get(slug="riverton")
    assert riverton.fictional
    assert sorted(Membership.objects.filter(locality=riverton).values_list("role", flat=True)) == sorted(
        role for _email, role, _name in DEMO_LOGINS
    )
    for email, _role, _name in DEMO_LOGINS:
        assert email in out
    partner = Partner.objects.get(user__email="partner@riverton.example")
    assert partner.organisation.sector == "education"


@pytest.mark.django_db
def test_demo_is_loaded_only_once(capsys):
    main(["demo"])
    assert main(["demo", "--require-empty"]) == 1
    assert "already loaded" in capsys.readouterr().out
    assert Locality.objects.filter(slug="riverton").count() == 1


@pytest.mark.django_db
def test_the_adopted_demo_plan_has_its_consultation_recorded_and_no_findings_in_the_app():
    from cohesio.cocreation.models import Endorsement
    from cohesio.plans.selectors import current_plan
    from cohesio.review.selectors import plan_findings

    main(["demo"])
    plan = current_plan(Locality.objects.get(slug="riverton"))
    assert plan.status == "adopted"
    endorsed = set(Endorsement.objects.filter(plan=plan, current=True).values_list("role", "decision"))
    assert endorsed == {("partner", "endorsed"), ("political_owner", "endorsed")}
    mayor = Membership.objects.get(locality=plan.locality, role="political_owner").user
    assert mayor.first_name == plan.political_owner_name  # the account is the plan's political owner, by name
    assert [item.finding.code for item in plan_findings(plan).findings] == []
