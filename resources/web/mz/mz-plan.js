/* Movizor Desktop map: an editable route plan (used by mz.js, shown by the route editor).
 * MzPlan(map, ctx) draws numbered points (draggable), the legs between them coloured by
 * their verdict, an optional lead leg from the truck's live position, and that position
 * with its accuracy circle. It reports what the dispatcher does through ctx.send:
 *   planPointClicked(i)             a point was clicked (0-based)
 *   planPointMoved(i, lat, lon)     a point was dragged to a new place
 *   planPointInserted(i, lat, lon)  right-click: a new point at index i (the nearest leg)
 *   planPointDragging(i, lat, lon)  a point is being dragged (at most every 50 ms)
 * setExtras draws what the trip planner adds: the breaks and rests of the plan, and the
 * candidate trucks with a line each to the first point.
 * Picking (a click anywhere adds a point) is mz.js's pick mode. */
(function () {
  'use strict';

  // Squared distance from p to the segment a-b, in container pixels.
  function segmentDistance2(p, a, b) {
    var dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    var t = len2 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = Math.max(0, Math.min(1, t));
    var x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
    return x * x + y * y;
  }

  function MzPlan(map, ctx) {
    var esc = ctx.esc, send = ctx.send, under = ctx.under;
    var layer = L.layerGroup().addTo(map);
    var legLayer = L.layerGroup().addTo(layer);
    var liveLayer = L.layerGroup().addTo(layer);
    var extraLayer = L.layerGroup().addTo(layer);
    var extras = { stops: 0, candidates: 0 };
    var markers = [];
    var st = { points: [], legs: [], live: null, selected: null, colours: {} };

    function icon(i, p) {
      var cls = 'mz-plan-pt' + (i === st.selected ? ' mz-selected' : '') +
        (p.done ? ' mz-done' : '');
      return L.divIcon({ className: cls, iconSize: [24, 24],
                         html: '<span>' + (i + 1) + '</span>' });
    }

    // The polyline of every leg: [start, 1], [1, 2]... (start = the live position).
    function legEnds() {
      var ends = [], pts = st.points;
      // the lead leg, when the plan has one (its first leg starts at the truck)
      if (st.live && pts.length && st.legs[0]) { ends.push([0, st.live, pts[0]]); }
      for (var i = 1; i < pts.length; i++) { ends.push([i, pts[i - 1], pts[i]]); }
      return ends;
    }

    function drawLegs() {
      legLayer.clearLayers();
      legEnds().forEach(function (e) {
        var index = e[0], a = e[1], b = e[2];
        var verdict = st.legs[index] || 'unknown';
        var lead = st.live && index === 0;
        L.polyline([[a.lat, a.lon], [b.lat, b.lon]], {
          renderer: under, pane: 'mzUnder', interactive: false,
          color: st.colours[verdict] || '#6b7280', weight: lead ? 3 : 5,
          opacity: 0.85, dashArray: lead ? '6 8' : null
        }).addTo(legLayer);
      });
    }

    function drawPoints() {
      markers.forEach(function (m) { layer.removeLayer(m); });
      markers = st.points.map(function (p, i) {
        var m = L.marker([p.lat, p.lon], { icon: icon(i, p), draggable: true,
                                           keyboard: false, autoPan: true, zIndexOffset: 500 });
        if (p.text) { m.bindTooltip(esc(p.text), { direction: 'top', offset: [0, -12] }); }
        m.on('click', function (e) {
          L.DomEvent.stopPropagation(e);
          send('planPointClicked', i);
        });
        var lastSent = 0;
        m.on('drag', function () {
          st.points[i] = L.extend({}, st.points[i], { lat: m.getLatLng().lat,
                                                      lon: m.getLatLng().lng });
          drawLegs();
          var now = Date.now();
          if (now - lastSent >= 50) {
            lastSent = now;
            var at = m.getLatLng().wrap();
            send('planPointDragging', i, at.lat, at.lng);
          }
        });
        m.on('dragend', function () {
          var ll = m.getLatLng().wrap();
          send('planPointMoved', i, ll.lat, ll.lng);
        });
        m.on('contextmenu', function (e) { L.DomEvent.stopPropagation(e); });
        return m.addTo(layer);
      });
    }

    function drawLive() {
      liveLayer.clearLayers();
      var p = st.live;
      if (!p) { return; }
      if (p.radius > 0) {
        L.circle([p.lat, p.lon], { renderer: under, pane: 'mzUnder', interactive: false,
          radius: p.radius, color: '#1f5fbf', weight: 1, opacity: 0.5,
          fillOpacity: 0.08 }).addTo(liveLayer);
      }
      L.circleMarker([p.lat, p.lon], { pane: 'mzTop', radius: 7, weight: 3,
        color: '#ffffff', fillColor: '#1f5fbf', fillOpacity: 1, interactive: !!p.text })
        .bindTooltip(esc(p.text || ''), { direction: 'top', offset: [0, -8] })
        .addTo(liveLayer);
    }

    // {points: [{lat, lon, text, done}], legs: ['ok'|'tight'|'impossible'|'unknown'...],
    //  colours: {verdict: '#rrggbb'}, fit: bool}
    function setPlan(data) {
      data = data || {};
      st.points = (data.points || []).slice();
      st.legs = (data.legs || []).slice();
      if (data.colours) { st.colours = data.colours; }
      if (st.selected !== null && st.selected >= st.points.length) { st.selected = null; }
      drawLegs();
      drawPoints();
      if (data.fit) { fitPlan(); }
      return st.points.length;
    }

    function setLive(p) {
      st.live = p && isFinite(p.lat) && isFinite(p.lon) ? p : null;
      drawLive();
      drawLegs();
      return !!st.live;
    }

    // {stops: [{lat, lon, kind: 'break'|'rest', text}],
    //  candidates: [{lat, lon, text, colour}], to: {lat, lon} | null}
    function setExtras(data) {
      data = data || {};
      extraLayer.clearLayers();
      var stops = data.stops || [], candidates = data.candidates || [], to = data.to;
      stops.forEach(function (s) {
        L.circleMarker([s.lat, s.lon], { pane: 'mzTop', radius: s.kind === 'rest' ? 7 : 5,
          weight: 2, color: '#ffffff', fillOpacity: 1,
          fillColor: s.kind === 'rest' ? '#5b3fa8' : '#d08a00' })
          .bindTooltip(esc(s.text || ''), { direction: 'top', offset: [0, -6] })
          .addTo(extraLayer);
      });
      candidates.forEach(function (c) {
        if (to) {
          L.polyline([[c.lat, c.lon], [to.lat, to.lon]], { renderer: under, pane: 'mzUnder',
            interactive: false, color: c.colour || '#1f5fbf', weight: 2, opacity: 0.6,
            dashArray: '2 6' }).addTo(extraLayer);
        }
        L.circleMarker([c.lat, c.lon], { pane: 'mzTop', radius: 6, weight: 2,
          color: '#ffffff', fillColor: c.colour || '#1f5fbf', fillOpacity: 1 })
          .bindTooltip(esc(c.text || ''), { direction: 'top', offset: [0, -6] })
          .addTo(extraLayer);
      });
      extras = { stops: stops.length, candidates: candidates.length };
      return extras;
    }

    function selectPoint(i, o) {
      st.selected = (i === null || i === undefined || i < 0) ? null : i;
      markers.forEach(function (m, k) { m.setIcon(icon(k, st.points[k])); });
      var p = st.selected === null ? null : st.points[st.selected];
      if (p && (!o || o.pan !== false)) {
        var inside = map.getBounds().pad(-0.1).contains([p.lat, p.lon]);
        if (!inside) { map.panTo([p.lat, p.lon]); }
      }
      return st.selected;
    }

    function fitPlan() {
      var pts = st.points.map(function (p) { return [p.lat, p.lon]; });
      if (st.live) { pts.push([st.live.lat, st.live.lon]); }
      if (!pts.length) { return false; }
      map.invalidateSize({ animate: false });
      var size = map.getSize();
      if (size.x < 60 || size.y < 60) {  // not laid out yet: frame it once it has a size
        map.once('resize', fitPlan);
        return false;
      }
      if (pts.length === 1) {
        map.setView(pts[0], Math.max(map.getZoom(), 9), { animate: false });
      } else {
        map.fitBounds(L.latLngBounds(pts), { padding: [36, 36], maxZoom: 12, animate: false });
      }
      return true;
    }

    // Right-click: a new point on the nearest leg (or after the last point).
    function insertAt(latlng) {
      var n = st.points.length, index = n;
      var p = map.latLngToContainerPoint(latlng), best = Infinity;
      legEnds().forEach(function (e) {
        var a = e[1], b = e[2];
        var pa = map.latLngToContainerPoint([a.lat, a.lon]);
        var pb = map.latLngToContainerPoint([b.lat, b.lon]);
        var d = segmentDistance2(p, pa, pb);
        if (d < best) { best = d; index = e[0]; }
      });
      var ll = L.latLng(latlng).wrap();
      send('planPointInserted', index, ll.lat, ll.lng);
      return index;
    }
    map.on('contextmenu', function (e) { insertAt(e.latlng); });

    function state() {
      return { planPoints: st.points.length, planLegs: legLayer.getLayers().length,
               planLive: !!st.live, planSelected: st.selected,
               planStops: extras.stops, planCandidates: extras.candidates,
               planLegColours: legLayer.getLayers().map(function (l) { return l.options.color; }),
               planMarkers: markers.map(function (m) {
                 var ll = m.getLatLng(); return [ll.lat, ll.lng];
               }) };
    }

    // For the app's tests: the container pixel of a lat/lon.
    function pixelOf(lat, lon) {
      var p = map.latLngToContainerPoint([lat, lon]);
      return [Math.round(p.x), Math.round(p.y)];
    }

    return { setPlan: setPlan, setLive: setLive, setExtras: setExtras,
             selectPoint: selectPoint, fitPlan: fitPlan,
             insertAt: insertAt, state: state, pixelOf: pixelOf,
             marker: function (i) { return markers[i] || null; } };
  }

  window.MzPlan = MzPlan;
}());
