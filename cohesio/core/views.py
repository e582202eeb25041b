"""Home, locality switching, members and invitations."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .access import locality_view
from .accounts import has_verified_email
from .forms import AcceptInvitationForm, InvitationForm
from .models import Invitation
from .permissions import can, visible_localities
from .services import (
    InvitationClosed,
    InvitationNeedsSignIn,
    account_exists_for,
    invitation_accept,
    invitation_accept_new_account,
    invitation_create,
)


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
@require_GET
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
    """Join a locality from an invitation link. The link never signs anyone in.

    Signed in: accept when the invited address is one of the account's verified addresses. Signed out: a
    person with an account signs in first (through allauth, with a second factor when set); someone new
    chooses a name and password, then signs in with them.
    """
    invitation = get_object_or_404(Invitation.objects.select_related("locality"), token=token)
    if not invitation.is_open():
        return _invitation_closed(request, invitation)
    if request.user.is_authenticated:
        return _accept_signed_in(request, invitation)
    if account_exists_for(invitation.email):
        return _sign_in_first(request, invitation)
    return _accept_new_account(request, invitation)


def _invitation_closed(request, invitation):
    return render(request, "core/invitation_closed.html", {"reason": invitation.closed_reason()}, status=410)


def _sign_in_first(request, invitation):
    login_url = f"{reverse('account_login')}?{urlencode({'next': invitation.get_absolute_url()})}"
    context = {"invitation": invitation, "login_url": login_url}
    return render(request, "core/invitation_sign_in.html", context, status=200)


def _accept_signed_in(request, invitation):
    if not has_verified_email(request.user, invitation.email):
        context = {"invitation": invitation, "email_url": reverse("account_email")}
        return render(request, "core/invitation_not_yours.html", context, status=403)
    if request.method == "POST":
        try:
            invitation_accept(invitation=invitation, user=request.user)
        except InvitationClosed:
            return _invitation_closed(request, invitation)
        messages.success(request, _("You have joined %(locality)s.") % {"locality": invitation.locality})
        return redirect(invitation.locality.get_absolute_url())
    return render(request, "core/invitation_accept.html", {"invitation": invitation, "form": None})


def _accept_new_account(request, invitation):
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_accept_new_account(
                invitation=invitation, name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
            )
        except InvitationClosed:
            return _invitation_closed(request, invitation)
        except InvitationNeedsSignIn:
            return _sign_in_first(request, invitation)
        messages.success(
            request,
            _(
                "Your account is ready and you have joined %(locality)s. Sign in with your e-mail address and the password you chose."
            )
            % {"locality": invitation.locality},
        )
        login_url = f"{reverse('account_login')}?{urlencode({'next': invitation.locality.get_absolute_url()})}"
        return redirect(login_url)
    return render(request, "core/invitation_accept.html", {"invitation": invitation, "form": form})
