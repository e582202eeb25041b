from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .admin_site import _no, register_plan_owned
from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "locality", "status", "period_start", "period_end"]
    list_filter = ["status", "locality"]
    search_fields = ["title"]
    # read-only, as every plan row: a plan changes through its services (permission, lock, revision, audit event)
    has_add_permission = has_change_permission = has_delete_permission = _no


register_plan_owned(ExtremismScope, Goal, Decision, BudgetLine, Definition)
