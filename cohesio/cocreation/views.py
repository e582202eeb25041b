"""Views of co-creation: thin — parse the form, call one service or selector, render or redirect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cohesio.core.access import locality_view, scoped_object
from cohesio.core.choices import label
from cohesio.core.pagination import paginate
from cohesio.core.permissions import can
from cohesio.format.vocabulary import PlanStatus
from cohesio.network.selectors import private_reading
from cohesio.plans.editing import PlanLocked
from cohesio.plans.selectors import plan_for

from . import services
from .elements import Element, element_url
from .forms import (
    AnswerForm,
    CommentForm,
    DeclineForm,
    EndorsementForm,
    ProposalForm,
    ProposalTextForm,
    ReplyForm,
    StatusForm,
    text_from_key,
)
from .models import Endorsement
from .selectors import (
    comment_in_plan,
    current_endorsement,
    endorsement_overview,
    endorser_role,
    notification_of,
    notifications_for,
    people_names,
    person_name,
    political_owner_has_endorsed,
    proposal_in_plan,
    proposal_rows,
    recent_decisions,
)
from .workflow import TRANSITIONS, available_transitions, open_before_adoption, transition_for, who_may


def _posted_id(request, name: str) -> int:
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)


def _thread_url(request, comment) -> str:
    return f"{element_url(request.locality, comment.element)}#comment-{comment.parent_id or comment.pk}"


def _url(request, name: str) -> str:
    return reverse(f"cocreation:{name}", kwargs={"locality": request.locality.slug})


# --- comments --------------------------------------------------------------------------------------------------


@locality_view("plan.comment")
def comment_add(request):
    """The comment form (also shown on every element page); on errors it shows here with the error summary."""
    plan = plan_for(request.locality)
    element = request.POST.get("element") or request.GET.get("element")
    if not services.may_comment(request.user, plan=plan, element=element):
        raise PermissionDenied  # a part of the plan this person may not comment on (the service would refuse)
    data = request.POST if request.method == "POST" else None
    form = CommentForm(data, plan=plan, element=element, user=request.user)
    if data is not None and form.is_valid():
        comment = services.comment_create(
            acting_user=request.user,
            plan=plan,
            element=form.cleaned_data["element"],
            body=form.cleaned_data["body"],
            target=form.cleaned_data.get("about"),
            link_for=request.build_absolute_uri,
        )
        messages.success(request, _("Your comment is added."))
        return redirect(_thread_url(request, comment))
    element_label = Element(element).label if element in Element.values else ""
    form.helper.form_action = _url(request, "comment_add")
    # loaded into an element page's comments (htmx): the form alone, which the full page includes too
    inline = bool(request.htmx) and not request.htmx.boosted
    template = "cocreation/comment_form_partial.html" if inline else "cocreation/comment_form.html"
    return render(request, template, {"form": form, "plan": plan, "element_label": element_label})


@locality_view("plan.comment")
@require_POST
def comment_reply(request):
    plan = plan_for(request.locality)
    parent = comment_in_plan(plan, _posted_id(request, "parent"))
    form = ReplyForm(request.POST, initial={"parent": parent.pk})
    if form.is_valid():
        reply = services.comment_create(
            acting_user=request.user,
            plan=plan,
            body=form.cleaned_data["body"],
            parent=parent,
            link_for=request.build_absolute_uri,
        )
        messages.success(request, _("Your reply is added."))
        return redirect(_thread_url(request, reply))
    back = _thread_url(request, parent)
    return render(request, "cocreation/reply_form.html", {"form": form, "parent": parent, "back_url": back})


def _set_resolved(request, resolved: bool):
    plan = plan_for(request.locality)
    comment = comment_in_plan(plan, _posted_id(request, "comment"))
    services.comment_resolve(acting_user=request.user, comment=comment, resolved=resolved)
    messages.success(request, _("The comment is resolved.") if resolved else _("The comment is open again."))
    return redirect(_thread_url(request, comment))


@locality_view("plan.comment")
@require_POST
def comment_resolve(request):
    return _set_resolved(request, True)


@locality_view("plan.comment")
@require_POST
def comment_reopen(request):
    return _set_resolved(request, False)


# --- notifications ---------------------------------------------------------------------------------------------


@locality_view("plan.view")
@require_GET
def notifications(request):
    items = notifications_for(request.user, request.locality)
    unread_only = request.GET.get("show") == "unread"
    if unread_only:
        items = items.filter(read_at__isnull=True)
    context = {"notifications": paginate(request, items), "unread_only": unread_only}
    return render(request, "cocreation/notifications.html", context)


@locality_view("plan.view")
@require_POST
def notifications_read(request):
    notification = None
    if request.POST.get("notification") != "all":
        notification = notification_of(request.user, request.locality, _posted_id(request, "notification"))
    services.notifications_mark_read(acting_user=request.user, locality=request.locality, notification=notification)
    if notification is not None and notification.link and request.POST.get("open"):
        return redirect(notification.link)
    return redirect(_url(request, "notifications"))


# --- proposals -------------------------------------------------------------------------------------------------


def _proposals_page(request, plan, *, failed: DeclineForm | None = None):
    """The open proposals; `failed` is a decline form that did not validate, shown with its errors."""
    may_decide = can(request.user, "plan.decide_proposal", request.locality)
    reading = private_reading(request.user, plan)
    rows = proposal_rows(plan, reading)
    for row in rows:
        pk = row.proposal.pk
        row.decline_form = DeclineForm(initial={"proposal": pk}, auto_id=f"id_decline{pk}_%s")
        if failed is not None and failed.initial.get("proposal") == pk:
            row.decline_form = failed
        row.decline_form.helper.form_action = _url(request, "proposal_decline")
    context = {
        "plan": plan,
        "rows": rows,
        "decided": recent_decisions(plan, reading=reading),
        "names": people_names(plan),
        "may_decide": may_decide,
        "may_propose": can(request.user, "plan.comment", request.locality),
        "failed": failed,
    }
    return render(request, "cocreation/proposals.html", context)


@locality_view("plan.view")
@require_GET
def proposals(request):
    return _proposals_page(request, plan_for(request.locality))


@locality_view("plan.comment")
def proposal_add(request):
    """Two steps: choose the text to change, then write the new text (starting from the current one)."""
    plan = plan_for(request.locality)
    key = request.POST.get("text") if request.method == "POST" else request.GET.get("text")
    try:
        target, field_name = text_from_key(plan, key, private_reading(request.user, plan))
    except LookupError:
        return _proposal_chooser(request, plan, key)
    if not services.may_propose(request.user, plan=plan, target=target):
        raise PermissionDenied  # a text this person may not propose to change (the service would refuse)
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data, target=target, field_name=field_name)
    if data is not None and form.is_valid():
        try:
            services.proposal_create(
                acting_user=request.user,
                plan=plan,
                target=target,
                field_name=field_name,
                value=form.cleaned_data["value"],
                base_revision=form.cleaned_data["revision"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your proposal is sent. The coordinator will accept or decline it."))
            return redirect(element_url(request.locality, target.element))
    context = {
        "form": form,
        "target": target,
        "field_label": target.obj._meta.get_field(field_name).verbose_name,
        "back_url": element_url(request.locality, target.element),
    }
    return render(request, "cocreation/proposal_form.html", context)


def _proposal_chooser(request, plan, key):
    element = request.GET.get("element")
    element = element if element in Element.values else None
    if element is None and key is None:
        # first the part of the plan: listing every text of all seven would cost a query per kind of row
        elements = [
            (e.label, f"{_url(request, 'proposal_add')}?element={e.value}")
            for e in Element
            if services.may_comment(request.user, plan=plan, element=e.value)
        ]
        context = {"elements": elements, "back_url": _url(request, "proposals")}
        return render(request, "cocreation/proposal_choose.html", context)
    reading = private_reading(request.user, plan)
    form = ProposalTextForm(
        {"text": key} if key is not None else None, plan=plan, element=element, reading=reading, user=request.user
    )
    form.is_valid()  # a key that names no text of this plan shows as an error on the field
    back = element_url(request.locality, element) if element else _url(request, "proposals")
    return render(request, "cocreation/proposal_choose.html", {"form": form, "back_url": back})


@locality_view("plan.decide_proposal")
@require_POST
def proposal_accept(request):
    plan = plan_for(request.locality)
    proposal = proposal_in_plan(plan, _posted_id(request, "proposal"))
    try:
        services.proposal_accept(acting_user=request.user, proposal=proposal)
    except (services.ProposalRefused, PlanLocked) as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The proposal is accepted: the text in the plan is changed."))
    return redirect(_url(request, "proposals"))


@locality_view("plan.decide_proposal")
@require_POST
def proposal_decline(request):
    plan = plan_for(request.locality)
    proposal = proposal_in_plan(plan, _posted_id(request, "proposal"))
    form = DeclineForm(request.POST, initial={"proposal": proposal.pk}, auto_id=f"id_decline{proposal.pk}_%s")
    if not form.is_valid():
        return _proposals_page(request, plan, failed=form)
    try:
        services.proposal_decline(acting_user=request.user, proposal=proposal, reason=form.cleaned_data["reason"])
    except services.ProposalRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The proposal is declined."))
    return redirect(_url(request, "proposals"))


# --- endorsement and status ------------------------------------------------------------------------------------


@locality_view("plan.endorse")
def endorsement(request):
    plan = plan_for(request.locality)
    current = current_endorsement(request.user, plan)
    initial = {"decision": current.decision, "objections": current.objections} if current else {}
    data = request.POST if request.method == "POST" else None
    form = EndorsementForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            services.endorsement_record(acting_user=request.user, plan=plan, **form.cleaned_data)
        except services.EndorsementRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Thank you. Your answer is recorded."))
        return redirect("plans:overview", locality=request.locality.slug)
    context = {
        "plan": plan,
        "form": form,
        "current": current,
        "eligible": endorser_role(request.user, plan, request.role) is not None,
        "is_open": plan.status == PlanStatus.CONSULTATION,
    }
    return render(request, "cocreation/endorsement.html", context)


@locality_view("plan.view")
def status(request):
    """How the plan moves from draft to adopted, the moves this person may make, and the adoption confirmation."""
    plan = plan_for(request.locality)
    if request.method == "POST":
        form = StatusForm(request.POST)
        if form.is_valid():
            return _change_status(request, plan, form.cleaned_data["to_status"])
    else:
        form = StatusForm(initial={"to_status": request.GET.get("to", "")})
    confirming = transition_for(plan.status, form["to_status"].value() or "")
    confirming = confirming if confirming and confirming.confirm else None
    context = {
        "plan": plan,
        "form": form,
        "confirming": confirming,
        "endorsement_missing": bool(confirming and confirming.needs_political_endorsement)
        and not political_owner_has_endorsed(plan),
        "moves": available_transitions(request.user, plan),
        "workflow": [(t, who_may(t)) for t in TRANSITIONS.values()],
        "objections": endorsement_overview(plan).objections,
        "may_answer": can(request.user, "plan.answer_objection", request.locality),
    }
    if confirming is not None:
        # before adopting, the coordinator sees what is still open: objections above, warnings and errors here
        context["open_findings"] = open_before_adoption(plan, request.user)
    return render(request, "cocreation/status.html", context)


@locality_view("plan.answer_objection")
@require_POST
def objection_answer(request, pk: int):
    plan = plan_for(request.locality)
    endorsement = scoped_object(
        Endorsement.objects.select_related("locality", "user"), request.locality, pk=pk, plan=plan
    )
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["answer"]))
    else:
        try:
            services.objection_answer(
                acting_user=request.user, endorsement=endorsement, answer=form.cleaned_data["answer"]
            )
        except services.EndorsementRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request, _("Your answer is sent to %(person)s.") % {"person": person_name(endorsement.user)}
            )
    return redirect(_url(request, "status") + "#objections")


def _change_status(request, plan, to_status: str):
    try:
        services.plan_status_change(acting_user=request.user, plan=plan, to_status=to_status)
    except services.StatusChangeRefused as refused:
        messages.error(request, str(refused))
        return redirect(_url(request, "status"))
    messages.success(request, _("The plan is now: %(status)s.") % {"status": label(PlanStatus, to_status)})
    return redirect("plans:overview", locality=request.locality.slug)
