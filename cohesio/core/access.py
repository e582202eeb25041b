"""The view decorator that resolves the locality in the URL and asks the permission function."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from cohesio.audit.services import record
from cohesio.format import PlanFormatError

from .models import Locality
from .permissions import member_locality, require, role_in


class NoPlanYet(Http404):
    """The locality has no plan yet: element pages send people to the overview, which says how to start."""


def locality_view(action: str):
    """Wrap a view taking `locality` (slug): login, locality lookup, `require(user, action, locality)`.

    People outside the locality get 404, members without the right get 403; both refusals are kept in the
    locality's audit chain with outcome `denied` (see `_record_denied`).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, locality: str, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            # a member's locality comes with their roles; anyone else's is looked up, to be refused and recorded
            obj = member_locality(request.user, locality) or get_object_or_404(Locality, slug=locality)
            try:
                require(request.user, action, obj)
            except (PermissionDenied, Http404):
                _record_denied(request.user, action, obj)
                raise
            request.locality = obj
            request.role = role_in(request.user, obj)
            try:
                return view(request, *args, **kwargs)
            except NoPlanYet:
                if request.method != "GET":
                    raise
                return redirect("plans:overview", locality=obj.slug)
            except PermissionDenied:
                _record_denied(request.user, action, obj)  # a service refused a member a further action
                raise
            except PlanFormatError as unreadable:
                # A stored value that does not fit the plan format (saved before a limit existed): pages that
                # check the plan read around it; a page that needs the plan whole says where, instead of a 500.
                context = {"problems": unreadable.problems}
                return render(request, "cohesio/plan_unreadable.html", context, status=409)

        wrapped.cohesio_action = action
        return wrapped

    return decorator


def _record_denied(user, action: str, locality: Locality) -> None:
    """Keep a refusal in the locality's audit chain: actor id, action, locality id, outcome `denied`.

    Outsiders' attempts (404) go to the chain of the locality they tried, for its data-protection officer. This
    runs after the view's own transactions have rolled back (requests are not atomic), so the event is kept.
    """
    record(actor=user, action=action, locality=locality, outcome="denied")


def scoped_object(queryset, locality: Locality, **lookup):
    """One object of this locality, or 404 (objects of other localities are simply not found)."""
    return get_object_or_404(queryset, locality=locality, **lookup)
