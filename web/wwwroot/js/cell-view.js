// The cell view (全息图): a click on the map opens, where it was clicked, what the grid knows of that cell: its station
// and grid worker, its 1-3-5 minute coverage, the units inside now, its open and recent incidents, and the
// rapid-response and lockdown points in it, and the units' check-ins of the last day. One call to /api/cells/{id}/view.
import { t, escapeHtml, onLang } from './i18n.js';
import { api, fmtTime, fmtSecs, staffSession } from './common.js';
import { checkinItems, wirePhotos } from './checkin-list.js';

const MAX_UNITS_LISTED = 8;

/** The station's name; on a console a link to its page (the wall is not signed in for it). */
const station = v => !v.stationName ? t('cv.none')
  : staffSession()?.role === 'wall' || !v.stationId ? escapeHtml(v.stationName)
  : `<a href="/station?id=${encodeURIComponent(v.stationId)}" target="_blank">${escapeHtml(v.stationName)}</a>`;

/**
 * Opens the cell view of the cell under a click. `cells` is drawCells' map of cellId → { cell, polygon }; `ignore`
 * tells when a click means something else (a point of a lockdown plan being drawn).
 */
export function cellViewOnClick(map, cells, tokenOf, ignore = () => false) {
  const popup = L.popup({ className: 'cell-view', maxWidth: 380, autoPanPadding: [24, 24] });
  let shown = null;
  const open = async (cellId, latlng) => {
    try {
      shown = await api(`/api/cells/${encodeURIComponent(cellId)}/view`, { token: tokenOf() });
    } catch {
      return;
    }
    popup.setLatLng(latlng).setContent(render(shown)).openOn(map);
    wirePhotos(popup.getElement(), tokenOf);
  };
  map.on('click', e => {
    if (ignore()) return;
    const cellId = cellAt(cells, e.latlng);
    if (cellId) open(cellId, e.latlng);
  });
  onLang(() => { if (shown && popup.isOpen()) { popup.setContent(render(shown)); wirePhotos(popup.getElement(), tokenOf); } });
  return { open, get shown() { return popup.isOpen() ? shown : null; } };
}

function cellAt(cells, latlng) {
  for (const [id, { polygon }] of cells)
    if (polygon.getBounds().contains(latlng) && inside(polygon.getLatLngs()[0], latlng)) return id;
  return null;
}

/** Ray casting: GeoJSON cells need not be boxes. */
function inside(ring, p) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i], b = ring[j];
    if ((a.lat > p.lat) !== (b.lat > p.lat) && p.lng < (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng) inside = !inside;
  }
  return inside;
}

function render(v) {
  const worker = v.gridWorker
    ? `${escapeHtml(v.gridWorker.name)}${v.gridWorker.phone ? ` · <span class="cv-phone">${escapeHtml(v.gridWorker.phone)}</span>` : ''}`
    : t('cv.none');
  const units = v.units.slice(0, MAX_UNITS_LISTED).map(u =>
    `<li>${escapeHtml(u.name)} <span class="muted">${t(`kind.${u.kind}`)} · ${t(`ustatus.${u.status}`)}</span></li>`).join('');
  const more = v.units.length > MAX_UNITS_LISTED ? `<li class="muted">${t('cv.more', { n: v.units.length - MAX_UNITS_LISTED })}</li>` : '';
  const open = v.incidents.filter(i => !i.closedAt), recent = v.incidents.filter(i => i.closedAt);
  const today = Object.values(v.incidentsToday).reduce((a, b) => a + b, 0);
  return `<div class="cv" data-cell="${escapeHtml(v.cellId)}">
    <h3>${escapeHtml(v.name)} <span class="muted">${escapeHtml(v.district)} · ${escapeHtml(v.cellId)}</span></h3>
    <dl>
      <dt>${t('cv.station')}</dt><dd class="cv-station">${station(v)}</dd>
      <dt>${t('cv.gridWorker')}</dt><dd class="cv-worker">${worker}</dd>
      <dt>${t('cv.today')}</dt><dd>${today}</dd>
      <dt>${t('cv.coverage')}</dt><dd class="cv-coverage">${coverage(v.coverage)}</dd>
    </dl>
    <h4>${t('cv.units', { n: v.units.length })}</h4><ul class="cv-units">${units}${more || (v.units.length ? '' : `<li class="muted">${t('cv.none')}</li>`)}</ul>
    <h4>${t('cv.open', { n: open.length })}</h4><ul class="cv-open">${incidentItems(open, false)}</ul>
    <h4>${t('cv.recent', { n: recent.length })}</h4><ul class="cv-recent">${incidentItems(recent, true)}</ul>
    <h4>${t('cv.points', { n: v.rapidResponsePoints.length + v.lockdownPoints.length })}</h4><ul class="cv-points">${pointItems(v)}</ul>
    <h4>${t('ci.list', { n: v.checkins.length })}</h4><ul class="cv-checkins">${checkinItems(v.checkins)}</ul>
  </div>`;
}

function coverage(c) {
  if (!c) return `<span class="cv-uncovered">${t('cv.uncovered')}</span>`;
  const band = c.withinOneMinute ? 1 : c.withinThreeMinutes ? 3 : 5;
  return `${t('cv.fastest', { eta: fmtSecs(c.etaSeconds), unit: escapeHtml(c.unitId) })} · ${t('cv.within', { n: band })}`;
}

function pointItems(v) {
  const rapid = v.rapidResponsePoints.map(p =>
    `<li data-point="${escapeHtml(p.id)}">${t('cv.rapid')} ${escapeHtml(p.name)} <span class="muted">${t('cv.holders', { n: p.holders.length })}</span></li>`);
  const lockdown = v.lockdownPoints.map(({ planName, point: p }) =>
    `<li data-point="${escapeHtml(p.id)}">${t(`lk.kind.${p.kind}`)} ${escapeHtml(p.name)} <span class="muted">${escapeHtml(planName)} · ${t(`lk.ring.${p.ring}`)}</span></li>`);
  const all = [...rapid, ...lockdown];
  return all.length ? all.join('') : `<li class="muted">${t('cv.none')}</li>`;
}

function incidentItems(list, closed) {
  if (!list.length) return `<li class="muted">${t('cv.none')}</li>`;
  return list.map(i => `<li data-incident="${escapeHtml(i.incidentId)}">${t(`type.${i.type}`)} <span class="muted">${fmtTime(i.openedAt)}` +
    `${closed ? ` → ${fmtTime(i.closedAt)} · ${t(`istatus.${i.status}`)}` : ''}</span></li>`).join('');
}
