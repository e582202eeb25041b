"""The co-creation app: working on the plan together with partners and the political owner."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    name = "cohesio.cocreation"
    label = "cocreation"
    verbose_name = _("Co-creation")

    def ready(self):
        from cohesio.core.kept import LAYOUT_STATE
        from cohesio.plans.editing import DELETE_NOTES

        DELETE_NOTES.append(_comments_note)
        LAYOUT_STATE["unread_notifications"] = _unread_notifications  # marking one read records no event


def _unread_notifications(request) -> int:
    from .selectors import unread_notification_count

    return unread_notification_count(request.user, request.locality)


def _comments_note(obj) -> str:
    from django.contrib.contenttypes.models import ContentType
    from django.utils.translation import ngettext

    from .models import Comment

    count = Comment.objects.filter(
        plan_id=obj.plan_id, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).count()
    return (
        ngettext(
            "%(n)d comment is about it; it stays with the element, no longer tied to it.",
            "%(n)d comments are about it; they stay with the element, no longer tied to it.",
            count,
        )
        % {"n": count}
        if count
        else ""
    )
