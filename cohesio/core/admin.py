"""Django admin for tenancy: localities and invitations; memberships and plans are changed in the app, through
services that check permissions and record audit events, so the admin only lists them."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import Invitation, Locality, Membership
from .services import account_changed, locality_changed


def _no(self, request, obj=None) -> bool:
    return False


@admin.register(Locality)
class LocalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "region", "fictional"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:  # a new locality gets its first event when its coordinator is invited
            locality_changed(acting_user=request.user, locality=obj)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Read-only: roles change on the locality's "People and invitations" page (`membership_change_role`)."""

    list_display = ["user", "locality", "role"]
    list_filter = ["role", "locality"]
    has_add_permission = has_change_permission = has_delete_permission = _no


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["locality", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role", "locality"]
    readonly_fields = ["token", "accepted_at", "accepted_by"]


class AccountAdmin(UserAdmin):
    """Django's own, with an event in each of the person's localities when the operator changes an account."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            account_changed(acting_user=request.user, user=obj)

    def delete_model(self, request, obj):
        account_changed(acting_user=request.user, user=obj, action="account.delete")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            account_changed(acting_user=request.user, user=user, action="account.delete")
        super().delete_queryset(request, queryset)


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
