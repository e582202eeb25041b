"""Security headers the framework does not set by itself.

The Content Security Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY); this adds the
Permissions-Policy that switches off the browser features Cohesio never uses.
"""

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
