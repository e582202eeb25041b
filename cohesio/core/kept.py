"""Parts of a page kept ready between views: an element page's body, its findings and its comments.

A part is rendered once and kept in the process's "pages" cache under a key that names everything it shows:

- the reader (account, role in the locality, operator flags) and their language;
- the page (path, query string, htmx target);
- the plan (its key, when it was made, its revision);
- the locality's state: the number of events in its audit chain. Every write in a locality goes through a
  service that records an event in the same transaction (plan rows, comments, proposals, endorsements,
  signatures, memberships, invitations, acknowledgements), and so does every refusal, so any change a part
  could show moves the key on;
- today's date (what is due, what is in force).

The state is read before anything the part shows, so a kept part is never older than its key. A part holds no
secret of the request: the CSRF token is rendered as a placeholder and put in when the part is sent. Like the
plan document cache (`cohesio.document.selectors`), a write that bypasses the services (and so records no
event) is not seen until the next write; the admin is read-only for plan rows and tests write through services.
"""

import hashlib
import json
import secrets
from collections.abc import Callable

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cohesio.audit.models import AuditChainHead

KEPT_SECONDS = 3600  # a key is never out of date; the limit only frees memory for pages nobody reads again
# Stands for the CSRF token inside a kept part; letters and digits only, so escaping leaves it as it is. It
# differs per process, as the cache does.
CSRF_PLACEHOLDER = f"keptcsrf{secrets.token_hex(16)}"


def locality_state(locality_id: int) -> int:
    """How many events the locality's audit chain holds: it moves on with every write in the locality."""
    return AuditChainHead.objects.filter(locality_id=locality_id).values_list("count", flat=True).first() or 0


def pages_cache():
    return caches["pages"]


class KeptParts:
    """The kept parts of one page view: which are ready, and where to keep the ones that are not."""

    def __init__(self, request, plan):
        self.request = request
        user = request.user
        self.base = [
            request.path,
            sorted(request.GET.lists()),
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-Target", ""),
            get_language(),
            user.pk,
            bool(user.is_staff),
            bool(user.is_superuser),
            str(getattr(request, "role", None) or ""),
            plan.pk,
            plan.created_at.isoformat() if plan.created_at else "",
            plan.revision,
            # read before anything a part shows: with the plan (`plans.selectors.current_plan`), or now
            plan.locality_state if hasattr(plan, "locality_state") else locality_state(plan.locality_id),
            timezone.localdate().isoformat(),
        ]
        self.found: dict[str, str | None] = {}

    def key(self, part: str) -> str:
        text = json.dumps([part, *self.base], default=str, separators=(",", ":"))
        return "kept:" + hashlib.sha256(text.encode()).hexdigest()

    def get(self, part: str) -> str | None:
        """The part as kept (with the placeholder), or None."""
        if part not in self.found:
            self.found[part] = pages_cache().get(self.key(part))
        return self.found[part]

    def ready(self, part: str) -> bool:
        return self.get(part) is not None

    def keep(self, part: str, html: str) -> None:
        self.found[part] = html
        pages_cache().set(self.key(part), html, KEPT_SECONDS)

    def sent(self, html: str) -> SafeString:
        """A kept part as it goes out: with this request's CSRF token where the placeholder stands."""
        if CSRF_PLACEHOLDER in html:
            html = html.replace(CSRF_PLACEHOLDER, get_token(self.request))
        return mark_safe(html)  # noqa: S308 - rendered by our templates, which escaped it


# What else the layout around the parts shows that may change without an event in the locality's chain: context
# name -> function of the request (apps add theirs in `ready()`: the count of unread notifications). The value is
# part of the whole page's key and is handed to the layout, which then does not read it again.
LAYOUT_STATE: dict[str, Callable] = {}


def _layout_state(request, locality) -> dict:
    """The layout's own state: the localities in the switcher (a membership elsewhere is in that locality's chain),
    the locality's name, and what apps add."""
    from .permissions import visible_localities

    state = {name: value(request) for name, value in LAYOUT_STATE.items()}
    return {"switcher_localities": visible_localities(request.user), **state}


def _page_key(state: dict, locality) -> str:
    switcher = [(loc.pk, loc.name, loc.slug) for loc in state["switcher_localities"]]
    others = sorted((name, value) for name, value in state.items() if name != "switcher_localities")
    return "page:" + json.dumps([switcher, locality.name, locality.fictional, others], default=str)


def render_kept(request, template_name: str, plan, build: Callable[[], dict]) -> HttpResponse:
    """Render a page whose parts in `{% keep %}`, and the page as a whole, are kept.

    `build()` makes the context of the page's body and is called only when the body is not ready. The whole page
    is kept too, under a key that adds the layout's state (`_layout_state`); a page with messages to show (saved,
    undo) is always rendered, and not kept, since the messages are shown once."""
    kept = KeptParts(request, plan)
    layout = _layout_state(request, plan.locality)
    whole = None if len(get_messages(request)) else _page_key(layout, plan.locality)
    html = kept.get(whole) if whole else None
    if html is None:
        context = {"plan": plan, "kept": kept, "csrf_token": CSRF_PLACEHOLDER, **layout}
        if not kept.ready("main"):
            context.update(build())
        html = render_to_string(template_name, context, request)
        if whole:
            kept.keep(whole, html)
    return HttpResponse(kept.sent(html))
