"""The audit trail in the Django admin: to read only; nobody adds, changes or deletes events or chain heads here."""

from django.contrib import admin

from .models import AuditChainHead, AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """No add, change or delete, and so no delete action either."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "chain", "sequence", "action", "object_type", "object_id", "outcome", "key_id"]
    list_filter = ["action", "outcome"]


@admin.register(AuditChainHead)
class AuditChainHeadAdmin(ReadOnlyAdmin):
    list_display = ["chain", "count", "last_hash", "updated_at"]
