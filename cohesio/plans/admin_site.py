"""One way to register plan-owned models in the Django admin: listed per locality and plan, history kept.

Read-only: every write to a plan goes through its services (permission, lock, revision, audit event), which
the admin would bypass. Coordinators edit in the app; operators import a file with `cohesio import-json`.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


def _no(self, request, obj=None) -> bool:
    return False


def register_plan_owned(*models):
    for model in models:
        fields = [f.name for f in model._meta.fields]
        display = [n for n in ("name", "title", "term", "kind", "prevention_level", "status") if n in fields][:3] or [
            "id"
        ]
        attrs = {
            "list_display": [*display, "plan", "locality"],
            "list_filter": ["locality"],
            "search_fields": [n for n in ("name", "title", "term") if n in fields],
            "list_select_related": ["plan", "locality"],
            "has_add_permission": _no,
            "has_change_permission": _no,
            "has_delete_permission": _no,
        }
        base = SimpleHistoryAdmin if hasattr(model, "history") else admin.ModelAdmin
        admin.site.register(model, type(f"{model.__name__}Admin", (base,), attrs))
