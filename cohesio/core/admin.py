"""Django admin for tenancy."""

from django.contrib import admin

from .models import Invitation, Locality, Membership


@admin.register(Locality)
class LocalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "region", "fictional"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "locality", "role"]
    list_filter = ["role", "locality"]
    autocomplete_fields = ["locality"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["locality", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role", "locality"]
    readonly_fields = ["token", "accepted_at", "accepted_by"]
