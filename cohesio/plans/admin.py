from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .admin_site import register_plan_owned
from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "locality", "status", "period_start", "period_end"]
    list_filter = ["status", "locality"]
    search_fields = ["title"]


register_plan_owned(ExtremismScope, Goal, Decision, BudgetLine, Definition)
