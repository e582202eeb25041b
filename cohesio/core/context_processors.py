"""Template context shared by every page: the locality switcher, the element navigation."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permissions import can, visible_localities

# The seven elements of a local action plan, in the order a plan presents them: (url name, label).
ELEMENTS = [
    ("analysis:analysis", _("Regional analysis")),
    ("plans:strategy", _("Strategy and goals")),
    ("plans:political_support", _("Political support")),
    ("plans:definitions", _("Definitions")),
    ("network:network", _("Local network")),
    ("sharing:cooperation", _("Cooperation and information sharing")),
    ("interventions:list", _("Interventions")),
]


def cohesio(request):
    locality = getattr(request, "locality", None)
    context = {"current_locality": locality, "current_role": getattr(request, "role", None)}
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        context["switcher_localities"] = visible_localities(request.user)
    if locality is not None:
        overview = reverse("plans:overview", kwargs={"locality": locality.slug})
        elements = []
        for name, label in ELEMENTS:
            href = reverse(name, kwargs={"locality": locality.slug})
            elements.append({"href": href, "text": label, "active": request.path.startswith(href)})
        context["element_nav"] = elements
        context["may_edit"] = can(request.user, "plan.edit", locality)
        context["nav_items"] = [{"href": overview, "text": _("Plan overview"), "active": request.path == overview}]
        context["may_view_audit"] = can(request.user, "audit.view", locality)
        if can(request.user, "dataprotection.view", locality):
            workspace = reverse("plans:data_protection", kwargs={"locality": locality.slug})
            match = getattr(request, "resolver_match", None)
            active = request.path == workspace or getattr(match, "app_name", "") == "audit"
            context["nav_items"].append({"href": workspace, "text": _("Data protection"), "active": active})
    return context
