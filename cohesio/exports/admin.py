"""Published versions in the admin: to look at, never to change."""

from django.contrib import admin

from .models import PlanPublication, PlanVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyAdmin):
    list_display = ["plan", "number", "occasion", "published_at", "locality"]
    list_filter = ["locality", "occasion"]
    list_select_related = ["plan", "locality"]
    exclude = ["document", "findings"]


@admin.register(PlanPublication)
class PlanPublicationAdmin(ReadOnlyAdmin):
    list_display = ["plan", "enabled", "updated_at", "locality"]
    list_select_related = ["plan", "locality"]
    exclude = ["token"]
