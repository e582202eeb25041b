"""Conditions for multi-agency cooperation: roles, the coordinator, and information sharing."""

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.choices import label
from cohesio.core.kept import render_kept
from cohesio.core.pagination import PER_PAGE, paginate
from cohesio.core.permissions import can, require
from cohesio.format.sharing import flows, in_force, not_signed, sharing_matrix
from cohesio.format.vocabulary import AgreementState, CaseRole
from cohesio.network.models import Organisation, Partner
from cohesio.network.selectors import own_partner_profile
from cohesio.plans.edit_views import locked_page
from cohesio.plans.editing import InvalidEdit, PlanLocked, plan_object_save
from cohesio.plans.selectors import plan_for

from .forms import InForceForm, MatrixFilterForm, OwnInformationTypeForm, TemplateForm
from .models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory
from .selectors import sharing_section
from .services import (
    TemplateRefused,
    agreement_bring_into_force,
    agreement_sign,
    agreement_start_from_template,
    signing_partner,
)
from .words import labels, rule_words


@locality_view("plan.view")
@require_GET
def cooperation(request):
    plan = plan_for(request.locality)

    def body() -> dict:
        partners = list(Partner.objects.filter(plan=plan, network="formal").select_related("organisation", "locality"))
        agreement = Agreement.objects.filter(plan=plan).first()
        signatories = Signatory.objects.filter(plan=plan, agreement=agreement).select_related(
            "organisation", "signed_by"
        )
        rules = SharingRule.objects.filter(plan=plan).select_related("information_type__organisation")
        information_types = InformationType.objects.filter(plan=plan).select_related("organisation")
        # each list a page at a time, each with its own page in the address; each is read whole in one query (at most
        # MAX_ROWS rows) rather than counted and sliced, a query fewer per list
        context = {
            "partners": paginate(request, partners, param="partners", anchor="roles"),
            "coordinator": next((p for p in partners if p.is_plan_coordinator), None),
            "information_types": paginate(request, list(information_types), param="information", anchor="information"),
            "rules": paginate(request, list(rules), param="rules", anchor="rules"),
            "agreement": agreement,
            "signatories": paginate(request, list(signatories), param="signatories", anchor="agreement"),
            "evaluations": paginate(
                request, list(SharingEvaluation.objects.filter(plan=plan)), param="evaluations", anchor="evaluations"
            ),
        }
        rules_on_page = context["rules"].items
        prefetch_related_objects(rules_on_page, "recipients")  # for the rules on the page only
        context["rule_words"] = [(r, rule_words(r, [o.name for o in r.recipients.all()])) for r in rules_on_page]
        context["state"] = agreement_state(agreement, timezone.localdate()) if agreement else None
        status = _agreement_status(sharing_section(plan), timezone.localdate())
        context["not_signed"], context["all_signed"] = status["not_signed"], status["all_signed"]
        # the signing partner is a formal partner of an organisation (services.signing_partner): among those loaded
        own = next((p for p in partners if p.user_id == request.user.pk and p.organisation_id), None)
        context["may_sign"] = agreement is not None and own is not None and can(request.user, "agreement.sign", own)
        context["may_bring_into_force"] = agreement is not None and can(
            request.user, "agreement.bring_into_force", request.locality
        )
        return context

    return render_kept(request, "sharing/cooperation.html", plan, body)


@locality_view("plan.view")
def my_information_types(request):
    """A partner lists the types of information their organisation holds, and adds one."""
    plan = plan_for(request.locality)
    partner = own_partner_profile(plan, request.user)
    if partner is None or partner.organisation is None:
        raise Http404
    form = OwnInformationTypeForm(
        request.POST or None, instance=InformationType(organisation=partner.organisation), plan=plan
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_object_save(
                acting_user=request.user, plan=plan, form=form, action="partner.edit_own", permission_object=partner
            )
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except PlanLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(request, _("Saved."))
            return redirect("sharing:my_information_types", locality=request.locality.slug)
    held = InformationType.objects.filter(plan=plan, organisation=partner.organisation)
    context = {"form": form, "partner": partner, "plan": plan, "information_types": held}
    return render(request, "sharing/my_information_types.html", context)


def _rule_url(request, section, rule_key: str) -> str:
    """The rule on the cooperation page: its card, on the page of rules that holds it."""
    page = section.rule_positions.get(rule_key, 0) // PER_PAGE + 1
    return reverse("sharing:cooperation", kwargs={"locality": request.locality.slug}) + f"?rules={page}#rule-{rule_key}"


def _column_name(section, column) -> str:
    if column.organisation is not None:
        return section.organisations.get(column.organisation, column.organisation)
    return _("%(role)s (any organisation)") % {"role": label(CaseRole, column.role)}


def _add_rule_url(request, holder: str, column) -> str:
    """A new rule from this holder to this receiver (the editing kit's form, filled in from the address)."""
    wanted = {"holder": holder}
    if column.organisation is not None:
        wanted["recipient"] = column.organisation
    else:
        wanted["role"] = column.role.value
    url = reverse("plans:edit_create", kwargs={"locality": request.locality.slug, "kind": "sharing-rule"})
    return f"{url}?{urlencode(wanted)}"


def _matrix_rows(request, section, grid, holders, columns, may_add: bool) -> list[dict]:
    kinds = {t.key: t.name for t in section.sharing.information_types}
    today = timezone.localdate()
    rows = []
    for holder in holders:
        cells = []
        for column in columns:
            cells.append(
                {
                    "receiver": _column_name(section, column),
                    "flows": [
                        {
                            "name": kinds.get(f.information_type, f.information_type),
                            "url": _rule_url(request, section, f.rule.key),
                            "roles": labels(CaseRole, f.roles),
                            "ended": f.rule.valid_until if f.rule.valid_until and f.rule.valid_until < today else None,
                        }
                        for f in grid.cell(holder, column)
                    ],
                    "add_url": _add_rule_url(request, holder, column) if may_add else "",
                }
            )
        rows.append({"holder": section.organisations.get(holder, holder), "cells": cells})
    return rows


def agreement_state(agreement, today) -> dict:
    """The agreement's version and state as the pages show them (a stored or an open-format agreement)."""
    return {
        "version": agreement.version,
        "label": label(AgreementState, agreement.state),
        "draft": agreement.state == AgreementState.DRAFT,
        "ended": agreement.state == AgreementState.ENDED,
        "in_force": in_force(agreement, today),
        "since": agreement.in_force_from if agreement.state == AgreementState.IN_FORCE else None,
    }


def _agreement_status(section, today) -> dict:
    """Whether the agreement is in force today, and who has not signed its current version (as may_share sees it)."""
    agreement = section.sharing.agreement
    if agreement is None:
        return {"agreement": None, "state": None, "not_signed": [], "all_signed": False}
    missing = not_signed(section.sharing, today)
    order = {key: i for i, key in enumerate(section.organisations)}
    return {
        "agreement": agreement,
        "state": agreement_state(agreement, today),
        "not_signed": [section.organisations[k] for k in sorted(missing, key=order.get) if k in order],
        "all_signed": not missing,
    }


@locality_view("plan.view")
@require_GET
def matrix(request):
    """Who may share what with whom: holders (rows) by receivers (columns), each cell naming what may pass and the
    rule that allows it, an empty cell a plain no; for one type of information or one purpose if asked."""
    plan = plan_for(request.locality)
    section = sharing_section(plan)
    names = section.organisations
    types = [(t.key, f"{t.name} ({names.get(t.organisation, '')})") for t in section.sharing.information_types]
    form = MatrixFilterForm(request.GET if _filtered(request) else None, information_types=types)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    grid = sharing_matrix(
        section.sharing,
        list(section.organisations),
        information_type=chosen.get("information_type") or None,
        purpose=chosen.get("purpose") or None,
    )
    holders = paginate(request, grid.holders, param="holders", anchor="matrix")
    on_page = holders.items
    columns = [c for c in grid.columns if any(grid.cell(h, c) for h in on_page)]
    receivers = paginate(request, columns, param="receivers", per_page=RECEIVERS_PER_PAGE, anchor="matrix")
    first = receivers.page.start_index() - 1 if columns else 0
    may_add = can(request.user, "plan.edit", request.locality) and not plan.is_locked
    context = {
        "plan": plan,
        "form": form,
        "filtered": bool(chosen.get("information_type") or chosen.get("purpose")),
        "holders": holders,
        "tables": [
            {
                "first": first + start + 1,
                "last": first + start + len(group),
                "columns": [_column_name(section, c) for c in group],
                "rows": _matrix_rows(request, section, grid, on_page, group, may_add),
            }
            for start, group in _groups(receivers.items)
        ],
        "receivers": receivers,
        "left_out": section.left_out,
        "may_sign": _may_sign(request, plan),
        **_agreement_status(section, timezone.localdate()),
    }
    return render(request, "sharing/matrix.html", context)


# A matrix of every receiver at once is too wide to read on a screen or a sheet of paper: it is laid out as tables
# of a few receivers each, every table with all the holders of the page; a page shows at most 50 holders and 20
# receivers (1,000 cells), each list with its own pages.
RECEIVERS_PER_TABLE = 4
RECEIVERS_PER_PAGE = 20


def _groups(columns: list) -> list[tuple[int, list]]:
    return [(i, columns[i : i + RECEIVERS_PER_TABLE]) for i in range(0, len(columns), RECEIVERS_PER_TABLE)]


def _filtered(request) -> bool:
    return any(name in request.GET for name in ("information_type", "purpose"))


def _may_sign(request, plan) -> bool:
    try:
        partner = signing_partner(plan, request.user)
    except Http404:
        return False
    return can(request.user, "agreement.sign", partner)


@locality_view("plan.view")
def agreement_sign_page(request):
    """A partner signs the agreement's current version for their organisation, after reading the rules about it."""
    plan = plan_for(request.locality)
    partner = signing_partner(plan, request.user)
    require(request.user, "agreement.sign", partner)
    agreement = get_object_or_404(Agreement, plan=plan)
    if request.method == "POST":
        try:
            agreement_sign(acting_user=request.user, plan=plan)
        except InvalidEdit as refused:
            messages.error(request, " ".join(m for ms in refused.errors.values() for m in ms))
        else:
            messages.success(
                request,
                _("You signed version %(version)d of the agreement for %(organisation)s.")
                % {"version": agreement.version, "organisation": partner.organisation.name},
            )
            return redirect(reverse("sharing:cooperation", kwargs={"locality": request.locality.slug}) + "#agreement")
    section = sharing_section(plan)
    mine = partner.organisation.key
    concerning = [f for f in flows(section.sharing) if mine in (f.holder, f.column.organisation)]
    context = {
        "plan": plan,
        "partner": partner,
        "agreement": agreement,
        "state": agreement_state(agreement, timezone.localdate()),
        "signature": Signatory.objects.filter(
            agreement=agreement, organisation=partner.organisation, version=agreement.version
        ).first(),
        "shares": _flows_in_words(section, [f for f in concerning if f.holder == mine]),
        "receives": _flows_in_words(section, [f for f in concerning if f.holder != mine]),
    }
    return render(request, "sharing/agreement_sign.html", context)


def _flows_in_words(section, chosen) -> list[dict]:
    """One entry per rule (a rule to several receivers is listed once), with its words."""
    kinds = {t.key: t for t in section.sharing.information_types}
    seen, entries = set(), []
    for f in chosen:
        if f.rule.key in seen:
            continue
        seen.add(f.rule.key)
        kind = kinds[f.information_type]
        names = [section.organisations.get(o, o) for o in f.rule.recipients]
        entries.append(
            {
                "information": kind.name,
                "holder": section.organisations.get(kind.organisation, kind.organisation),
                "rule": f.rule,
                "words": rule_words(f.rule, names),
            }
        )
    return entries


@locality_view("agreement.bring_into_force")
def agreement_in_force(request):
    """The coordinator brings the current version into force, after seeing who has not signed it yet."""
    plan = plan_for(request.locality)
    agreement = get_object_or_404(Agreement, plan=plan)
    today = timezone.localdate()
    form = InForceForm(request.POST if request.method == "POST" else None, initial={"in_force_from": today})
    if request.method == "POST" and form.is_valid():
        try:
            agreement_bring_into_force(
                acting_user=request.user, plan=plan, in_force_from=form.cleaned_data["in_force_from"]
            )
        except InvalidEdit as invalid:
            invalid.show_on(form)
        else:
            messages.success(
                request, _("Version %(version)d of the agreement is in force.") % {"version": agreement.version}
            )
            return redirect(reverse("sharing:cooperation", kwargs={"locality": request.locality.slug}) + "#agreement")
    section = sharing_section(plan)
    context = {"plan": plan, "form": form, **_agreement_status(section, today), "agreement": agreement}
    return render(request, "sharing/agreement_in_force.html", context)


@locality_view("plan.edit")
def agreement_template(request):
    """Start the agreement from an existing one (its text, and its rules from a file), or add rules from a file."""
    plan = plan_for(request.locality)
    back = reverse("sharing:cooperation", kwargs={"locality": request.locality.slug}) + "#agreement"
    if plan.is_locked and request.method != "POST":
        return locked_page(request, plan, back_url=back)
    starts = not Agreement.objects.filter(plan=plan).exists()
    organisations = list(Organisation.objects.filter(plan=plan).values_list("key", "name"))
    posted = request.method == "POST"
    form = TemplateForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        starts_agreement=starts,
        organisations={key for key, _name in organisations},
        information_types=set(InformationType.objects.filter(plan=plan).values_list("key", flat=True)),
    )
    problems = []
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ("title", "based_on", "text")} if starts else None
        try:
            agreement_start_from_template(
                acting_user=request.user, plan=plan, agreement=fields, sharing=form.cleaned_data["rules"]
            )
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except TemplateRefused as refused:
            problems = refused.problems
        except PlanLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(request, _("The agreement now holds what you brought in."))
            return redirect(back)
    context = {
        "plan": plan,
        "form": form,
        "starts": starts,
        "problems": problems or form.problems,
        "organisations": organisations,
        "back_url": back,
    }
    return render(request, "sharing/agreement_template.html", context)
