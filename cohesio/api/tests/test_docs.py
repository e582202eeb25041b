"""The API's docs page loads Swagger UI from this app's static files: no script, style or icon from elsewhere."""

import re

from django.contrib.staticfiles import finders


def test_api_docs_reference_no_external_urls_and_their_static_files_exist(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "the docs page loads something from elsewhere"
    assets = re.findall(r"""(?:src|href)=["']/static/([^"']+)["']""", html)
    assert {"ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"} <= set(assets)
    for asset in assets:
        assert finders.find(asset), f"{asset} is not among the static files"
