"""Template helpers for the edit controls on element pages."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from cohesio.plans.editing import REGISTRY

register = template.Library()


@register.filter
def has_history(kind: str) -> bool:
    """Whether edits of this kind of row are kept in the edit history."""
    editable = REGISTRY.get(kind)
    return editable is not None and hasattr(editable.model, "history")


@lru_cache(maxsize=1024)
def _row_prefix(script_prefix: str, locality: str, kind: str) -> str:
    """The start of every row address of a kind, `…/edit/<kind>/`, that the row's key and action follow."""
    url = reverse("plans:edit", kwargs={"locality": locality, "kind": kind, "pk": 1})
    if not url.endswith("/1/"):  # the routes in plans/urls.py all end in <pk>/ and the action
        raise ValueError(f"unexpected row address {url!r}")
    return url[: -len("1/")]


@register.simple_tag(takes_context=True)
def row_actions(context, kind: str, obj, orderable: bool = False) -> str:
    """A row's edit controls (edit, up and down, delete, history) for those who may edit an unlocked plan.

    The same as the template it replaces, built in Python: an element page of a long plan has a hundred rows,
    and five reversed addresses and two CSRF fields per row took a good part of the page's time.
    """
    plan = context.get("plan")
    if not context.get("may_edit") or plan is None or plan.is_locked:
        return ""
    prefix = _row_prefix(get_script_prefix(), context["current_locality"].slug, kind)
    row = f"{prefix}{obj.pk}/"
    name = format_html('<span class="govuk-visually-hidden"> {}</span>', str(obj))
    parts = [
        format_html(
            '<a class="govuk-link govuk-!-margin-right-2" href="{0}" hx-get="{0}" hx-target="#inline-editor"'
            ' hx-swap="innerHTML show:#inline-editor:top">{1}{2}</a>',
            row,
            _("Edit"),
            name,
        )
    ]
    if orderable:
        token = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', str(context.get("csrf_token", ""))
        )
        parts.append(
            format_html_join(
                "\n",
                '<form class="cohesio-inline-form" method="post" action="{}">{}<button type="submit"'
                ' class="cohesio-link-button">{}{}</button></form>',
                (
                    (f"{row}{direction}/", token, words, name)
                    for direction, words in (("up", _("Up")), ("down", _("Down")))
                ),
            )
        )
    parts.append(format_html('<a class="govuk-link" href="{}delete/">{}{}</a>', row, _("Delete"), name))
    if has_history(kind):
        parts.append(format_html('<a class="govuk-link" href="{}history/">{}{}</a>', row, _("History"), name))
    return format_html(
        '<span class="cohesio-actions">\n{}\n</span>', format_html_join("\n", "{}", ((p,) for p in parts))
    )
