// The command wall: live map of cells, stations, units and incidents, KPI panels and a ticker. Zoomed out over more
// units than a screen can follow, the map shows each cell's load instead; zoomed in, it watches its bounds and draws
// the units in them.
import { applyI18n, langSwitch, onLang, t, tl, escapeHtml } from './i18n.js';
import {
  api, store, staffSession, goLogin, keepRenewed, liveConnection, showStatus, cityMap, drawCells, fmtPct, fmtSecs, fmtTime,
  KIND_COLOURS, STATUS_COLOURS, PRIORITY_COLOURS, STALE_AFTER_MS, isOpenIncident,
} from './common.js';
import { UnitDots } from './unit-dots.js';
import { cellViewOnClick } from './cell-view.js';
import { wallLockdowns } from './wall-lockdown.js';
import { coverageLayer } from './coverage-layer.js';
import { rapidResponsePoints } from './rapid-points.js';
import { wallIntake } from './wall-intake.js';
import { wallPerformance } from './wall-performance.js';
import { cameraLayer } from './camera-layer.js';

const PULSE_MS = 60_000;
const MAX_UNITS_IN_VIEW = 5000; // beyond this many units in view, the cells' loads are drawn instead
const WATCH_PAD = 0.1;          // the box watched reaches this far past the view, so a small pan needs no new Watch

applyI18n();
langSwitch();

// A kiosk is signed in once at /login as the wall user: the sign-in stays in localStorage and renews itself.
if (!staffSession()?.token) await goLogin();
const token = () => staffSession()?.token;
const signedOut = () => { store.set('gc.staff', null); goLogin(); };
if (staffSession().role === 'wall') keepRenewed('gc.staff', signedOut);

const units = new Map();      // unitId → { u }: the units inside the watched box, each drawn as a dot
const cellLoads = new Map();  // cellId → { units, onDuty: {kind: n}, busy, openIncidents, coverage }
let watched = null;           // the L.LatLngBounds the server sends units for; null while the cells' loads are drawn
let snapshotSeen = false;     // on this connection: the cells' loads are known, the view can be chosen
let rewatch = true;           // a new connection watches nothing until it calls Watch
const incidents = new Map();  // id → { i, marker, pulseUntil }
let kpis = null;
let ticker = [];              // newest first: incident ids
let synced = false;

const clock = document.getElementById('clock');
setInterval(() => { clock.textContent = fmtTime(new Date()); }, 1000);

const { map } = await cityMap('map', { zoomControl: false });
const canvas = L.canvas({ padding: 0.2 });
const [cellList, stations] = await Promise.all([
  api('/api/cells', { token: token() }).catch(authFailed),
  api('/api/stations', { token: token() }).catch(() => []),
]);
const { cells } = drawCells(map, cellList ?? [], { renderer: canvas });
const cellView = cellViewOnClick(map, cells, token);
const coverage = coverageLayer(map, cellList ?? []); // before the units' canvas, so units stay on top
const rapidPoints = rapidResponsePoints(map, token);
wallIntake(token);
wallPerformance(token);
const stationLayer = L.layerGroup().addTo(map);
for (const s of stations) {
  L.marker([s.lat, s.lon], { icon: L.divIcon({ className: 'station-icon', iconSize: [10, 10] }), interactive: true })
    .bindTooltip(escapeHtml(s.name)).addTo(stationLayer);
}
// On a canvas of its own: units moving redraw the units only, not every cell.
const dots = new UnitDots(units, unitStyle, { padding: 0.2 }).addTo(map);
const unitTip = L.tooltip({ direction: 'top', offset: [0, -4] });
map.on('mousemove', e => {
  const u = dots.nearest(e.containerPoint, 8);
  if (u) map.openTooltip(unitTip.setContent(unitTooltip(u)), [u.lat, u.lon]); else map.closeTooltip(unitTip);
});
const incidentLayer = L.layerGroup().addTo(map);

function authFailed(e) {
  if (e?.status === 401) signedOut();
  return null;
}

// ---- units -------------------------------------------------------------------------------------
const fixAgeMs = u => u.fixAt ? Date.now() - Date.parse(u.fixAt) : Infinity;
const isStale = u => u.stale || fixAgeMs(u) > STALE_AFTER_MS;

function unitStyle(u) {
  const stale = isStale(u), off = u.status === 'off-duty';
  const patrol = u.kind !== 'guard' && u.kind !== 'volunteer';
  return {
    key: `${u.kind} ${u.status} ${stale}`, radius: patrol ? 6 : 3.5, weight: patrol ? 2 : 1,
    color: off ? '#475569' : STATUS_COLOURS[u.status] ?? '#94a3b8', fillColor: off ? '#334155' : KIND_COLOURS[u.kind] ?? '#94a3b8',
    fillOpacity: off ? 0.3 : stale ? 0.2 : 0.9, opacity: off ? 0.3 : stale ? 0.25 : 1,
  };
}

function unitTooltip(u) {
  const age = fixAgeMs(u);
  const fix = Number.isFinite(age) ? t('wall.fixAge', { s: Math.max(0, Math.round(age / 1000)) }) : t('wall.noFix');
  return `<b>${escapeHtml(u.unitId)}</b> ${escapeHtml(u.name)}<br>${t(`kind.${u.kind}`)} · ${t(`ustatus.${u.status}`)}<br>${fix}${isStale(u) ? ` · ${t('wall.stale')}` : ''}`;
}

const inWatchedBox = u => watched !== null && u.lat != null && u.lon != null && watched.contains([u.lat, u.lon]);

function removeUnit(id) {
  if (units.delete(id)) dots.redraw();
}

function applyUnit(u) {
  const known = units.get(u.unitId);
  if (known && known.u.seq > u.seq) return;   // a late batch: drop it
  if (!inWatchedBox(u)) { removeUnit(u.unitId); return; } // it left the box (or lost its fix)
  if (known) known.u = u; else units.set(u.unitId, { u });
  dots.redraw();
}

// ---- incidents ---------------------------------------------------------------------------------
function incidentIcon(i, pulse) {
  const size = i.priority === 1 ? 18 : i.priority === 2 ? 14 : 11;
  return L.divIcon({
    className: '', iconSize: [size, size],
    html: `<div class="incident-icon${pulse ? ' pulse' : ''}" style="width:${size}px;height:${size}px;background:${PRIORITY_COLOURS[i.priority]}"></div>`,
  });
}

function incidentTooltip(i) {
  return `<b>${escapeHtml(i.id)}</b> ${t(`type.${i.type}`)} · ${t(`prio.short.${i.priority}`)}<br>${t(`istatus.${i.status}`)} · ${fmtTime(i.createdAt)}<br>${escapeHtml(i.address ?? i.description ?? '')}`;
}

function applyIncident(i, live) {
  const known = incidents.get(i.id);
  if (known && known.i.seq > i.seq) return;
  const open = isOpenIncident(i);
  const isNew = !known && live;
  const entry = known ?? { i, marker: null, pulseUntil: 0 };
  entry.i = i;
  if (isNew) {
    entry.pulseUntil = Date.now() + PULSE_MS;
    ticker = [i.id, ...ticker.filter(id => id !== i.id)].slice(0, 8);
  }
  incidents.set(i.id, entry);
  if (!open) { entry.marker?.remove(); entry.marker = null; return; }
  const pulse = entry.pulseUntil > Date.now();
  if (entry.marker) { entry.marker.setLatLng([i.lat, i.lon]); entry.marker.setIcon(incidentIcon(i, pulse)); }
  else entry.marker = L.marker([i.lat, i.lon], { icon: incidentIcon(i, pulse), zIndexOffset: 1000 })
    .bindTooltip(() => incidentTooltip(entry.i)).addTo(incidentLayer);
}

// ---- panels ------------------------------------------------------------------------------------
function renderOpenCounts() {
  const counts = { 1: 0, 2: 0, 3: 0 };
  for (const { i } of incidents.values()) if (isOpenIncident(i)) counts[i.priority] = (counts[i.priority] ?? 0) + 1;
  for (const p of [1, 2, 3]) document.getElementById(`open-${p}`).textContent = counts[p];
}

function renderKpis() {
  if (!kpis) return;
  document.getElementById('kpi-today').textContent = kpis.todayTotal;
  document.getElementById('kpi-p50').textContent = fmtSecs(kpis.responseP50Seconds);
  document.getElementById('kpi-p90').textContent = fmtSecs(kpis.responseP90Seconds);
  document.getElementById('kpi-closure').textContent = fmtPct(kpis.closureRate);
  document.getElementById('kpi-repeat').textContent = fmtPct(kpis.repeatCallRate);
  document.getElementById('kpi-diversion').textContent = fmtPct(kpis.diversionRate);
  document.getElementById('units-table').innerHTML = kpis.units.map(u =>
    `<tr><td><i style="background:${KIND_COLOURS[u.kind]}"></i>${tl(`kind.${u.kind}`)}</td>` +
    `<td class="n">${u.onDuty}</td><td class="muted">${tl('wall.onDuty')}</td>` +
    `<td class="n" style="color:#86efac">${u.available}</td><td class="muted">${tl('wall.available')}</td></tr>`).join('')
    || `<tr><td class="muted">${tl('wall.none')}</td></tr>`;
  const types = Object.entries(kpis.todayByType).sort((a, b) => b[1] - a[1]);
  document.getElementById('types').innerHTML = types.map(([type, n]) => `<li>${tl(`type.${type}`)}<b>${n}</b></li>`).join('')
    || `<li class="muted">${tl('wall.none')}</li>`;
}

function renderTicker() {
  document.getElementById('ticker').innerHTML = ticker.map(id => incidents.get(id)?.i).filter(Boolean).map(i =>
    `<li data-id="${escapeHtml(i.id)}" class="${incidents.get(i.id).pulseUntil > Date.now() ? 'fresh' : ''}">` +
    `<span class="badge p${i.priority}">${tl(`prio.short.${i.priority}`)}</span> ${fmtTime(i.createdAt)} ${tl(`type.${i.type}`)} ` +
    `<span class="muted">${escapeHtml(i.address ?? i.cellId ?? '')}</span></li>`).join('');
}

// ---- cells' loads ------------------------------------------------------------------------------
const onDutyIn = load => Object.values(load?.onDuty ?? {}).reduce((a, b) => a + b, 0);

// A cell shaded by its load: red by open incidents, blue by units on duty. Restyled only when its shade changes:
// each restyle redraws the cells' canvas, and most loads that change (a unit more in a busy cell) change no shade.
function shadeCell(id) {
  const polygon = cells.get(id)?.polygon;
  if (!polygon) return;
  const load = cellLoads.get(id), open = load?.openIncidents ?? 0;
  const style = open > 0
    ? { fillColor: open > 1 ? '#b91c1c' : '#7f1d1d', fillOpacity: 0.55 }
    : { fillColor: '#1d4ed8', fillOpacity: Math.min(0.08 + onDutyIn(load) * 0.03, 0.45) };
  if (polygon.options.fillColor !== style.fillColor || polygon.options.fillOpacity !== style.fillOpacity) polygon.setStyle(style);
}

function applyCells(loads) {
  for (const load of loads) { cellLoads.set(load.cellId, load); shadeCell(load.cellId); }
  coverage.apply(loads);
}

/** How many units the cells touching the box hold, by their loads. */
function unitsWithin(box) {
  let n = 0;
  for (const [id, { polygon }] of cells) if (box.intersects(polygon.getBounds())) n += cellLoads.get(id)?.units ?? 0;
  return n;
}

// ---- what the map shows: units in a watched box, or the cells' loads ----------------------------
async function chooseView() {
  if (!snapshotSeen || live.connection.state !== signalR.HubConnectionState.Connected) return;
  if (unitsWithin(map.getBounds()) > MAX_UNITS_IN_VIEW) {
    if (watched === null) return;
    watched = null;
    for (const id of [...units.keys()]) removeUnit(id);
    showView();
    await live.connection.invoke('Unwatch').catch(() => {}); // a dropped connection watches nothing anyway
    return;
  }
  if (!rewatch && watched?.contains(map.getBounds())) return;
  rewatch = false;
  const box = map.getBounds().pad(WATCH_PAD);
  watched = box;
  showView();
  let inside;
  try {
    inside = await live.connection.invoke('Watch', box.getSouth(), box.getWest(), box.getNorth(), box.getEast());
  } catch { return; } // the connection dropped: the next one watches again
  if (watched !== box) return; // the view moved on meanwhile
  for (const [id, { u }] of units) if (!inWatchedBox(u)) removeUnit(id);
  for (const u of inside) applyUnit(u);
  changed();
}

function showView() {
  document.body.dataset.view = watched ? 'units' : 'cells';
  legend();
}
map.on('moveend', chooseView);

let dirty = false;
function changed() { dirty = true; }
setInterval(() => {
  if (!dirty) return;
  dirty = false;
  renderOpenCounts(); renderTicker();
}, 500);
// Stale fixes fade and pulses end as time passes, with no message to say so.
setInterval(() => {
  dots.redraw();
  for (const entry of incidents.values())
    if (entry.marker && entry.pulseUntil && entry.pulseUntil < Date.now()) { entry.pulseUntil = 0; entry.marker.setIcon(incidentIcon(entry.i, false)); }
  changed();
}, 10_000);

function legend() {
  document.getElementById('legend').innerHTML =
    Object.entries(KIND_COLOURS).map(([k, c]) => `<div><i style="background:${c}"></i>${tl(`kind.${k}`)}</div>`).join('') +
    `<div><i style="background:#94a3b8;opacity:.25"></i>${tl('wall.stale')}</div>` +
    (watched ? '' : `<div class="muted">${tl('wall.zoomIn')}</div>`);
}
showView();

// ---- live --------------------------------------------------------------------------------------
// Each connection starts watching nothing: after its snapshot the view is chosen (and the box watched) again.
function onSnapshot(s) {
  cellLoads.clear();
  coverage.reset();
  applyCells(s.cells);
  for (const id of cells.keys()) if (!cellLoads.has(id)) shadeCell(id);
  const seenIncidents = new Set();
  for (const i of s.incidents) { seenIncidents.add(i.id); applyIncident(i, synced && !incidents.has(i.id)); }
  for (const [id, entry] of incidents) if (!seenIncidents.has(id)) { entry.marker?.remove(); incidents.delete(id); }
  if (!synced) ticker = [...incidents.values()].map(e => e.i).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 8).map(i => i.id);
  synced = true;
  kpis = s.kpis;
  renderKpis();
  changed();
  document.body.dataset.snapshots = String(Number(document.body.dataset.snapshots ?? 0) + 1);
  snapshotSeen = true;
  rewatch = true;
  chooseView();
}

const live = liveConnection('/hubs/wall', token, {
  snapshot: onSnapshot,
  units: batch => { for (const u of batch) applyUnit(u); },
  cells: applyCells,
  incident: i => { applyIncident(i, true); changed(); },
  kpis: k => { kpis = k; renderKpis(); },
  unauthorized: signedOut,
}, status => {
  showStatus(document.getElementById('conn'), status);
  if (status !== 'live') snapshotSeen = false;
  chooseView();
});

const lockdowns = wallLockdowns(map, live.connection);
const cameras = cameraLayer(map, live.connection, token);

onLang(() => { renderKpis(); renderTicker(); legend(); });

// For the browser tests and for people poking at the wall from the console.
window.gcWall = {
  map, cellView, units, incidents, cells, cellLoads, live, lockdowns, coverage, rapidPoints, cameras, get ticker() { return ticker; }, get view() { return watched ? 'units' : 'cells'; },
  unitLatLng: id => { const u = units.get(id)?.u; return u ? [u.lat, u.lon] : null; },
  markerCount: () => units.size,
};
