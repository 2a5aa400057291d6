/* Movizor Desktop map: a subscriber's track and its playback (used by mz.js).
 * MzTrack(map, ctx) draws the line (split at gaps, which are dashed), time-coloured dots,
 * accuracy circles (toggled), start/end/stop labels and a playback point that moves in time
 * along the fixes (parked at a spot while the phone stayed there, never across a gap). */
(function () {
  'use strict';

  function MzTrack(map, ctx) {
    var under = ctx.under, top = ctx.top, showTip = ctx.showTip, hideTip = ctx.hideTip;
    var pill = ctx.pill, esc = ctx.esc;
    var st = { play: null, playAt: null, accuracy: true };
    var trackLayer = L.layerGroup().addTo(map);
    var trackDots = L.featureGroup().addTo(trackLayer);
    var trackCircles = L.layerGroup();
    var playMarker = null;
    trackDots.on('mouseover', showTip).on('mouseout', hideTip);
    function dotTip() { return esc(this.mzText); }
    function clearTrack() {
      trackDots.clearLayers();
      trackCircles.clearLayers();
      trackLayer.eachLayer(function (l) { if (l !== trackDots) { trackLayer.removeLayer(l); } });
      map.removeLayer(trackCircles);
      playMarker = null;
      st.play = null;
      st.playAt = null;
    }

    function showTrack(data, o) {
      clearTrack();
      if (!data || data.empty) { return 0; }
      var under_ = { renderer: under, pane: 'mzUnder', interactive: false };
      L.polyline(data.segments, L.extend({ color: '#1f5fbf', weight: 3, opacity: 0.7,
                                           smoothFactor: 1.5 }, under_)).addTo(trackLayer);
      if (data.gaps.length) {
        L.polyline(data.gaps, L.extend({ color: '#6b7280', weight: 2, opacity: 0.9,
                                         dashArray: '6 6' }, under_)).addTo(trackLayer);
      }
      data.circles.forEach(function (c) {
        L.circle([c[0], c[1]], L.extend({ radius: c[2], color: '#1f5fbf', weight: 1,
          opacity: 0.25, fillOpacity: 0.04 }, under_)).addTo(trackCircles);
      });
      if (st.accuracy) { map.addLayer(trackCircles); }
      data.dots.forEach(function (d) {
        var dot = L.circleMarker([d[0], d[1]], { renderer: top, pane: 'mzTop', radius: 4,
          weight: 1, color: '#ffffff', fillColor: d[2], fillOpacity: 1,
          bubblingMouseEvents: false });
        dot.mzText = d[3];
        dot.mzTip = dotTip;
        trackDots.addLayer(dot);
      });
      pill([data.start[0], data.start[1]], data.start[2], 'mz-start').addTo(trackLayer);
      pill([data.end[0], data.end[1]], data.end[2], 'mz-end').addTo(trackLayer);
      if (data.stop) { pill([data.stop[0], data.stop[1]], data.stop[2], 'mz-stop').addTo(trackLayer); }
      st.play = data.play;
      var first = data.play[0];
      playMarker = L.circleMarker([first[0], first[1]], { renderer: top, pane: 'mzTop',
        radius: 8, weight: 3, color: '#111827', fillColor: '#facc15', fillOpacity: 1,
        interactive: false }).addTo(trackLayer);
      st.playAt = [first[0], first[1]];
      if (!o || !o.keepView) {
        var pts = [];
        data.segments.forEach(function (s) { pts = pts.concat(s); });
        map.fitBounds(L.latLngBounds(pts), { padding: [30, 30], maxZoom: 13, animate: false });
      }
      return data.play.length;
    }

    function playPosition(sec) {
      var p = st.play, lo = 0, hi = p.length - 1;
      if (sec <= p[0][2]) { return [p[0][0], p[0][1]]; }
      while (lo < hi) {  // last point whose first time <= sec
        var mid = (lo + hi + 1) >> 1;
        if (p[mid][2] <= sec) { lo = mid; } else { hi = mid - 1; }
      }
      var a = p[lo], b = p[lo + 1];
      if (!b || sec <= a[3] || a[4]) { return [a[0], a[1]]; }  // parked, the end, or a gap
      var f = (sec - a[3]) / Math.max(1, b[2] - a[3]);
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }

    function playbackTo(sec, follow) {
      if (!st.play || !playMarker) { return null; }
      var ll = playPosition(sec);
      st.playAt = ll;
      playMarker.setLatLng(ll);
      if (follow) {
        var p = map.latLngToContainerPoint(ll), s = map.getSize();
        if (p.x < s.x * 0.2 || p.x > s.x * 0.8 || p.y < s.y * 0.2 || p.y > s.y * 0.8) {
          map.panTo(ll, { animate: true, duration: 0.25 });
        }
      }
      return ll;
    }

    function setTrackAccuracy(on) {
      st.accuracy = !!on;
      if (on) { map.addLayer(trackCircles); } else { map.removeLayer(trackCircles); }
    }

    function state() {
      return {
        trackPoints: st.play ? st.play.length : 0, playAt: st.playAt,
        trackDots: trackDots.getLayers().length,
        trackCircles: map.hasLayer(trackCircles) ? trackCircles.getLayers().length : 0
      };
    }

    return { showTrack: showTrack, clearTrack: clearTrack, playbackTo: playbackTo,
             setTrackAccuracy: setTrackAccuracy, state: state };
  }

  window.MzTrack = MzTrack;
}());
