/* sahel_ner report: draws the payload of sahel_ner/report/data.py. Python has already laid out the
   graph, counted the timeline and grouped map points, so this file only draws and filters. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var borders = JSON.parse(document.getElementById("report-borders").textContent);
  var started = performance.now();
  var state = {nodeTypes: new Set(), relTypes: new Set(), from: "", to: ""};
  var views = [];  // each has refresh(), called when a filter changes

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function fmt(n) { return Number(n).toLocaleString("en"); }
  function inRange(month) {  // undated items pass only when no range is set
    if (!state.from && !state.to) return true;
    if (!month) return false;
    return (!state.from || month >= state.from) && (!state.to || month <= state.to);
  }
  function monthsInRange(months) {
    if (!state.from && !state.to) return true;
    return months.some(inRange);
  }
  var nodeLabel = {};
  data.nodes.forEach(function (n) { nodeLabel[n.id] = n.label; });
  Object.keys(data.top).forEach(function (t) { data.top[t].forEach(function (a) { nodeLabel[a.id] = a.label; }); });
  function label(id) { return nodeLabel[id] || id; }

  // -- header and filters ------------------------------------------------------------------
  var c = data.counts;
  document.getElementById("summary").textContent = fmt(c.articles) + " articles, " + fmt(c.relations) +
    " relations, " + fmt(c.actors) + " actors, " + fmt(c.edges) + " edges" +
    (c.events === null ? "." : ", " + fmt(c.events) + " events.");
  data.notes.forEach(function (note) { document.getElementById("notes").appendChild(el("li", {}, note)); });

  function checkboxes(box, colors, set, name) {
    Object.keys(colors).forEach(function (type) {
      set.add(type);
      var input = el("input", {type: "checkbox", "data-type": type, name: name});
      input.checked = true;
      input.addEventListener("change", function () {
        if (input.checked) set.add(type); else set.delete(type);
        refresh();
      });
      var item = el("label");
      item.appendChild(input);
      var swatch = el("span", {"class": "swatch"});
      swatch.style.background = colors[type];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(type));
      box.appendChild(item);
    });
  }
  var usedNodeTypes = {};
  data.nodes.forEach(function (n) { usedNodeTypes[n.type] = data.nodeColors[n.type] || "#7f7f7f"; });
  checkboxes(document.getElementById("node-types"), usedNodeTypes, state.nodeTypes, "node-type");
  checkboxes(document.getElementById("relation-types"), data.relationColors, state.relTypes, "relation-type");
  var months = data.timeline.months;
  ["date-from", "date-to"].forEach(function (id, i) {
    var select = document.getElementById(id);
    select.appendChild(el("option", {value: ""}, i ? "last" : "first"));
    months.forEach(function (m) { select.appendChild(el("option", {value: m}, m)); });
    select.addEventListener("change", function () {
      state[i ? "to" : "from"] = select.value;
      refresh();
    });
  });
  function refresh() { views.forEach(function (v) { v.refresh(); }); }

  // -- graph (sigma.js over graphology; positions from Python) ----------------------------------
  function graphView() {
    var box = document.getElementById("graph");
    var panel = document.getElementById("evidence");
    var graph = new graphology.MultiDirectedGraph();
    var maxMentions = Math.max.apply(null, data.nodes.map(function (n) { return n.mentions; }).concat([1]));
    data.nodes.forEach(function (n) {
      graph.addNode(n.id, {x: n.x, y: n.y, label: n.label, kind: n.type,
                           size: 4 + 14 * Math.sqrt(n.mentions / maxMentions),
                           color: data.nodeColors[n.type] || "#7f7f7f"});
    });
    var edgeData = {};
    data.edges.forEach(function (e) {
      if (e.source === e.target) return;  // a self-loop has no line to draw or click
      edgeData[e.id] = e;
      graph.addEdgeWithKey(e.id, e.source, e.target, {
        kind: e.type, months: e.months, type: e.symmetric ? "line" : "arrow",
        size: 1.5 + 1.5 * Math.log2(1 + e.weight), color: data.relationColors[e.type] || "#999"});
    });
    var visible = new Set(), selected = null;
    function computeVisible() {
      visible = new Set();
      var dated = state.from || state.to;
      graph.forEachNode(function (node, a) { if (!dated && state.nodeTypes.has(a.kind)) visible.add(node); });
      if (dated) {  // in a date range, actors show with the relations of that range
        graph.forEachEdge(function (edge, a, s, t) {
          if (edgeShown(a, s, t, true)) { visible.add(s); visible.add(t); }
        });
      }
    }
    function edgeShown(a, s, t, typesOnly) {
      var ok = state.relTypes.has(a.kind) && monthsInRange(a.months);
      if (typesOnly) return ok && state.nodeTypes.has(graph.getNodeAttribute(s, "kind")) &&
        state.nodeTypes.has(graph.getNodeAttribute(t, "kind"));
      return ok && visible.has(s) && visible.has(t);
    }
    computeVisible();
    var renderer;
    try {
      renderer = new Sigma(graph, box, {
        enableEdgeEvents: true, renderEdgeLabels: false, zIndex: true, stagePadding: 70,  // room for labels
        labelRenderedSizeThreshold: data.nodes.length < 150 ? 0 : 9,  // small graphs: every name
        labelFont: "system-ui, sans-serif", minCameraRatio: 0.05, maxCameraRatio: 4,
        nodeReducer: function (node, a) {
          var out = Object.assign({}, a);
          if (!visible.has(node)) out.hidden = true;
          if (selected && graph.hasExtremity(selected, node)) out.highlighted = true;
          return out;
        },
        edgeReducer: function (edge, a) {
          var out = Object.assign({}, a);
          if (!edgeShown(a, graph.source(edge), graph.target(edge))) out.hidden = true;
          if (edge === selected) { out.color = "#111"; out.size = a.size + 2; out.zIndex = 1; }
          return out;
        }
      });
    } catch (err) {  // no WebGL: say so instead of a blank box
      box.appendChild(el("p", {"class": "no-webgl"}, "This browser cannot draw the graph (WebGL is off): " + err.message));
      return null;
    }
    function clear() { while (panel.firstChild) panel.removeChild(panel.firstChild); }
    function showEdge(id) {
      var e = edgeData[id];
      if (!e) return false;
      selected = id;
      renderer.refresh();
      clear();
      panel.appendChild(el("h3", {}, label(e.source) + (e.symmetric ? " \u2014 " : " \u2192 ") + e.type +
                                     (e.symmetric ? " \u2014 " : " \u2192 ") + label(e.target)));
      var dates = e.first ? (e.first === e.last ? e.first : e.first + " to " + e.last) : "undated";
      panel.appendChild(el("p", {"class": "hint"}, e.weight + " evidence sentence" + (e.weight > 1 ? "s" : "") +
                                                   ", " + dates));
      var list = el("ol", {id: "evidence-list"});
      e.evidence.forEach(function (ev) {
        var item = el("li");
        var quote = el("blockquote", {"class": "sentence"});
        var at = ev.trigger ? ev.sentence.indexOf(ev.trigger) : -1;
        if (at >= 0) {
          quote.appendChild(document.createTextNode(ev.sentence.slice(0, at)));
          quote.appendChild(el("mark", {}, ev.trigger));
          quote.appendChild(document.createTextNode(ev.sentence.slice(at + ev.trigger.length)));
        } else quote.textContent = ev.sentence;
        item.appendChild(quote);
        var art = data.articles[ev.article] || {};
        item.appendChild(el("cite", {}, "article " + ev.article + (art.published ? ", published " + art.published : "") +
                                        (ev.date ? ", dated " + ev.date : "") + (art.path ? " (" + art.path + ")" : "")));
        if (ev.negated) item.appendChild(el("span", {"class": "flag"}, "negated"));
        if (ev.hedged) item.appendChild(el("span", {"class": "flag"}, "hedged"));
        list.appendChild(item);
      });
      panel.appendChild(list);
      if (e.more) panel.appendChild(el("p", {"class": "hint"}, "and " + e.more + " more in graph.json"));
      return true;
    }
    function showNode(node) {
      selected = null;
      renderer.refresh();
      clear();
      var a = graph.getNodeAttributes(node);
      var n = data.nodes.find(function (x) { return x.id === node; });
      panel.appendChild(el("h3", {}, a.label));
      panel.appendChild(el("p", {"class": "hint"}, a.kind + ": " + fmt(n.mentions) + " mentions in " +
                                                   fmt(n.articles) + " articles"));
      var list = el("ul");
      graph.forEachEdge(node, function (edge, ea, s, t) {
        if (!edgeShown(ea, s, t)) return;
        var item = el("li");
        var button = el("button", {type: "button"}, label(s) + " " + ea.kind + " " + label(t) +
                                                   " (" + edgeData[edge].weight + ")");
        button.addEventListener("click", function () { showEdge(edge); });
        item.appendChild(button);
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
    renderer.on("clickEdge", function (event) { showEdge(event.edge); });
    renderer.on("clickNode", function (event) { showNode(event.node); });
    renderer.on("enterEdge", function () { box.style.cursor = "pointer"; });
    renderer.on("leaveEdge", function () { box.style.cursor = ""; });
    views.push({refresh: function () { computeVisible(); renderer.refresh(); }});
    return {
      sigma: renderer, graph: graph, showEdge: showEdge,
      nodePoint: function (node) {  // where a node is drawn, in page viewport pixels (tests click there)
        var d = renderer.getNodeDisplayData(node), p = renderer.framedGraphToViewport(d);
        var rect = box.getBoundingClientRect();
        return {x: rect.left + box.clientLeft + p.x, y: rect.top + box.clientTop + p.y, size: d.size};
      },
      edgePoint: function (id) {  // the middle of an edge, in page viewport pixels
        var s = this.nodePoint(graph.source(id)), t = this.nodePoint(graph.target(id));
        return {x: (s.x + t.x) / 2, y: (s.y + t.y) / 2};
      },
      clearEdge: function () {  // the visible edge whose middle lies farthest from any node: easy to click
        var self = this, nodes = graph.nodes().map(function (n) { return self.nodePoint(n); });
        var best = null, room = -Infinity;
        graph.forEachEdge(function (id, a, s, t) {
          if (!edgeShown(a, s, t)) return;
          var m = self.edgePoint(id);
          var free = Math.min.apply(null, nodes.map(function (p) { return Math.hypot(p.x - m.x, p.y - m.y) - p.size; }));
          if (free > room) { room = free; best = id; }
        });
        return best;
      }
    };
  }

  // -- map (Leaflet; borders inlined, tiles only on request) ---------------------------------
  function mapView() {
    var map = L.map("map", {preferCanvas: true, zoomSnap: 0.25}).setView([15, 0], 4);
    map.attributionControl.setPrefix(false);
    for (var lat = -10; lat <= 40; lat += 5) {  // a graticule, so points have a frame even without borders
      L.polyline([[lat, -30], [lat, 45]], {color: "#b8c7d6", weight: 0.6, interactive: false}).addTo(map);
    }
    for (var lon = -30; lon <= 45; lon += 5) {
      L.polyline([[-10, lon], [40, lon]], {color: "#b8c7d6", weight: 0.6, interactive: false}).addTo(map);
    }
    if (borders) {
      L.geoJSON(borders, {interactive: false,
                          style: {color: "#8c8c8c", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
      map.attributionControl.addAttribution("Borders: Natural Earth");
    }
    var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                            {maxZoom: 18, attribution: "\u00a9 OpenStreetMap contributors"});
    document.getElementById("tiles").addEventListener("change", function (event) {
      if (event.target.checked) tiles.addTo(map); else map.removeLayer(tiles);
    });
    var layer = L.layerGroup().addTo(map);
    function popup(p) {
      var box = el("div");
      box.appendChild(el("strong", {}, p.label));
      box.appendChild(el("div", {}, [p.admin1, p.country].filter(Boolean).join(", ") + " \u00b7 " +
                                    fmt(p.mentions) + " mention" + (p.mentions === 1 ? "" : "s")));
      var list = el("ul");
      p.events.forEach(function (e) {
        list.appendChild(el("li", {}, (e.date || "undated") + " " + label(e.source) + " " + e.type + " " +
                                      label(e.target) + (e.reports > 1 ? " (" + e.reports + " reports)" : "")));
      });
      box.appendChild(list);
      if (p.more) box.appendChild(el("div", {}, "and " + p.more + " more events"));
      return box;
    }
    var named = new Set(data.places.slice().sort(function (a, b) { return weight(b) - weight(a); })
                          .slice(0, 12).map(function (p) { return p.id; }));
    function weight(p) {
      return Object.keys(p.counts).reduce(function (n, k) { return n + p.counts[k]; }, 0) * 1000 + p.mentions;
    }
    function draw() {
      layer.clearLayers();
      data.places.forEach(function (p) {
        var byType = {}, total = 0;
        Object.keys(p.counts).forEach(function (k) {
          var parts = k.split("|");
          if (!state.relTypes.has(parts[0]) || !inRange(parts[1])) return;
          byType[parts[0]] = (byType[parts[0]] || 0) + p.counts[k];
          total += p.counts[k];
        });
        var top = Object.keys(byType).sort(function (a, b) { return byType[b] - byType[a]; })[0];
        var color = top ? data.relationColors[top] : (data.nodeColors.LOCATION || "#8c564b");
        var radius = top ? 5 + 4 * Math.sqrt(total) : 3 + Math.min(5, Math.sqrt(p.mentions));
        // the busiest places keep their names on the map; the others show them on hover
        var marker = L.circleMarker([p.lat, p.lon], {radius: radius, color: "#333", weight: 1, fillColor: color,
                                                     fillOpacity: 0.8});
        if (named.has(p.id) && total) {
          marker.bindTooltip(p.label, {permanent: true, direction: "right", className: "place-label"});
        } else marker.bindTooltip(p.label + (total ? ": " + total + " event" + (total > 1 ? "s" : "") : ""));
        marker.bindPopup(function () { return popup(p); }).addTo(layer);
      });
    }
    draw();
    var points = data.places.map(function (p) { return [p.lat, p.lon]; });
    if (points.length) map.fitBounds(points, {padding: [40, 40], maxZoom: 7});
    else map.fitBounds([[9, -18], [24, 25]]);  // the Sahel
    var missing = data.unresolved.map(function (u) { return u.label; });
    document.getElementById("unresolved").textContent = missing.length ?
      "Not on the map (no coordinates found): " + missing.join(", ") + "." : "Every place named was found.";
    views.push({refresh: draw});
    return {map: map};
  }

  // -- timeline (stacked bars per month, plain SVG) --------------------------------------------
  function timelineView() {
    var box = document.getElementById("timeline");
    var t = data.timeline;
    function draw() {
      while (box.firstChild) box.removeChild(box.firstChild);
      if (!t.months.length) {
        box.appendChild(el("p", {"class": "hint"}, "No dated events."));
        return;
      }
      var W = 1000, H = 240, left = 40, bottom = 40, top = 12;
      var types = Object.keys(t.counts).filter(function (k) { return state.relTypes.has(k); });
      var totals = t.months.map(function (_, i) {
        return types.reduce(function (sum, k) { return sum + t.counts[k][i]; }, 0);
      });
      var max = Math.max.apply(null, totals.concat([1]));
      var plot = svg("svg", {viewBox: "0 0 " + W + " " + H, "aria-label": "events per month"});
      var step = (W - left - 10) / t.months.length, bar = Math.max(1, step * 0.8);
      [0, Math.ceil(max / 2), max].forEach(function (v) {
        var y = H - bottom - (H - bottom - top) * v / max;
        plot.appendChild(svg("line", {x1: left, x2: W - 10, y1: y, y2: y, stroke: "#e5e5e5"}));
        plot.appendChild(svg("text", {x: left - 6, y: y + 4, "text-anchor": "end", "class": "axis"}, v));
      });
      var every = Math.ceil(t.months.length / 16);
      t.months.forEach(function (month, i) {
        var x = left + i * step + (step - bar) / 2, y = H - bottom;
        var faded = !inRange(month);
        types.forEach(function (k) {
          var n = t.counts[k][i];
          if (!n) return;
          var h = (H - bottom - top) * n / max;
          y -= h;
          var rect = svg("rect", {x: x, y: y, width: bar, height: h, fill: data.relationColors[k] || "#999",
                                  opacity: faded ? 0.25 : 1, "data-type": k});
          rect.appendChild(svg("title", {}, month + ": " + n + " " + k));
          plot.appendChild(rect);
        });
        if (i % every === 0) {
          plot.appendChild(svg("text", {x: x + bar / 2, y: H - bottom + 16, "text-anchor": "middle", "class": "axis"},
                               month));
        }
      });
      types.forEach(function (k, i) {  // legend
        plot.appendChild(svg("rect", {x: left + i * 130, y: H - 14, width: 10, height: 10,
                                      fill: data.relationColors[k] || "#999"}));
        plot.appendChild(svg("text", {x: left + i * 130 + 14, y: H - 5, "class": "axis"}, k));
      });
      box.appendChild(plot);
      if (t.undated) box.appendChild(el("p", {"class": "hint"}, t.undated + " undated event(s) not shown."));
    }
    draw();
    views.push({refresh: draw});
    return {};
  }

  // -- top actors ------------------------------------------------------------------------------
  function topView() {
    var box = document.getElementById("top");
    Object.keys(data.top).forEach(function (type) {
      var card = el("div");
      var title = el("h3");
      var swatch = el("span", {"class": "swatch"});
      swatch.style.background = data.nodeColors[type] || "#7f7f7f";
      title.appendChild(swatch);
      title.appendChild(document.createTextNode(type));
      card.appendChild(title);
      var table = el("table");
      var head = el("tr");
      ["actor", "mentions", "articles", "relations"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
      table.appendChild(head);
      data.top[type].forEach(function (a) {
        var row = el("tr");
        row.appendChild(el("td", {}, a.label));
        [a.mentions, a.articles, a.relations].forEach(function (v) { row.appendChild(el("td", {"class": "n"}, fmt(v))); });
        table.appendChild(row);
      });
      card.appendChild(table);
      box.appendChild(card);
    });
  }

  var view = document.body.getAttribute("data-view");
  var api = {data: data, state: state, refresh: refresh, timings: {}};
  function timed(name, make) {  // per-part milliseconds, read by the render benchmark
    var t0 = performance.now();
    api[name] = make();
    api.timings[name] = performance.now() - t0;
  }
  if ((view === "all" || view === "graph") && window.Sigma) timed("graph", graphView);
  if ((view === "all" || view === "map") && window.L) timed("map", mapView);
  if (view === "all" || view === "timeline") timed("timeline", timelineView);
  if (view === "all") timed("top", topView);
  api.readyMs = performance.now() - started;
  // milliseconds from navigation to the second painted frame: what the render benchmark reports
  requestAnimationFrame(function () { requestAnimationFrame(function () { api.drawnMs = performance.now(); }); });
  window.sahelReport = api;
})();
