"""Mounts each app's router on the one API."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import URLPattern
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import django_auth

from cohesio.core.api import router as core_router
from cohesio.document.api import router as plans_router
from cohesio.review.api import router as review_router

api = NinjaAPI(
    title="Cohesio API",
    version="1",
    description="Read a locality's local action plan in the open plan format, and its plan-check findings. "
    "Sign in to Cohesio first: the API uses your session and answers only about your own localities.",
    auth=django_auth,
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": "You may not do this."}, status=403)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


api.add_router("/localities", core_router)
api.add_router("/localities", plans_router)
api.add_router("/localities", review_router)


def _json_method_errors(view):
    """django-ninja answers a method an endpoint does not take in plain text; answer in JSON like every error."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            return JsonResponse({"detail": "Method not allowed."}, status=405, headers={"Allow": response["Allow"]})
        return response

    return answer


urlpatterns = [
    URLPattern(pattern.pattern, _json_method_errors(pattern.callback), pattern.default_args, pattern.name)
    for pattern in api.urls[0]
]
