"""The HTTP API (django-ninja): one router per app, mounted here; OpenAPI at /api/docs."""
