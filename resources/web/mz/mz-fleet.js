/* Movizor Desktop map: the fleet layer (used by mz.js).
 *
 * MzFleet(map, ctx) keeps one record per subscriber (id → record) and draws on the `top`
 * canvas only what the view needs:
 * - a small fleet (fewer than ctx.clusterFrom) is drawn whole: a circle marker and an
 *   accuracy circle per subscriber;
 * - a large fleet is clustered on a pixel grid at the current zoom: the points within the
 *   view (plus a margin) fall into CELL × CELL px cells; a cell holding one subscriber shows
 *   its marker, a cell holding more shows one cluster (a canvas circle with the count) at
 *   their mean position. From zoom SINGLES_FROM on every subscriber in view is drawn on its
 *   own. The grid is recomputed after every move or zoom and after every update that moves,
 *   adds or removes someone; the selected subscriber is never clustered and keeps its
 *   accuracy circle.
 * Markers are made when first shown and kept; an update only touches changed records and
 * the markers on screen. Clicking a cluster zooms in on its members. */
(function () {
  'use strict';

  var CELL = 64;          // px, grid cell of the clustering
  var MARGIN = 0.3;       // of the view's size, on every side (as the canvas renderers)
  var SINGLES_FROM = 11;  // zoom from which nobody is clustered
  var TILE = 256;
  var MAX_LAT = 85.0511287798;
  var KEY_ROW = 4194304;  // 2^22 cells a row: enough for zoom 19 at 64 px (2^18 cells)

  // A canvas circle with a centred count: one cluster.
  var ClusterMarker = L.CircleMarker.extend({
    _updatePath: function () {
      var r = this._renderer;
      r._updateCircle(this);
      if (!r._drawing || this._empty()) { return; }
      var c = r._ctx, p = this._point;
      c.globalAlpha = 1;
      c.fillStyle = '#111827';
      c.font = '600 11px system-ui, "Segoe UI", sans-serif';
      c.textAlign = 'center';
      c.textBaseline = 'middle';
      c.fillText(this.mzLabel, p.x, p.y + 0.5);
    }
  });

  function clusterStyle(n) {  // markercluster's familiar sizes and colours
    var fill = n < 10 ? '#6ecc39' : n < 100 ? '#f0c20c' : '#f18017';
    return { radius: n < 10 ? 13 : n < 100 ? 15 : n < 1000 ? 17 : 19, weight: 7, color: fill,
             opacity: 0.45, fillColor: fill, fillOpacity: 0.85 };
  }

  function MzFleet(map, ctx) {
    var top = ctx.top, under = ctx.under, esc = ctx.esc, lines = ctx.lines;
    var CLUSTER_FROM = ctx.clusterFrom || 300;
    var st = { selected: null, clustered: false };
    var recs = new Map();        // id → record
    var shown = new Set();       // records whose marker is on the map
    var clusters = new Map();    // grid key → ClusterMarker on the map
    var circles = 0;
    var markers = L.featureGroup().addTo(map);
    var clusterLayer = L.featureGroup().addTo(map);
    var accuracy = L.layerGroup().addTo(map);

    // ---- one subscriber ----------------------------------------------------------------
    function style(rec, selected) {
      return {
        radius: selected ? 10 : 7, weight: selected ? 3 : 2, opacity: 1,
        color: selected ? '#111827' : rec.ring, fillColor: rec.fill,
        fillOpacity: rec.dim ? 0.55 : 0.95
      };
    }
    function fleetTip() {
      var r = this.mzRec;
      return lines([r.title || r.id, r.when, r.place]);
    }
    function syncMarker(rec) {
      var m = rec.m, ll = m._latlng, sel = rec.id === st.selected;
      if (ll.lat !== rec.lat || ll.lng !== rec.lng) { m.setLatLng([rec.lat, rec.lng]); }
      if (m.mzFill !== rec.fill || m.mzRing !== rec.ring || m.mzDim !== rec.dim ||
          m.mzSel !== sel) {
        m.setStyle(style(rec, sel));
        m.mzFill = rec.fill; m.mzRing = rec.ring; m.mzDim = rec.dim; m.mzSel = sel;
      }
      return m;
    }
    function markerOf(rec) {
      if (!rec.m) {
        var m = rec.m = L.circleMarker([rec.lat, rec.lng], L.extend(style(rec, false), {
          renderer: top, pane: 'mzTop', bubblingMouseEvents: false }));
        m.mzId = rec.id;
        m.mzRec = rec;
        m.mzTip = fleetTip;
        m.mzSel = false;
      }
      return syncMarker(rec);
    }
    function show(rec) {
      var m = markerOf(rec);
      if (!shown.has(rec)) { markers.addLayer(m); shown.add(rec); }
    }
    function hide(rec) {
      if (shown.delete(rec)) { markers.removeLayer(rec.m); }
    }

    function wantCircle(rec) { return rec.radius > 0 && (!st.clustered || rec.id === st.selected); }
    function syncCircle(rec) {
      var c = rec.c;
      if (!wantCircle(rec)) {
        if (c) { accuracy.removeLayer(c); rec.c = null; circles -= 1; }
        return;
      }
      if (!c) {
        rec.c = L.circle([rec.lat, rec.lng], {
          radius: rec.radius, color: rec.fill, weight: 1, opacity: 0.35, fillColor: rec.fill,
          fillOpacity: 0.08, renderer: under, pane: 'mzUnder', interactive: false });
        accuracy.addLayer(rec.c);
        circles += 1;
        return;
      }
      var ll = c._latlng;
      if (ll.lat !== rec.lat || ll.lng !== rec.lng) { c.setLatLng([rec.lat, rec.lng]); }
      if (c._mRadius !== rec.radius) { c.setRadius(rec.radius); }
      if (c.options.color !== rec.fill) { c.setStyle({ color: rec.fill, fillColor: rec.fill }); }
    }

    // ---- the grid ----------------------------------------------------------------------
    function clusterTip() {
      var members = this.mzRecs, names = [];
      for (var i = 0; i < members.length && i < 5; i++) {
        names.push(esc(members[i].title || members[i].id));
      }
      if (members.length > 5) { names.push('…'); }
      return '<b>' + members.length + '</b><br>' + names.join('<br>');
    }

    function render() {
      if (!st.clustered) { return; }
      var zoom = map.getZoom(), view = map.getPixelBounds();
      var scale = TILE * Math.pow(2, zoom), grid = zoom < SINGLES_FROM;
      var w = (view.max.x - view.min.x) * MARGIN, h = (view.max.y - view.min.y) * MARGIN;
      var x0 = view.min.x - w, x1 = view.max.x + w, y0 = view.min.y - h, y1 = view.max.y + h;
      var cells = new Map(), singles = [], d = Math.PI / 180;
      recs.forEach(function (rec) {
        if (rec.id === st.selected) { return; }
        var x = (rec.lng + 180) / 360 * scale;
        if (x < x0 || x > x1) { return; }
        var lat = rec.lat > MAX_LAT ? MAX_LAT : rec.lat < -MAX_LAT ? -MAX_LAT : rec.lat;
        var s = Math.sin(lat * d);
        var y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
        if (y < y0 || y > y1) { return; }
        if (!grid) { singles.push(rec); return; }
        var key = Math.floor(x / CELL) * KEY_ROW + Math.floor(y / CELL);
        var cell = cells.get(key);
        if (cell === undefined) { cells.set(key, [rec]); } else { cell.push(rec); }
      });
      var keep = new Set(), old = clusters;
      clusters = new Map();
      cells.forEach(function (members, key) {
        if (members.length === 1) { singles.push(members[0]); return; }
        var lat = 0, lng = 0, n = members.length;
        for (var i = 0; i < n; i++) { lat += members[i].lat; lng += members[i].lng; }
        lat /= n; lng /= n;
        var c = old.get(key);
        if (c) {
          old.delete(key);
          var ll = c._latlng;
          if (ll.lat !== lat || ll.lng !== lng) { c.setLatLng([lat, lng]); }
          if (c.mzCount !== n) { c.setStyle(clusterStyle(n)); }
        } else {
          c = new ClusterMarker([lat, lng], L.extend(clusterStyle(n), {
            renderer: top, pane: 'mzTop', bubblingMouseEvents: false }));
          c.mzTip = clusterTip;
          clusterLayer.addLayer(c);
        }
        c.mzCount = n;
        c.mzLabel = String(n);
        c.mzRecs = members;
        clusters.set(key, c);
      });
      old.forEach(function (c) { clusterLayer.removeLayer(c); });
      singles.forEach(function (rec) { keep.add(rec); });
      var sel = st.selected && recs.get(st.selected);
      if (sel) { keep.add(sel); }
      shown.forEach(function (rec) { if (!keep.has(rec)) { hide(rec); } });
      keep.forEach(show);
      if (sel) { sel.m.bringToFront(); }
    }

    function onClusterClick(e) {
      var c = e.layer;
      if (ctx.clusterClicked(e)) { return; }  // e.g. picking a point
      var members = c.mzRecs, b = L.latLngBounds([]);
      for (var i = 0; i < members.length; i++) { b.extend([members[i].lat, members[i].lng]); }
      var zoom = map.getZoom();
      var to = Math.min(map.getBoundsZoom(b, false, L.point(80, 80)), SINGLES_FROM);
      map.setView(b.getCenter(), Math.max(zoom + 1, to));
    }

    clusterLayer.on('click', onClusterClick)
      .on('mouseover', ctx.showTip).on('mouseout', ctx.hideTip);
    markers.on('click', function (e) { ctx.markerClicked(e.layer.mzId, e.layer); })
      .on('mouseover', ctx.showTip).on('mouseout', ctx.hideTip);
    map.on('moveend', render);

    function setMode(clustered) {
      st.clustered = clustered;
      if (clustered) {
        render();
      } else {
        clusters.forEach(function (c) { clusterLayer.removeLayer(c); });
        clusters = new Map();
        recs.forEach(show);
      }
      recs.forEach(syncCircle);
    }

    // ---- updates -----------------------------------------------------------------------
    // data: {rows, looks, strings, full, remove}; a row:
    // [phone, lat×1e6, lon×1e6, radius_m, look, title, when, place] where look indexes
    // data.looks ([fill, ring, dim]) and when and place index data.strings.
    function setFleet(data) {
      var rows = data.rows || [], looks = data.looks || [], S = data.strings || [];
      var seen = data.full ? new Set() : null, layout = false, touched = [], fresh = [];
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i], id = row[0], rec = recs.get(id), look = looks[row[4]];
        var lat = row[1] / 1e6, lng = row[2] / 1e6;
        if (seen) { seen.add(id); }
        if (rec === undefined) {
          rec = { id: id, lat: lat, lng: lng, radius: row[3], fill: look[0], ring: look[1],
                  dim: look[2], title: row[5], when: S[row[6]], place: S[row[7]], m: null,
                  c: null };
          recs.set(id, rec);
          layout = true;
          fresh.push(rec);
          continue;
        }
        var geo = rec.lat !== lat || rec.lng !== lng;
        var circle = geo || rec.radius !== row[3] || rec.fill !== look[0];
        rec.lat = lat; rec.lng = lng; rec.radius = row[3];
        rec.fill = look[0]; rec.ring = look[1]; rec.dim = look[2];
        rec.title = row[5]; rec.when = S[row[6]]; rec.place = S[row[7]];
        if (geo) { layout = true; }
        if (rec.m !== null && shown.has(rec)) { touched.push(rec); }
        if (circle && (rec.c !== null || wantCircle(rec))) { syncCircle(rec); }
      }
      var gone = (data.remove || []).slice();
      if (seen) { recs.forEach(function (rec, id) { if (!seen.has(id)) { gone.push(id); } }); }
      gone.forEach(function (id) {
        var rec = recs.get(id);
        if (!rec) { return; }
        recs.delete(id);
        layout = true;
        if (id === st.selected) { st.selected = null; }
        hide(rec);
        if (rec.c) { accuracy.removeLayer(rec.c); rec.c = null; circles -= 1; }
      });
      var clustered = recs.size >= CLUSTER_FROM;
      if (clustered !== st.clustered) {
        setMode(clustered);
      } else if (clustered && layout) {
        render();  // shows (and so brings up to date) every marker on screen
      } else {
        touched.forEach(syncMarker);
        if (!clustered) { fresh.forEach(function (rec) { show(rec); syncCircle(rec); }); }
      }
      return recs.size;
    }

    function select(id) {
      var prev = st.selected && st.selected !== id ? recs.get(st.selected) : null;
      st.selected = id || null;
      if (prev) {
        if (prev.m) { syncMarker(prev); }
        syncCircle(prev);
      }
      var rec = id ? recs.get(id) : null;
      if (st.clustered && (rec || prev)) { render(); }
      if (!rec) { return null; }
      show(rec);
      rec.m.bringToFront();
      syncCircle(rec);
      return rec.m;
    }

    function bounds() {
      if (!recs.size) { return null; }
      var s = 90, n = -90, w = 180, e = -180;
      recs.forEach(function (r) {
        if (r.lat < s) { s = r.lat; }
        if (r.lat > n) { n = r.lat; }
        if (r.lng < w) { w = r.lng; }
        if (r.lng > e) { e = r.lng; }
      });
      return L.latLngBounds([s, w], [n, e]);
    }

    function view() {  // what is drawn now (tests, diagnostics)
      var out = [];
      clusters.forEach(function (c) { out.push([c._latlng.lat, c._latlng.lng, c.mzCount]); });
      return { clusters: out, singles: shown.size };
    }

    return {
      setFleet: setFleet, select: select, bounds: bounds, render: render, view: view,
      marker: function (id) { var rec = recs.get(id); return rec ? markerOf(rec) : null; },
      clusterMarkers: function () { return Array.from(clusters.values()); },
      count: function () { return recs.size; },
      state: function () {
        return { markers: recs.size, clustered: st.clustered, selected: st.selected,
                 circles: circles, clusters: clusters.size, singles: shown.size };
      }
    };
  }

  window.MzFleet = MzFleet;
}());
