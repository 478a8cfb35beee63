// The dispatcher console: the queue, recommendations and one-click dispatch, incident creation,
// live task states and timeline, and the unit roster.
import { applyI18n, langSwitch, onLang, t, tl, escapeHtml } from './i18n.js';
import {
  api, store, staffSession, goLogin, liveConnection, showStatus, cityMap, drawCells, newRequestId,
  fmtSecs, fmtDist, fmtTime, KIND_COLOURS, STATUS_COLOURS, PRIORITY_COLOURS, isOpenIncident, isActiveTask,
} from './common.js';
import { cellViewOnClick } from './cell-view.js';
import { lockdownConsole, drawingPlan } from './dispatch-lockdown.js';
import { intakeConsole } from './dispatch-intake.js';
import { volunteerConsole } from './dispatch-volunteers.js';
import { rapidResponsePoints } from './rapid-points.js';
import { incidentReplayHref, wireAreaReplayLink } from './replay-links.js';
import { checkinLayer } from './checkin-layer.js';
import { cameraConsole } from './dispatch-cameras.js';

applyI18n();
langSwitch();

const session = staffSession();
if (!session || !['dispatcher', 'commander', 'station'].includes(session.role)) await goLogin();
const token = session?.token;
document.getElementById('who').textContent = session?.user ?? '';
document.getElementById('logout').onclick = () => { store.set('gc.staff', null); goLogin(); };

const $ = id => document.getElementById(id);
const units = new Map();      // unitId → { u, marker }
const incidents = new Map();  // id → { i, marker }
let selectedId = null, recs = [], selectedUnitId = null;

const { map, config } = await cityMap('map');
const canvas = L.canvas({ padding: 0.2 });
const [cellList, stations, types] = await Promise.all([
  api('/api/cells', { token }).catch(e => { if (e.status === 401 || e.status === 403) goLogin(); return []; }),
  api('/api/stations', { token }).catch(() => []),
  api('/api/incidents/types', { token }).catch(() => []),
]);
const { cells } = drawCells(map, cellList, { renderer: canvas });
// A click opens the cell view as well as the new-incident form: who and what is there helps to take the call.
const cellView = cellViewOnClick(map, cells, () => token, () => drawingPlan());
rapidResponsePoints(map, () => token);
const checkins = checkinLayer(map, () => token);
wireAreaReplayLink($('replay-area'), map);
const unitLayer = L.layerGroup().addTo(map);
const incidentLayer = L.layerGroup().addTo(map);
const focusLayer = L.layerGroup().addTo(map);
let pickMarker = null;

// ---- toast -------------------------------------------------------------------------------------
let toastTimer;
function toast(key, vars, bad) {
  const el = $('toast');
  el.innerHTML = tl(key, vars);
  el.style.borderColor = bad ? '#ef4444' : '';
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}
const failed = e => { const el = $('toast'); el.innerHTML = `${tl('d.error')}: ${escapeHtml(e.message)}`; el.hidden = false; el.style.borderColor = '#ef4444';
  clearTimeout(toastTimer); toastTimer = setTimeout(() => { el.hidden = true; }, 5000); };

// ---- units on the map --------------------------------------------------------------------------
const unitStyle = u => ({
  renderer: canvas, radius: u.kind === 'guard' || u.kind === 'volunteer' ? 3 : 5, weight: 1.5,
  color: STATUS_COLOURS[u.status] ?? '#94a3b8', fillColor: KIND_COLOURS[u.kind] ?? '#94a3b8',
  fillOpacity: u.stale || u.status === 'off-duty' ? 0.2 : 0.85, opacity: u.stale || u.status === 'off-duty' ? 0.3 : 1,
});

function applyUnit(u) {
  const known = units.get(u.unitId);
  if (known && known.u.seq > u.seq) return;
  const entry = known ?? { u, marker: null };
  entry.u = u;
  units.set(u.unitId, entry);
  if (u.lat == null) return;
  if (entry.marker) { entry.marker.setLatLng([u.lat, u.lon]); entry.marker.setStyle(unitStyle(u)); }
  else {
    entry.marker = L.circleMarker([u.lat, u.lon], unitStyle(u))
      .bindTooltip(() => `<b>${escapeHtml(entry.u.unitId)}</b> ${escapeHtml(entry.u.name)}<br>${t(`kind.${entry.u.kind}`)} · ${t(`ustatus.${entry.u.status}`)}`)
      .on('click', () => selectUnit(entry.u.unitId)).addTo(unitLayer);
  }
}

// ---- incidents ---------------------------------------------------------------------------------
function incidentIcon(i) {
  const sel = i.id === selectedId, size = (i.priority === 1 ? 16 : i.priority === 2 ? 13 : 10) + (sel ? 8 : 0);
  return L.divIcon({ className: '', iconSize: [size, size], html:
    `<div class="incident-icon${i.status === 'new' ? ' pulse' : ''}" style="width:${size}px;height:${size}px;background:${PRIORITY_COLOURS[i.priority]};${sel ? 'border-color:#60a5fa;border-width:3px' : ''}"></div>` });
}

function applyIncident(i) {
  const known = incidents.get(i.id);
  if (known && known.i.seq > i.seq) return false;
  const entry = known ?? { i, marker: null };
  entry.i = i;
  incidents.set(i.id, entry);
  if (isOpenIncident(i) || i.id === selectedId) {
    if (entry.marker) { entry.marker.setLatLng([i.lat, i.lon]); entry.marker.setIcon(incidentIcon(i)); }
    else entry.marker = L.marker([i.lat, i.lon], { icon: incidentIcon(i), zIndexOffset: 1000 })
      .on('click', () => select(i.id)).addTo(incidentLayer);
  } else { entry.marker?.remove(); entry.marker = null; }
  return true;
}

const minutesAgo = iso => Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));

function renderQueue() {
  const all = $('show-all').checked;
  const list = [...incidents.values()].map(e => e.i)
    .filter(i => all || isOpenIncident(i))
    .sort((a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt));
  $('queue').innerHTML = list.map(i =>
    `<li data-id="${escapeHtml(i.id)}" class="p${i.priority} status-${i.status}${i.id === selectedId ? ' selected' : ''}">` +
    `<div><span class="badge p${i.priority}">${tl(`prio.short.${i.priority}`)}</span> <b>${tl(`type.${i.type}`)}</b> ` +
    `<span class="st">${tl(`istatus.${i.status}`)}</span></div>` +
    `<div class="line2">${escapeHtml(i.id)} · ${tl('d.age', { m: minutesAgo(i.createdAt) })}` +
    `${i.reportCount > 1 ? ` · ${tl('d.reports', { n: i.reportCount })}` : ''} · ${escapeHtml(i.address ?? i.cellId ?? '')}</div></li>`).join('');
}
$('queue').addEventListener('click', e => { const li = e.target.closest('li[data-id]'); if (li) select(li.dataset.id); });
$('show-all').addEventListener('change', renderQueue);

// ---- the selected incident ---------------------------------------------------------------------
async function select(id) {
  const previous = selectedId;
  selectedId = id;
  showTab('incident');
  for (const pid of [previous, id]) { const e = incidents.get(pid); if (e?.marker) e.marker.setIcon(incidentIcon(e.i)); }
  const entry = incidents.get(id);
  if (entry) { applyIncident(entry.i); map.panTo([entry.i.lat, entry.i.lon]); }
  recs = [];
  renderQueue();
  renderDetail();
  cameras.near(entry?.i ?? null);
  await loadRecs();
}

async function loadRecs() {
  const id = selectedId;
  const entry = incidents.get(id);
  if (!entry) return;
  try {
    const list = isOpenIncident(entry.i) ? await api(`/api/incidents/${encodeURIComponent(id)}/recommendations?limit=5`, { token }) : [];
    if (selectedId !== id) return;
    recs = list;
  } catch (e) { recs = []; }
  renderDetail();
}

function nextOffered(tasks, index) {
  const later = tasks.slice(index + 1).find(x => Date.parse(x.assignedAt) >= Date.parse(tasks[index].assignedAt));
  return later ? `${later.unitId} ${later.unitName}` : null;
}

function renderDetail() {
  focusLayer.clearLayers();
  const entry = incidents.get(selectedId);
  if (!entry) { $('detail').innerHTML = `<p class="muted">${tl('d.select')}</p>`; return; }
  const i = entry.i, open = isOpenIncident(i), closable = !['new', 'closed', 'merged'].includes(i.status);
  const activeTasks = i.tasks.filter(isActiveTask);
  for (const r of recs) {
    const u = units.get(r.unitId)?.u;
    if (u?.lat != null) L.polyline([[i.lat, i.lon], [u.lat, u.lon]], { color: '#60a5fa', weight: 1.5, dashArray: '4 4', interactive: false }).addTo(focusLayer);
  }
  $('detail').innerHTML =
    `<h3><span class="badge p${i.priority}">${tl(`prio.short.${i.priority}`)}</span> ${tl(`type.${i.type}`)} <span class="muted">${escapeHtml(i.id)}</span>` +
    ` <a class="replay-link" href="${incidentReplayHref(i.id)}">${tl('rp.open')}</a></h3>` +
    `<div id="detail-status" data-status="${i.status}">${tl(`istatus.${i.status}`)} · ${fmtTime(i.createdAt)}` +
    `${i.reportCount > 1 ? ` · ${tl('d.reports', { n: i.reportCount })}` : ''}</div>` +
    `<div class="muted">${escapeHtml(i.address ?? '')} ${escapeHtml(i.description ?? '')}</div>` +
    (i.divertedTo ? `<div class="muted">${tl('d.divertedTo')}: ${escapeHtml(i.divertedTo)}</div>` : '') +
    (i.resolution ? `<div>${tl('d.resolution')}: ${escapeHtml(i.resolution)}</div>` : '') +
    (open ? `<h4>${tl('d.recs')}</h4>` +
      (i.status === 'new' || recs.length ? `<button id="dispatch-nearest" class="primary">${tl(activeTasks.length ? 'd.backup' : 'd.nearest')}</button>` : '') +
      `<ul class="recs">${recs.map(r =>
        `<li data-unit-id="${escapeHtml(r.unitId)}"><div><i style="display:inline-block;width:.7em;height:.7em;border-radius:50%;background:${KIND_COLOURS[r.kind]}"></i> ` +
        `<b>${escapeHtml(r.unitId)}</b> ${escapeHtml(r.name)}</div>` +
        `<button class="dispatch primary">${tl(activeTasks.length ? 'd.backup' : 'd.dispatchThis')}</button>` +
        `<div class="meta">${tl(`kind.${r.kind}`)} · ${tl('d.eta')} ${fmtSecs(r.etaSeconds)} · ${tl('d.distance')} ${fmtDist(r.distanceMeters)} · ${tl('d.fixAge')} ${fmtSecs(r.fixAgeSeconds)}</div></li>`).join('')
        || `<li class="muted">${tl('d.noRecs')}</li>`}</ul>` : '') +
    `<h4>${tl('d.tasks')}</h4><ul class="tasks">${i.tasks.map((x, n) => {
      const active = isActiveTask(x);
      const next = ['declined', 'timed-out'].includes(x.status) ? nextOffered(i.tasks, n) : null;
      return `<li class="task" data-task-id="${escapeHtml(x.taskId)}" data-unit-id="${escapeHtml(x.unitId)}" data-status="${x.status}">` +
        `<b>${escapeHtml(x.unitId)}</b> ${escapeHtml(x.unitName)} · ${tl(`kind.${x.unitKind}`)} · <span class="task-status">${tl(`tstatus.${x.status}`)}</span>` +
        `${x.remark ? ` <span class="muted">“${escapeHtml(x.remark)}”</span>` : ''}` +
        `${next ? `<div class="muted">→ ${tl('d.offeredNext', { unit: next })}</div>` : ''}` +
        (active && open ? `<div class="acts"><button class="reassign">${tl('d.reassign')}</button><button class="cancel danger">${tl('d.cancel')}</button></div>` : '') +
        `</li>`;
    }).join('')}</ul>` +
    (closable ? `<div class="actions"><input id="resolution" value="${escapeHtml(t('d.resolutionDefault'))}" aria-label="${escapeHtml(t('d.resolution'))}">` +
      `<button id="close-incident">${tl('d.close')}</button></div>` : '') +
    volunteers.panel(i) +
    `<h4>${tl('d.timeline')}</h4><ul class="timeline">${[...i.timeline].reverse().map(e =>
      `<li><time>${fmtTime(e.at)}</time>${tl(`tl.${e.what}`)} <span class="muted">${escapeHtml(e.by)}</span> ${escapeHtml(e.detail ?? '')}</li>`).join('')}</ul>`;
}

$('detail').addEventListener('click', async e => {
  const i = incidents.get(selectedId)?.i;
  if (!i) return;
  const button = e.target.closest('button');
  if (!button) return;
  const backup = i.tasks.some(isActiveTask);
  try {
    if (button.id === 'dispatch-nearest' || button.classList.contains('dispatch')) {
      const unitId = button.id === 'dispatch-nearest' ? undefined : button.closest('li').dataset.unitId;
      button.disabled = true;
      const r = await api(`/api/incidents/${encodeURIComponent(i.id)}/${backup ? 'backup' : 'dispatch'}`,
        { token, method: 'POST', body: { unitId, requestId: newRequestId() } });
      toast('d.dispatched', { unit: r.unitId });
      loadRecs();
    } else if (button.id === 'close-incident') {
      const view = await api(`/api/incidents/${encodeURIComponent(i.id)}/close`,
        { token, method: 'POST', body: { resolution: $('resolution').value || t('d.resolutionDefault') } });
      if (applyIncident(view)) { renderQueue(); renderDetail(); }
    } else if (button.classList.contains('reassign') || button.classList.contains('cancel')) {
      const taskId = button.closest('li').dataset.taskId;
      const view = await api(`/api/tasks/${encodeURIComponent(taskId)}/${button.classList.contains('reassign') ? 'reassign' : 'cancel'}`,
        { token, method: 'POST', body: {} });
      if (applyIncident(view)) { renderQueue(); renderDetail(); }
      loadRecs();
    }
  } catch (err) {
    failed(err);
    if (err.data?.nextChoice) loadRecs();
    button.disabled = false;
  }
});

// ---- create ------------------------------------------------------------------------------------
$('c-type').innerHTML = types.map(x => `<option value="${escapeHtml(x.code)}" data-priority="${x.defaultPriority}" data-i18n="type.${x.code}">${escapeHtml(t(`type.${x.code}`))}</option>`).join('');
const syncPriority = () => { const o = $('c-type').selectedOptions[0]; if (o) $('c-priority').value = o.dataset.priority; };
$('c-type').addEventListener('change', syncPriority);
syncPriority();
$('new-incident').onclick = () => { $('create').hidden = !$('create').hidden; };
map.on('click', e => {
  if (drawingPlan()) return; // the click is a point of the lockdown plan being drawn
  $('create').hidden = false;
  $('c-lat').value = e.latlng.lat.toFixed(6);
  $('c-lon').value = e.latlng.lng.toFixed(6);
  pickMarker?.remove();
  pickMarker = L.circleMarker(e.latlng, { radius: 9, color: '#fff', weight: 2, fillColor: '#ef4444', fillOpacity: 0.6 }).addTo(map);
});
$('create').addEventListener('submit', async e => {
  e.preventDefault();
  const body = {
    type: $('c-type').value, priority: Number($('c-priority').value), lat: Number($('c-lat').value), lon: Number($('c-lon').value),
    address: $('c-address').value || undefined, description: $('c-description').value || undefined, requestId: newRequestId(),
  };
  try {
    const r = await api('/api/incidents', { token, method: 'POST', body });
    if (r.duplicateOf) toast('d.merged', { id: r.duplicateOf }); else toast('d.created', { id: r.id });
    $('create').hidden = true; $('create').reset(); syncPriority();
    pickMarker?.remove(); pickMarker = null;
    const id = r.duplicateOf ?? r.id;
    if (!incidents.has(id)) applyIncident(await api(`/api/incidents/${encodeURIComponent(id)}`, { token }));
    await select(id);
  } catch (err) { failed(err); }
});

// ---- roster ------------------------------------------------------------------------------------
function showTab(which) {
  $('tab-incident').classList.toggle('active', which === 'incident');
  $('tab-roster').classList.toggle('active', which === 'roster');
  $('detail').hidden = which !== 'incident';
  $('roster').hidden = which !== 'roster';
  if (which === 'roster') renderRoster();
}
$('tab-incident').onclick = () => showTab('incident');
$('tab-roster').onclick = () => showTab('roster');

const kinds = Object.keys(KIND_COLOURS), statuses = Object.keys(STATUS_COLOURS);
$('f-kind').insertAdjacentHTML('beforeend', kinds.map(k => `<option value="${k}" data-i18n="kind.${k}">${t(`kind.${k}`)}</option>`).join(''));
$('f-status').insertAdjacentHTML('beforeend', statuses.map(s => `<option value="${s}" data-i18n="ustatus.${s}">${t(`ustatus.${s}`)}</option>`).join(''));
$('f-station').insertAdjacentHTML('beforeend', stations.map(s => `<option value="${escapeHtml(s.stationId)}">${escapeHtml(s.name)}</option>`).join(''));
for (const id of ['f-kind', 'f-status', 'f-station']) $(id).addEventListener('change', renderRoster);

function renderRoster() {
  if ($('roster').hidden) return;
  const kind = $('f-kind').value, status = $('f-status').value, station = $('f-station').value;
  const list = [...units.values()].map(e => e.u)
    .filter(u => (!kind || u.kind === kind) && (!status || u.status === status) && (!station || u.stationId === station))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
  $('roster-count').innerHTML = tl('d.units', { n: list.length });
  $('roster-list').innerHTML = list.slice(0, 300).map(u =>
    `<li data-unit-id="${escapeHtml(u.unitId)}" class="${u.unitId === selectedUnitId ? 'selected' : ''}"><i style="background:${KIND_COLOURS[u.kind]}"></i>` +
    `<b>${escapeHtml(u.unitId)}</b> <span>${escapeHtml(u.name)}</span> <span class="st-${u.status}">${tl(`ustatus.${u.status}`)}</span></li>`).join('');
  renderUnitDetail();
}
$('roster-list').addEventListener('click', e => { const li = e.target.closest('li[data-unit-id]'); if (li) selectUnit(li.dataset.unitId); });

function selectUnit(unitId) {
  selectedUnitId = unitId;
  if ($('roster').hidden) showTab('roster'); else renderRoster();
  const u = units.get(unitId)?.u;
  if (u?.lat != null) map.panTo([u.lat, u.lon]);
  units.get(unitId)?.marker?.openTooltip();
}

function renderUnitDetail() {
  const u = units.get(selectedUnitId)?.u;
  if (!u) { $('unit-detail').innerHTML = ''; return; }
  const incident = u.taskId ? [...incidents.values()].map(e => e.i).find(i => i.tasks.some(x => x.taskId === u.taskId)) : null;
  $('unit-detail').innerHTML = `<h4>${escapeHtml(u.unitId)} ${escapeHtml(u.name)}</h4>` +
    `<div>${tl(`kind.${u.kind}`)} · ${tl(`ustatus.${u.status}`)} · ${escapeHtml(u.stationId ?? '')}</div>` +
    `<div>${tl('d.unitTask')}: ${incident ? `<a href="#" data-incident="${escapeHtml(incident.id)}">${escapeHtml(incident.id)} ${tl(`type.${incident.type}`)}</a>` : tl('d.noTask')}</div>`;
}
$('unit-detail').addEventListener('click', e => { const a = e.target.closest('a[data-incident]'); if (a) { e.preventDefault(); select(a.dataset.incident); } });

// ---- live --------------------------------------------------------------------------------------
let dirtyUnits = false, dirtyQueue = false;
setInterval(() => {
  if (dirtyQueue) { dirtyQueue = false; renderQueue(); }
  if (dirtyUnits) { dirtyUnits = false; renderRoster(); }
}, 500);
setInterval(() => { dirtyQueue = true; }, 30_000);   // ages

// The console's roster is the whole city: it watches the city's bounds on every connection.
async function watchCity() {
  const b = config.bounds;
  const inside = await live.connection.invoke('Watch', b.south, b.west, b.north, b.east).catch(() => []);
  for (const u of inside) applyUnit(u);
  dirtyUnits = true;
}

const live = liveConnection('/hubs/wall', () => token, {
  snapshot: s => {
    for (const i of s.incidents) applyIncident(i);
    renderQueue(); renderRoster(); if (selectedId) renderDetail();
  },
  units: batch => { for (const u of batch) applyUnit(u); dirtyUnits = true; },
  incident: i => {
    if (!applyIncident(i)) return;
    dirtyQueue = true;
    if (i.id === selectedId) { renderDetail(); if (isOpenIncident(i)) loadRecs(); }
  },
  kpis: () => {}, // the wall's figures: the console shows the queue instead
  cells: () => {}, // the wall's cell loads: the console draws its units
  unauthorized: goLogin,
}, status => {
  showStatus($('conn'), status);
  if (status === 'live') watchCity();
});

const lockdown = lockdownConsole({ map, connection: live.connection, token, selectedIncident: () => selectedId, toast, failed });
const intake = intakeConsole({ stations, token, select, toast, failed });
const volunteers = volunteerConsole({ token, toast, failed });
const cameras = cameraConsole({ map, connection: live.connection, token, toast, failed });

onLang(() => { renderQueue(); renderDetail(); renderRoster(); });

window.gcDispatch = { units, incidents, select, map, cellView, lockdown, intake, checkins, volunteers, cameras, get selectedId() { return selectedId; } };
