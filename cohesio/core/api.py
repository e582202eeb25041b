"""API: the localities the signed-in person belongs to."""

from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import Locality
from .permissions import require, role_in, visible_localities

router = Router(tags=["localities"])


class ErrorOut(Schema):
    detail: str


class LocalityOut(Schema):
    slug: str
    name: str
    kind: str
    fictional: bool
    role: str


def locality_for(request, slug: str, action: str) -> Locality:
    """The locality in the path, if the person may do `action` there (404 for others' localities).

    Text that cannot be a short name (a NUL character, say, which PostgreSQL refuses) is not looked up.
    """
    if len(slug) > Locality._meta.get_field("slug").max_length or not slug_re.match(slug):
        raise Http404
    locality = get_object_or_404(Locality, slug=slug)
    require(request.user, action, locality)
    return locality


@router.get("/", response={200: list[LocalityOut], 401: ErrorOut})
def list_localities(request):
    return [
        LocalityOut(
            slug=loc.slug, name=loc.name, kind=loc.kind, fictional=loc.fictional, role=role_in(request.user, loc)
        )
        for loc in visible_localities(request.user)
    ]
