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
    var container = map.getContainer();
    map.setMinZoom(3);
    // Leaflet's scale says "km"/"m" in English only: the units come from the texts.
    var Scale = L.Control.Scale.extend({
      _updateMetric: function (maxMeters) {
        var meters = this._getRoundNum(maxMeters);
        var label = meters < 1000 ? (T.metres || '{n} m').replace('{n}', meters)
          : (T.kilometres || '{n} km').replace('{n}', meters / 1000);
        this._updateScale(this._mScale, label, meters / maxMeters);
      }
    });
    var scale = new Scale({ imperial: false }).addTo(map);

    // Panes: non-interactive shapes under, interactive markers on top (one canvas each;
    // a canvas swallows the mouse, so the lower one must let it through).
    map.createPane('mzUnder').style.zIndex = 390;
    map.getPane('mzUnder').style.pointerEvents = 'none';
    map.createPane('mzTop').style.zIndex = 450;
    var under = L.canvas({ pane: 'mzUnder', padding: 0.3 });
    var top = L.canvas({ pane: 'mzTop', padding: 0.3, tolerance: 3 });

    var bridge = null;
    var st = {
      picking: false, pickStay: false, fitted: false, offline: false, tileErrors: 0,
      routePhone: null, flashes: 0
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
      hint.textContent = (st.pickStay ? T.planPickHint : T.pickHint) || '';
      if (scale) { scale._update(); }
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

    // ---- fleet (mz-fleet.js) ---------------------------------------------------------------
    var fleet = MzFleet(map, {
      top: top, under: under, esc: esc, lines: lines, clusterFrom: CLUSTER_FROM,
      showTip: showTip, hideTip: hideTip,
      markerClicked: function (id, m) {
        if (st.picking) { pick(m.getLatLng()); return; }
        selectPhone(id, { pan: false });
        send('markerClicked', id);
      },
      clusterClicked: function (e) {
        if (!st.picking) { return false; }
        pick(e.latlng || e.layer.getLatLng());
        return true;
      }
    });

    function setFleet(data) {
      var n = fleet.setFleet(data);
      if (!st.fitted && n) { st.fitted = true; fit(); }
      return n;
    }

    function fit() {
      var b = fleet.bounds();
      if (!b) { return false; }
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
      var m = fleet.select(id);
      if (!m) { return false; }
      if (!o || o.pan !== false) { reveal(m.getLatLng()); }
      return true;
    }

    // Show on map: the subscriber in the middle, close enough to see the streets around.
    function centrePhone(id) {
      var m = fleet.marker(id);
      if (!m) { return false; }
      map.setView(m.getLatLng(), Math.max(map.getZoom(), 12), { animate: false });
      return true;
    }

    // A ring that grows and fades around a marker for a moment (a requested position came).
    var FLASH_MS = 2400;
    function flash(id) {
      var m = fleet.marker(id);
      if (!m) { return false; }
      reveal(m.getLatLng());
      var ring = L.marker(m.getLatLng(), {
        icon: L.divIcon({ className: 'mz-flash', iconSize: [44, 44], html: '<span></span>' }),
        interactive: false, keyboard: false, zIndexOffset: 1000
      }).addTo(map);
      st.flashes += 1;
      setTimeout(function () { map.removeLayer(ring); st.flashes -= 1; }, FLASH_MS);
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
    // One click picks one point; with {stay: true} every click picks one until turned off.
    function setPickMode(on, o) {
      st.picking = !!on;
      st.pickStay = !!(on && o && o.stay);
      if (on) { L.DomUtil.addClass(container, 'mz-picking'); } else {
        L.DomUtil.removeClass(container, 'mz-picking');
      }
      hint.textContent = (st.pickStay ? T.planPickHint : T.pickHint) || '';
      hint.style.display = on ? '' : 'none';
      return st.picking;
    }
    function pick(latlng) {
      var ll = L.latLng(latlng);
      if (ll.lng < -180 || ll.lng > 180) { ll = ll.wrap(); }
      if (!st.pickStay) { setPickMode(false); }
      send('mapClicked', ll.lat, ll.lng);
    }
    map.on('click', function (e) { if (st.picking) { pick(e.latlng); } });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && st.picking) { setPickMode(false); send('pickCancelled'); }
    });

    // ---- an editable route plan (mz-plan.js; the route editor's map) -----------------------
    var plan = opts.plan && window.MzPlan ? MzPlan(map, { esc: esc, send: send, under: under })
      : null;

    // ---- tiles ------------------------------------------------------------------------------
    // Said once, in one place: a small note at the map's foot while the tiles are gone.
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
    // opts (an offline file's): minNativeZoom, maxNativeZoom, bounds [[s, w], [n, e]];
    // none given: a tile server's defaults. The layer is re-added so that a new zoom range
    // takes effect at once.
    function setTiles(url, attribution, opts) {
      var o = opts || {};
      if (map.attributionControl) {
        map.attributionControl.removeAttribution(base.options.attribution);
        map.attributionControl.addAttribution(attribution);
      }
      base.options.attribution = attribution;
      base.options.minNativeZoom = o.minNativeZoom != null ? o.minNativeZoom : undefined;
      base.options.maxNativeZoom = o.maxNativeZoom != null ? o.maxNativeZoom : 19;
      base.options.bounds = o.bounds ? L.latLngBounds(o.bounds) : undefined;
      st.tileErrors = 0;
      base.setUrl(url, true);
      if (map.hasLayer(base)) { map.removeLayer(base); map.addLayer(base); }
    }

    // ---- state, for the app's tests and diagnostics -----------------------------------------
    function state() {
      var c = map.getCenter();
      return L.extend(track.state(), fleet.state(), plan ? plan.state() : {}, {
        center: [c.lat, c.lng], zoom: map.getZoom(), offline: st.offline, picking: st.picking,
        route: st.routePhone, tiles: base._url, flashes: st.flashes
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

    var api = {
      map: map, base: base, setFleet: setFleet, selectPhone: selectPhone, setRoute: setRoute,
      centrePhone: centrePhone, flash: flash,
      showTrack: track.showTrack, clearTrack: track.clearTrack, playbackTo: track.playbackTo,
      setTrackAccuracy: track.setTrackAccuracy, setPickMode: setPickMode, setTiles: setTiles,
      setTexts: setTexts,
      fit: fit, state: state, marker: fleet.marker, count: fleet.count,
      fleetView: fleet.view, clusterMarkers: fleet.clusterMarkers
    };
    if (plan) {
      L.extend(api, { setPlan: plan.setPlan, setLive: plan.setLive, setExtras: plan.setExtras,
                      selectPoint: plan.selectPoint,
                      fitPlan: plan.fitPlan, insertAt: plan.insertAt, pixelOf: plan.pixelOf,
                      planMarker: plan.marker });
    }
    return api;
  }

  window.MzMap = { create: create };
}());
