"""Home, locality switching, members and invitations."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .access import locality_view, scoped_object
from .accounts import has_verified_email
from .forms import AcceptInvitationForm, LocalityCreateForm, RoleForm
from .models import Invitation, Membership, Role
from .pagination import paginate
from .permissions import can, require_platform, role_in, visible_localities
from .services import (
    InvitationClosed,
    InvitationNeedsSignIn,
    LastCoordinator,
    account_exists_for,
    invitation_accept,
    invitation_accept_new_account,
    invitation_resend,
    invitation_revoke,
    locality_create,
    membership_change_role,
    membership_remove,
)

# Where a role starts in its locality when it has no other (the plan overview otherwise): URL names, so core
# names the pages of the apps above it without importing them.
LANDING_PAGES = {Role.DPO: "plans:data_protection"}


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
@require_GET
def home(request):
    """Go straight to the plan when a person belongs to one locality; let them choose otherwise."""
    localities = list(visible_localities(request.user))
    if len(localities) == 1:
        landing = LANDING_PAGES.get(role_in(request.user, localities[0]))
        if landing is not None:
            return redirect(landing, locality=localities[0].slug)
        return redirect(localities[0].get_absolute_url())
    return render(request, "core/home.html", {"localities": localities})


@locality_view("membership.view")
@require_GET
def members(request):
    """Who is in, who is invited, and (for coordinators) the way to invite, resend, withdraw and change roles."""
    locality = request.locality
    memberships = locality.memberships.select_related("user").order_by("role", "user__first_name", "user__email")
    role = request.GET.get("role", "")
    if role in Role.values:
        memberships = memberships.filter(role=role)
    else:
        role = ""
    invitations = Invitation.objects.filter(locality=locality, accepted_at__isnull=True, revoked_at__isnull=True)
    context = {
        "memberships": paginate(request, memberships, param="members", anchor="members"),
        "role": role,
        "roles": Role.choices,
        "invitations": paginate(
            request,
            invitations.select_related("invited_by").order_by("expires_at"),
            param="invitations",
            anchor="invitations",
        ),
        "now": timezone.now(),
        "may_invite": can(request.user, "membership.invite", locality),
        "may_manage": can(request.user, "membership.manage", locality),
    }
    return render(request, "core/members.html", context)


def _accept_url(request):
    return lambda invitation: request.build_absolute_uri(invitation.get_absolute_url())


def _members_page(request):
    return redirect("core:members", locality=request.locality.slug)


def _person(membership) -> str:
    return membership.user.get_full_name() or membership.user.email


@locality_view("membership.manage")
def member_role(request, pk: int):
    membership = scoped_object(Membership.objects.select_related("user", "locality"), request.locality, pk=pk)
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            membership_change_role(acting_user=request.user, membership=membership, role=form.cleaned_data["role"])
        except LastCoordinator:
            form.add_error(
                "role",
                _("%(locality)s needs at least one coordinator. Make someone else coordinator first.")
                % {"locality": request.locality},
            )
        else:
            membership.refresh_from_db()
            messages.success(
                request,
                _("%(person)s is now: %(role)s.")
                % {"person": _person(membership), "role": membership.get_role_display()},
            )
            return _members_page(request)
    return render(request, "core/member_role.html", {"membership": membership, "form": form})


@locality_view("membership.manage")
def member_remove(request, pk: int):
    membership = scoped_object(Membership.objects.select_related("user", "locality"), request.locality, pk=pk)
    error = None
    if request.method == "POST":
        try:
            membership_remove(acting_user=request.user, membership=membership)
        except LastCoordinator:
            error = _("%(locality)s needs at least one coordinator. Make someone else coordinator first.") % {
                "locality": request.locality
            }
        else:
            messages.success(request, _("%(person)s is no longer a member.") % {"person": _person(membership)})
            if membership.user_id == request.user.pk:
                return redirect("core:home")
            return _members_page(request)
    context = {"membership": membership, "error": error, "is_self": membership.user_id == request.user.pk}
    return render(request, "core/member_remove.html", context, status=409 if error else 200)


@locality_view("membership.invite")
@require_POST
def invitation_resend_view(request, pk: int):
    invitation = scoped_object(Invitation.objects.select_related("locality"), request.locality, pk=pk)
    try:
        invitation_resend(acting_user=request.user, invitation=invitation, accept_url_for=_accept_url(request))
    except InvitationClosed:
        messages.error(request, _("That invitation has already been used."))
    else:
        messages.success(
            request,
            _("A new link is on its way to %(email)s. The old link no longer works.") % {"email": invitation.email},
        )
    return _members_page(request)


@locality_view("membership.invite")
def invitation_revoke_view(request, pk: int):
    invitation = scoped_object(Invitation.objects.select_related("locality"), request.locality, pk=pk)
    if request.method == "POST":
        try:
            invitation_revoke(acting_user=request.user, invitation=invitation)
        except InvitationClosed:
            messages.error(request, _("That invitation has already been used."))
        else:
            messages.success(request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email})
        return _members_page(request)
    return render(request, "core/invitation_revoke.html", {"invitation": invitation})


@login_required
def locality_create_view(request):
    """Platform staff start a new municipality or region and invite its first coordinator."""
    require_platform(request.user, "locality.create")
    form = LocalityCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitation = locality_create(
            acting_user=request.user,
            name=data["name"],
            slug=data["slug"],
            kind=data["kind"],
            region=data["region"],
            coordinator_email=data["coordinator_email"],
            accept_url_for=_accept_url(request),
        )
        messages.success(
            request,
            _("%(locality)s is ready. We sent the invitation to %(email)s.")
            % {"locality": invitation.locality.name, "email": invitation.email},
        )
        return render(
            request,
            "core/locality_created.html",
            {"invitation": invitation, "link": request.build_absolute_uri(invitation.get_absolute_url())},
        )
    return render(request, "core/locality_create.html", {"form": form})


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
    form = AcceptInvitationForm(request.POST or None, email=invitation.email, initial={"name": invitation.name})
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
