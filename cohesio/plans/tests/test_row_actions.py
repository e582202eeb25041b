"""A row's edit controls on element pages: the addresses of the editing kit's routes, a CSRF field in each form,
the row named for screen readers, and nothing for readers or once the plan is locked."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from cohesio.analysis.models import Factor, Source
from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document

TEMPLATE = Template('{% include "plans/edit/actions.html" with kind=kind obj=obj orderable=orderable %}')


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _render(plan, kind, obj, *, orderable=False, may_edit=True) -> str:
    context = {"plan": plan, "current_locality": plan.locality, "may_edit": may_edit, "csrf_token": "tok3n"}
    context |= {"kind": kind, "obj": obj, "orderable": orderable, "request": RequestFactory().get("/")}
    return TEMPLATE.render(Context(context))


@pytest.mark.parametrize("orderable", [True, False])
def test_the_controls_go_to_the_editing_kits_routes(plan, orderable):
    factor = Factor.objects.get(plan=plan, key="f1")
    html = _render(plan, "factor", factor, orderable=orderable)
    kwargs = {"locality": plan.locality.slug, "kind": "factor", "pk": factor.pk}
    links = re.findall(r'href="([^"]+)"', html)
    assert links == [reverse(f"plans:{name}", kwargs=kwargs) for name in ("edit", "edit_delete", "edit_history")]
    assert f'hx-get="{reverse("plans:edit", kwargs=kwargs)}"' in html
    actions = re.findall(r'<form[^>]*action="([^"]+)"', html)
    moves = [reverse("plans:edit_move", kwargs={**kwargs, "direction": d}) for d in ("up", "down")]
    assert actions == (moves if orderable else [])
    assert html.count('name="csrfmiddlewaretoken" value="tok3n"') == (2 if orderable else 0)
    assert html.count(f'<span class="govuk-visually-hidden"> {factor}</span>') == (5 if orderable else 3)


def test_a_kind_without_history_has_no_history_link_and_names_are_escaped(plan):
    source = Source.objects.get(plan=plan, key="s1")
    source.name = "<b>Youth & co</b>"
    html = _render(plan, "source", source)
    assert "/history/" not in html  # sources keep no edit history
    assert "&lt;b&gt;Youth &amp; co&lt;/b&gt;" in html and "<b>" not in html


def test_no_controls_for_readers_or_once_the_plan_is_locked(plan):
    factor = Factor.objects.get(plan=plan, key="f1")
    assert _render(plan, "factor", factor, may_edit=False).strip() == ""
    plan.status = "adopted"
    assert plan.is_locked
    assert _render(plan, "factor", factor).strip() == ""
