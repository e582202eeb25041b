"""Template tags of co-creation: the comments panel on element pages, and the count of unread notifications."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from cohesio.core.permissions import can
from cohesio.plans.models import Plan
from cohesio.plans.selectors import current_plan

from .. import services
from ..elements import element_of_view
from ..forms import CommentForm, ReplyForm
from ..selectors import comment_threads, people_names, unread_notification_count

register = template.Library()


def _panel_plan(context, locality) -> Plan | None:
    plan = context.get("plan")
    return plan if isinstance(plan, Plan) and plan.locality_id == locality.pk else current_plan(locality)


@register.inclusion_tag("cocreation/comments_panel.html", takes_context=True)
def comments_panel(context):
    """The element's comment threads and the form to comment; nothing on pages that are not an element page."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    element = element_of_view(match.view_name if match else None)
    locality = getattr(request, "locality", None)
    plan = _panel_plan(context, locality) if element and locality else None
    if plan is None:
        return {"show": False}
    return {"show": True, **_panel_context(request, plan, element), "csrf_token": context.get("csrf_token")}


def _panel_context(request, plan, element) -> dict:
    user, locality = request.user, request.locality
    may_comment = services.may_comment(user, plan=plan, element=element)
    threads = comment_threads(plan, element)
    form = CommentForm(plan=plan, element=element, targets=False, auto_id="id_comment_%s") if may_comment else None
    if form is not None:
        form.helper.form_action = reverse("cocreation:comment_add", kwargs={"locality": locality.slug})
    reply_action = reverse("cocreation:comment_reply", kwargs={"locality": locality.slug})
    for thread in threads:
        thread.reply_form = ReplyForm(initial={"parent": thread.pk}, auto_id=f"id_reply{thread.pk}_%s")
        thread.reply_form.helper.form_action = reply_action
    return {
        "current_locality": locality,
        "element": element,
        "open_threads": [t for t in threads if not t.is_resolved],
        "resolved_threads": [t for t in threads if t.is_resolved],
        "names": people_names(plan),
        "may_comment": may_comment,
        "may_resolve_any": can(user, "plan.comment_resolve", locality),
        "user_id": user.pk,
        "form": form,
        "comment_about_url": f"{form.helper.form_action}?element={element}" if form is not None else "",
    }


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    locality = getattr(request, "locality", None)
    if locality is None or not request.user.is_authenticated:
        return 0
    if "unread_notifications" in context:  # read already for a page that is kept (cohesio.core.kept)
        return context["unread_notifications"]
    return unread_notification_count(request.user, locality)


@register.filter
def name_of(names: dict, user_id) -> str:
    """The shown name of a person by id, from `people_names`."""
    return names.get(user_id) or _("Someone who left")
