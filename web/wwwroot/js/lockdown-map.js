// Lockdown (关城门) on a map, shared by the wall and the console: each active activation's points coloured by state
// (checkpoints as squares, blocking points as dots) and its rings as dashed lines through their points.
import { t, escapeHtml } from './i18n.js';

export const STATE_COLOURS = { unstaffed: '#ef4444', 'en-route': '#f59e0b', staffed: '#22c55e' };
export const RING_COLOURS = { city: '#a78bfa', urban: '#38bdf8', core: '#f472b6' };
export const RINGS = ['city', 'urban', 'core'];

/** mm:ss, or h:mm:ss past an hour. */
export function fmtClock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  const two = n => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${two(m)}:${two(r)}`;
}

/** Seconds since activation now, counted on from the server's figure (the browser's clock may be set wrong). */
export const sinceActivation = entry => entry.view.sinceActivationSeconds + (entry.view.active ? (Date.now() - entry.receivedAt) / 1000 : 0);

/**
 * The activations not stood down, as the wall hub tells them (in the snapshot, then a "lockdown" message per change),
 * each id's newest view with when it came; onChange runs after each.
 */
export function followLockdowns(connection, onChange) {
  const active = new Map(); // id → { view, receivedAt }
  function apply(view) {
    const known = active.get(view.id);
    if (known && known.view.seq > view.seq) return;
    if (view.active) active.set(view.id, { view, receivedAt: Date.now() });
    else active.delete(view.id);
  }
  connection.on('snapshot', s => { active.clear(); for (const v of s.lockdowns ?? []) apply(v); onChange(); });
  connection.on('lockdown', v => { apply(v); onChange(); });
  return { active, apply };
}

/** A ring's points in order round their centre, so the line drawn through them is a ring. */
function ringLine(points) {
  const lat = points.reduce((a, p) => a + p.lat, 0) / points.length, lon = points.reduce((a, p) => a + p.lon, 0) / points.length;
  const around = [...points].sort((a, b) => Math.atan2(a.lat - lat, a.lon - lon) - Math.atan2(b.lat - lat, b.lon - lon));
  return around.map(p => [p.lat, p.lon]);
}

const pointTip = p => `${escapeHtml(p.name)} · ${t(`lk.kind.${p.kind}`)} · ${t(`lk.ring.${p.ring}`)}<br>${t(`lk.state.${p.state}`)}` +
  (p.unitName ? ` · ${escapeHtml(p.unitName)}` : '');

/** Draws the activations' points and rings into layer (cleared first). */
export function drawLockdowns(layer, views) {
  layer.clearLayers();
  for (const v of views) {
    for (const ring of RINGS) {
      const points = v.points.filter(p => p.ring === ring);
      if (points.length > 2) L.polygon(ringLine(points), { color: RING_COLOURS[ring], weight: 1.5, dashArray: '6 6', fill: false, interactive: false }).addTo(layer);
    }
    for (const p of v.points) {
      const colour = STATE_COLOURS[p.state];
      const marker = p.kind === 'checkpoint'
        ? L.marker([p.lat, p.lon], { icon: L.divIcon({ className: `lk-checkpoint lk-${p.state}`, html: `<i style="background:${colour}"></i>`, iconSize: [14, 14] }), zIndexOffset: 900 })
        : L.circleMarker([p.lat, p.lon], { radius: 5, color: '#fff', weight: 1.5, fillColor: colour, fillOpacity: 1, className: `lk-point lk-${p.state}` });
      marker.bindTooltip(() => pointTip(p)).addTo(layer);
    }
  }
}
