// The rapid-response points (快速反应点) on a map, each with the units holding it and their live status in its
// tooltip. Shared by the wall and the dispatcher console; refreshed from /api/rapid-response-points.
import { t, escapeHtml, onLang } from './i18n.js';
import { api } from './common.js';

const REFRESH_MS = 15_000;

function tooltip(point) {
  const holders = point.holders.map(h => h.name
    ? `<li>${escapeHtml(h.unitId)} ${escapeHtml(h.name)} · ${t(`kind.${h.kind}`)} · ${t(`ustatus.${h.status}`)}${h.stale ? ` · ${t('wall.stale')}` : ''}</li>`
    : `<li>${escapeHtml(h.unitId)} · ${t('rrp.unknown')}</li>`).join('');
  return `<b>${t('rrp.title')}</b> ${escapeHtml(point.name)}<br>${t('rrp.holders', { n: point.holders.length })}<ul class="rrp-holders">${holders}</ul>`;
}

/** Draws the points on `map` and keeps them current; returns the layer and the points last fetched (for tests). */
export function rapidResponsePoints(map, token) {
  const layer = L.layerGroup().addTo(map);
  const markers = new Map(); // id → { marker, point }
  const icon = L.divIcon({ className: 'rrp-icon', iconSize: [12, 12] });

  async function refresh() {
    let points;
    try { points = await api('/api/rapid-response-points', { token: token() }); } catch { return; }
    for (const point of points) {
      const known = markers.get(point.id);
      if (known) { known.point = point; known.marker.setLatLng([point.lat, point.lon]); continue; }
      const entry = { point, marker: null };
      entry.marker = L.marker([point.lat, point.lon], { icon, zIndexOffset: 500 }).bindTooltip(() => tooltip(entry.point)).addTo(layer);
      markers.set(point.id, entry);
    }
    document.body.dataset.rapidPoints = String(markers.size);
  }

  refresh();
  setInterval(refresh, REFRESH_MS);
  // An open tooltip follows the language switch.
  onLang(() => { for (const { marker } of markers.values()) if (marker.isTooltipOpen()) marker.getTooltip().update(); });
  return { layer, markers };
}
