#!/usr/bin/env bash
# Rebuild Cohesio's vendored front-end assets from frontend/package.json.
# Output (committed, so `make run` needs no Node):
#   cohesio/core/static/vendor/   cohesio.css, govuk-frontend.min.js, htmx,
#                                 Chart.js, Leaflet (+ images), Cytoscape
#   cohesio/core/static/govuk/assets/   GOV.UK Frontend images + manifest
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(dirname "$FRONTEND_DIR")"
STATIC_DIR="$ROOT_DIR/cohesio/core/static"
VENDOR_DIR="$STATIC_DIR/vendor"
GOVUK_ASSETS_DIR="$STATIC_DIR/govuk/assets"
NM="$FRONTEND_DIR/node_modules"

cd "$FRONTEND_DIR"
npm ci --ignore-scripts --no-audit --no-fund

mkdir -p "$VENDOR_DIR"

# Stylesheet: GOV.UK Frontend (system font, no GOV.UK font face) + project rules.
"$NM/.bin/sass" --load-path=node_modules --style=compressed --no-source-map \
  src/cohesio.scss "$VENDOR_DIR/cohesio.css"

# GOV.UK Frontend JavaScript (ES module, imported by cohesio/app.js).
cp "$NM/govuk-frontend/dist/govuk/govuk-frontend.min.js" "$VENDOR_DIR/"

# GOV.UK Frontend assets: images and manifest only (no fonts: system font).
rm -rf "$GOVUK_ASSETS_DIR"
mkdir -p "$GOVUK_ASSETS_DIR"
cp -R "$NM/govuk-frontend/dist/govuk/assets/images" "$GOVUK_ASSETS_DIR/"
cp "$NM/govuk-frontend/dist/govuk/assets/manifest.json" "$GOVUK_ASSETS_DIR/"

# htmx, Chart.js, Cytoscape.js.
cp "$NM/htmx.org/dist/htmx.min.js" "$VENDOR_DIR/"
cp "$NM/chart.js/dist/chart.umd.min.js" "$VENDOR_DIR/"
cp "$NM/cytoscape/dist/cytoscape.min.js" "$VENDOR_DIR/"

# Leaflet (leaflet.css refers to images/ relative to itself).
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$VENDOR_DIR/"
rm -rf "$VENDOR_DIR/images"
cp -R "$NM/leaflet/dist/images" "$VENDOR_DIR/images"

# Drop sourceMappingURL comments: the .map files are not shipped, and
# Django's ManifestStaticFilesStorage (WhiteNoise) fails collectstatic on
# a reference to a missing file.
for f in "$VENDOR_DIR"/*.js; do
  sed -i -E 's@//# sourceMappingURL=[^[:space:]]+\.map[[:space:]]*$@@' "$f"
done

echo "Front-end assets built into $STATIC_DIR"
