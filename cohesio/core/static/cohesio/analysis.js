// Draws the analysis map (Leaflet, no tile server) and the indicator charts from the tables on the page.
(function () {
  "use strict";
  var mapEl = document.getElementById("area-map");
  var data = document.getElementById("area-geojson");
  if (mapEl && data && window.L) {
    // The map is a picture of the areas (role="img"); the same facts are in the tables, so nothing in it is
    // focusable or clickable: no nested interactive controls for screen-reader and keyboard users.
    var map = L.map(mapEl, {
      attributionControl: false, scrollWheelZoom: false, keyboard: false, zoomControl: false,
      dragging: false, doubleClickZoom: false, boxZoom: false, touchZoom: false
    });
    var layer = L.geoJSON(JSON.parse(data.textContent), {
      interactive: false,
      style: { color: "#1d70b8", weight: 2, fillOpacity: 0.15 },
      onEachFeature: function (feature, lyr) {
        // A name is text, never markup: Leaflet puts a string tooltip in as HTML, a DOM node as it is.
        var label = document.createElement("span");
        label.textContent = String(feature.properties.name);
        lyr.bindTooltip(label, { permanent: true, direction: "center" });
      }
    }).addTo(map);
    if (layer.getLayers().length) { map.fitBounds(layer.getBounds()); }
  }
  if (!window.Chart) { return; }
  var palette = ["#1d70b8", "#00703c", "#d4351c", "#f47738", "#4c2c92", "#28a197", "#b58840", "#5694ca"];
  document.querySelectorAll("canvas[data-chart-table]").forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute("data-chart-table"));
    if (!table) { return; }
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th")).slice(1).map(function (th) { return th.textContent; });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var labels = rows.map(function (tr) { return tr.querySelector("th").textContent; });
    var datasets = heads.map(function (name, i) {
      return {
        label: name,
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length],
        data: rows.map(function (tr) { var v = parseFloat(tr.querySelectorAll("td")[i].textContent); return isNaN(v) ? null : v; })
      };
    });
    new Chart(canvas, { type: "line", data: { labels: labels, datasets: datasets }, options: { animation: false } });
  });
})();
