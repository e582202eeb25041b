// Draws the sociogram of who works with whom (Cytoscape.js); the same ties are in the table below it.
(function () {
  "use strict";
  var el = document.getElementById("sociogram");
  var data = document.getElementById("sociogram-data");
  if (!el || !data || !window.cytoscape) { return; }
  var graph = JSON.parse(data.textContent);
  var elements = graph.nodes.map(function (n) {
    return { data: { id: "p" + n.id, label: n.label, network: n.network } };
  }).concat(graph.edges.map(function (e, i) {
    return { data: { id: "e" + i, source: "p" + e.source, target: "p" + e.target, kind: e.kind } };
  }));
  cytoscape({
    container: el,
    elements: elements,
    layout: { name: "cose", animate: false, randomize: false },
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 9, "background-color": "#1d70b8", "width": 14, "height": 14 } },
      { selector: "node[network = 'informal']", style: { "background-color": "#00703c", "shape": "diamond" } },
      { selector: "edge", style: { "width": 1, "line-color": "#b1b4b6", "curve-style": "haystack" } }
    ]
  });
})();
