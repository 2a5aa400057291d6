/* Movizor Desktop map API. page.py's MzApi runs `window.mz = MzMap.create(map, base, opts)`.
 * Python pushes data with runJavaScript (JSON made and translated on the Python side);
 * the page answers through the QWebChannel object `bridge`. Texts from data are inserted
 * with textContent or escaped; nothing here builds HTML from unescaped input. */
(function () {
  'use strict';

  var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  function esc(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) { return ESC[c]; });
  }
  function lines(parts) {
    return parts.filter(Boolean).map(function (p, i) {
      return i === 0 ? '<b>' + esc(p) + '</b>' : esc(p);
    }).join('<br>');
  }

  function create(map, base, opts) {
    var T = opts.texts || {};
    var CLUSTER_FROM = opts.clusterFrom || 300;
    var REBUILD_FROM = 200;  // clustered markers moved in one update
    var container = map.getContainer();
    map.setMinZoom(3);
    L.control.scale({ imperial: false }).addTo(map);

    // Panes: non-interactive shapes under, interactive markers on top (one canvas each;
    // a canvas swallows the mouse, so the lower one must let it through).
    map.createPane('mzUnder').style.zIndex = 390;
    map.getPane('mzUnder').style.pointerEvents = 'none';
    map.createPane('mzTop').style.zIndex = 450;
    var under = L.canvas({ pane: 'mzUnder', padding: 0.3 });
    var top = L.canvas({ pane: 'mzTop', padding: 0.3, tolerance: 3 });

    var bridge = null;
    var st = {
      picking: false, selected: null, fitted: false, clustered: false, offline: false,
      tileErrors: 0, routePhone: null
    };
    function send(name) {
      var args = Array.prototype.slice.call(arguments, 1);
      if (bridge && typeof bridge[name] === 'function') { bridge[name].apply(bridge, args); }
    }

    function overlay(cls) {
      var el = L.DomUtil.create('div', cls, container);
      el.style.display = 'none';
      L.DomEvent.disableClickPropagation(el);
      return el;
    }
    var notice = overlay('mz-notice');
    var hint = overlay('mz-hint');
    function setTexts(texts) {
      T = texts || {};
      notice.textContent = T.tilesOffline || '';
      hint.textContent = T.pickHint || '';
    }
    setTexts(T);
    var routeBox = overlay('mz-route-box');

    // A single tooltip follows the pointer over fleet markers and track dots.
    var tip = L.tooltip({ direction: 'top', offset: [0, -8], opacity: 0.95 });
    function showTip(e) {
      var html = e.layer.mzTip ? e.layer.mzTip() : '';
      if (!html) { return; }
      tip.setLatLng(e.layer.getLatLng()).setContent(html);
      map.openTooltip(tip);
    }
    function hideTip() { map.closeTooltip(tip); }

    // ---- fleet ----------------------------------------------------------------------------
    // row: [phone, lat, lon, radius_m, fill, ring, title, when, place, dim]
    var markers = new Map();
    var circles = new Map();
    var plain = L.featureGroup().addTo(map);
    var cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45,
      disableClusteringAtZoom: 11, spiderfyOnMaxZoom: false
    });
    var accuracy = L.layerGroup().addTo(map);

    function fleetTip() {
      var r = this.mz;
      return lines([r[6] || r[0], r[7], r[8]]);
    }
    function style(row, selected) {
      return {
        radius: selected ? 10 : 7, weight: selected ? 3 : 2, opacity: 1,
        color: selected ? '#111827' : row[5], fillColor: row[4],
        fillOpacity: row[9] ? 0.55 : 0.95
      };
    }
    function circleStyle(row) {
      return { radius: row[3], color: row[4], weight: 1, opacity: 0.35, fillColor: row[4],
               fillOpacity: 0.08, renderer: under, pane: 'mzUnder', interactive: false };
    }
    function onMarkerClick(e) {
      var m = e.layer;
      if (st.picking) { pick(m.getLatLng()); return; }
      selectPhone(m.mzId, { pan: false });
      send('markerClicked', m.mzId);
    }
    plain.on('click', onMarkerClick).on('mouseover', showTip).on('mouseout', hideTip);
    cluster.on('click', onMarkerClick).on('mouseover', showTip).on('mouseout', hideTip);

    function inCluster(m) { return st.clustered && m.mzId !== st.selected; }
    function wantCircle(id) { return !st.clustered || id === st.selected; }
    function syncCircle(id) {
      var m = markers.get(id), c = circles.get(id);
      var row = m && m.mz;
      if (!row || !row[3] || !wantCircle(id)) {
        if (c) { accuracy.removeLayer(c); circles.delete(id); }
        return;
      }
      if (!c) {
        c = L.circle([row[1], row[2]], circleStyle(row));
        circles.set(id, c);
        accuracy.addLayer(c);
      } else {
        c.setLatLng([row[1], row[2]]);
        c.setRadius(row[3]);
        c.setStyle({ color: row[4], fillColor: row[4] });
      }
    }
    function detach(m) {
      if (plain.hasLayer(m)) { plain.removeLayer(m); }
      if (cluster.hasLayer(m)) { cluster.removeLayer(m); }
    }

    function setFleet(data) {
      var rows = data.rows || [], seen = data.full ? new Set() : null;
      var fresh = [], moved = [], changed = [];
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i], id = row[0], m = markers.get(id);
        if (seen) { seen.add(id); }
        if (!m) {
          m = L.circleMarker([row[1], row[2]], L.extend(style(row, id === st.selected), {
            renderer: top, pane: 'mzTop', bubblingMouseEvents: false }));
          m.mzId = id;
          m.mz = row;
          m.mzTip = fleetTip;
          markers.set(id, m);
          fresh.push(m);
          changed.push(id);
          continue;
        }
        var old = m.mz, ll = m.getLatLng();
        m.mz = row;
        if (ll.lat !== row[1] || ll.lng !== row[2]) { moved.push(m); }
        if (old[4] !== row[4] || old[5] !== row[5] || old[9] !== row[9]) {
          m.setStyle(style(row, id === st.selected));
        }
        if (old[1] !== row[1] || old[2] !== row[2] || old[3] !== row[3] || old[4] !== row[4]) {
          changed.push(id);
        }
      }
      var gone = (data.remove || []).filter(function (id) { return markers.has(id); });
      if (seen) { markers.forEach(function (m, id) { if (!seen.has(id)) { gone.push(id); } }); }
      var goneLayers = [];
      gone.forEach(function (id) {
        var m = markers.get(id);
        if (!m) { return; }
        markers.delete(id);
        if (id === st.selected) { st.selected = null; }
        if (plain.hasLayer(m)) { plain.removeLayer(m); } else { goneLayers.push(m); }
        var c = circles.get(id);
        if (c) { accuracy.removeLayer(c); circles.delete(id); }
      });
      if (goneLayers.length) { cluster.removeLayers(goneLayers); }

      var clustered = markers.size >= CLUSTER_FROM;
      if (clustered !== st.clustered) {
        switchMode(clustered);
      } else {
        var toCluster = [];
        fresh.forEach(function (m) {
          if (inCluster(m)) { toCluster.push(m); } else { plain.addLayer(m); }
        });
        var movedClustered = moved.filter(function (m) { return cluster.hasLayer(m); });
        if (movedClustered.length > REBUILD_FROM) {
          // many moves: rebuilding the cluster tree beats removing and re-adding each
          cluster.clearLayers();  // first: a clustered marker's move re-files it in the tree
          moved.forEach(function (m) { m.setLatLng([m.mz[1], m.mz[2]]); });
          toCluster = Array.from(markers.values()).filter(inCluster);
        } else {
          if (movedClustered.length) { cluster.removeLayers(movedClustered); }
          moved.forEach(function (m) { m.setLatLng([m.mz[1], m.mz[2]]); });
          toCluster = toCluster.concat(movedClustered);
        }
        if (toCluster.length) { cluster.addLayers(toCluster); }
      }
      changed.forEach(syncCircle);
      if (!st.fitted && markers.size) { st.fitted = true; fit(); }
      return markers.size;
    }

    function switchMode(clustered) {
      st.clustered = clustered;
      var all = Array.from(markers.values());
      function place(m) { m.setLatLng([m.mz[1], m.mz[2]]); }  // once out of any cluster
      if (clustered) {
        plain.clearLayers();
        all.forEach(place);
        cluster.addLayers(all.filter(inCluster));
        if (st.selected && markers.has(st.selected)) { plain.addLayer(markers.get(st.selected)); }
        map.addLayer(cluster);
      } else {
        map.removeLayer(cluster);
        cluster.clearLayers();
        all.forEach(place);
        all.forEach(function (m) { plain.addLayer(m); });
      }
      accuracy.clearLayers();
      circles.clear();
      markers.forEach(function (m, id) { syncCircle(id); });
    }

    function fit() {
      if (!markers.size) { return false; }
      var b = L.latLngBounds(Array.from(markers.values(), function (m) { return m.getLatLng(); }));
      map.fitBounds(b, { padding: [30, 30], maxZoom: 11, animate: false });
      return true;
    }

    function reveal(ll) {
      var p = map.latLngToContainerPoint(ll), s = map.getSize();
      var near = p.x > -s.x && p.x < 2 * s.x && p.y > -s.y && p.y < 2 * s.y;
      if (near) { map.panTo(ll); } else {
        map.setView(ll, Math.min(Math.max(map.getZoom(), 6), 12), { animate: false });
      }
    }

    function selectPhone(id, o) {
      var prev = st.selected && st.selected !== id && markers.get(st.selected);
      st.selected = id || null;
      if (prev) {
        prev.setStyle(style(prev.mz, false));
        if (st.clustered) { plain.removeLayer(prev); cluster.addLayer(prev); }
        syncCircle(prev.mzId);
      }
      var m = id ? markers.get(id) : null;
      if (!m) { return false; }
      if (st.clustered) { detach(m); plain.addLayer(m); }
      m.setStyle(style(m.mz, true));
      m.bringToFront();
      syncCircle(id);
      if (!o || o.pan !== false) { reveal(m.getLatLng()); }
      return true;
    }

    // ---- route of the selected subscriber --------------------------------------------------
    var routeLayer = L.layerGroup().addTo(map);
    function setRoute(data) {
      routeLayer.clearLayers();
      routeBox.style.display = 'none';
      st.routePhone = data ? data.phone : null;
      if (!data || !data.points || !data.points.length) { return 0; }
      var lineOpts = { renderer: under, pane: 'mzUnder', interactive: false, color: '#7c3aed',
                       weight: 3, opacity: 0.75 };
      if (data.line.length > 1) { L.polyline(data.line, lineOpts).addTo(routeLayer); }
      if (data.lead && data.lead.length === 2) {
        L.polyline(data.lead, L.extend({}, lineOpts, { weight: 2, dashArray: '4 6' }))
          .addTo(routeLayer);
      }
      data.points.forEach(function (p, i) {
        var icon = L.divIcon({
          className: 'mz-route-pt' + (p[4] ? ' mz-done' : ''), iconSize: [20, 20],
          html: '<span style="background:' + esc(p[2]) + '">' + (i + 1) + '</span>'
        });
        L.marker([p[0], p[1]], { icon: icon, keyboard: false })
          .bindTooltip(esc(p[3]), { direction: 'top', offset: [0, -10] }).addTo(routeLayer);
      });
      if (data.label) { routeBox.textContent = data.label; routeBox.style.display = ''; }
      return data.points.length;
    }

    function pill(ll, text, cls) {
      var icon = L.divIcon({ className: 'mz-pill-anchor', iconSize: null,
                             html: '<span class="mz-pill ' + cls + '">' + esc(text) + '</span>' });
      return L.marker(ll, { icon: icon, interactive: false, keyboard: false });
    }

    // ---- track, playback (mz-track.js) ------------------------------------------------------
    var track = MzTrack(map, { under: under, top: top, showTip: showTip, hideTip: hideTip,
                               pill: pill, esc: esc });

    // ---- picking a point --------------------------------------------------------------------
    function setPickMode(on) {
      st.picking = !!on;
      if (on) { L.DomUtil.addClass(container, 'mz-picking'); } else {
        L.DomUtil.removeClass(container, 'mz-picking');
      }
      hint.style.display = on ? '' : 'none';
      return st.picking;
    }
    function pick(latlng) {
      var ll = L.latLng(latlng);
      if (ll.lng < -180 || ll.lng > 180) { ll = ll.wrap(); }
      setPickMode(false);
      send('mapClicked', ll.lat, ll.lng);
    }
    map.on('click', function (e) { if (st.picking) { pick(e.latlng); } });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && st.picking) { setPickMode(false); send('pickCancelled'); }
    });

    // ---- tiles ------------------------------------------------------------------------------
    function setOffline(on) {
      if (st.offline === on) { return; }
      st.offline = on;
      notice.style.display = on ? '' : 'none';
      send(on ? 'tilesFailed' : 'tilesRestored');
    }
    // Offline after 3 failed tiles in a row (a screen needs 6+): one missing tile is not.
    base.on('tileerror', function (e) {
      if (e.tile) { e.tile.style.visibility = 'hidden'; }
      st.tileErrors += 1;
      if (st.tileErrors >= 3) { setOffline(true); }
    });
    base.on('tileload', function () { st.tileErrors = 0; setOffline(false); });
    function setTiles(url, attribution) {
      if (map.attributionControl) {
        map.attributionControl.removeAttribution(base.options.attribution);
        map.attributionControl.addAttribution(attribution);
      }
      base.options.attribution = attribution;
      st.tileErrors = 0;
      base.setUrl(url);
    }

    // ---- state, for the app's tests and diagnostics -----------------------------------------
    function state() {
      var c = map.getCenter();
      return L.extend(track.state(), {
        markers: markers.size, clustered: st.clustered, selected: st.selected,
        center: [c.lat, c.lng], zoom: map.getZoom(), offline: st.offline, picking: st.picking,
        route: st.routePhone, circles: circles.size,
        tiles: base._url
      });
    }

    if (typeof QWebChannel === 'function' && window.qt && qt.webChannelTransport) {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge;
        if (st.offline) { bridge.tilesFailed(); }
        bridge.jsReady();
      });
    } else {
      console.error('mz: no QWebChannel transport; clicks will not reach the application');
    }

    return {
      map: map, base: base, setFleet: setFleet, selectPhone: selectPhone, setRoute: setRoute,
      showTrack: track.showTrack, clearTrack: track.clearTrack, playbackTo: track.playbackTo,
      setTrackAccuracy: track.setTrackAccuracy, setPickMode: setPickMode, setTiles: setTiles,
      setTexts: setTexts,
      fit: fit, state: state, marker: function (id) { return markers.get(id) || null; },
      count: function () { return markers.size; }
    };
  }

  window.MzMap = { create: create };
}());
