"""Home, locality switching, members and invitations."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .access import locality_view
from .forms import AcceptInvitationForm, InvitationForm
from .models import Invitation
from .permissions import can, visible_localities
from .services import InvitationClosed, invitation_accept, invitation_create


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    """Go straight to the plan when a person belongs to one locality; let them choose otherwise."""
    localities = list(visible_localities(request.user))
    if len(localities) == 1:
        return redirect(localities[0].get_absolute_url())
    return render(request, "core/home.html", {"localities": localities})


@locality_view("membership.view")
def members(request):
    locality = request.locality
    form = InvitationForm(request.POST or None, locality=locality)
    may_invite = can(request.user, "membership.invite", locality)
    if request.method == "POST":
        if not may_invite:
            raise PermissionDenied
        if form.is_valid():
            invitation_create(
                locality=locality,
                acting_user=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                accept_url_for=lambda inv: request.build_absolute_uri(inv.get_absolute_url()),
            )
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("core:members", locality=locality.slug)
    context = {
        "memberships": locality.memberships.select_related("user").order_by("role", "user__email"),
        "invitations": Invitation.objects.open().filter(locality=locality).select_related("invited_by"),
        "form": form,
        "may_invite": may_invite,
    }
    return render(request, "core/members.html", context)


def invitation_accept_view(request, token: str):
    invitation = get_object_or_404(Invitation.objects.select_related("locality"), token=token)
    if not invitation.is_open():
        return render(request, "core/invitation_closed.html", {"invitation": invitation}, status=410)
    if request.user.is_authenticated:
        if request.method == "POST":
            invitation_accept(invitation=invitation, user=request.user)
            messages.success(request, _("You have joined %(locality)s.") % {"locality": invitation.locality})
            return redirect(invitation.locality.get_absolute_url())
        return render(request, "core/invitation_accept.html", {"invitation": invitation, "form": None})
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(
                invitation=invitation, name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
            )
        except InvitationClosed:
            return render(request, "core/invitation_closed.html", {"invitation": invitation}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. You have joined %(locality)s.") % {"locality": invitation.locality})
        return redirect(invitation.locality.get_absolute_url())
    return render(request, "core/invitation_accept.html", {"invitation": invitation, "form": form})
