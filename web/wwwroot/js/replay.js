// The replay page: an incident's (?incident=ID) or an area's (?south=&west=&north=&east=&from=&to=) units moving
// over the map along their tracks, the events in order with the current one highlighted, a time slider,
// play/pause and 1×–60× speed. Everything comes from one GET; the clock is the page's own.
import { applyI18n, langSwitch, onLang, t, tl, escapeHtml } from './i18n.js';
import { api, consoleSession, goLogin, cityMap, drawCells, fmtTime, KIND_COLOURS, STATUS_COLOURS, PRIORITY_COLOURS } from './common.js';
import { positionAt, currentEvent } from './replay-clock.js';

applyI18n();
langSwitch();

const { token } = await consoleSession();
const $ = id => document.getElementById(id);

/** Few enough units to draw each as an element of its own (hover, tests); more go on a canvas. */
const MAX_ELEMENT_MARKERS = 200;
const LIST_REFRESH_MS = 250;

const { map } = await cityMap('map');
const canvas = L.canvas({ padding: 0.2 });
api('/api/cells', { token }).then(cells => drawCells(map, cells, { renderer: canvas })).catch(() => {});

const query = new URLSearchParams(location.search);
const incidentId = query.get('incident');
let replay;
try {
  replay = incidentId
    ? await api(`/api/incidents/${encodeURIComponent(incidentId)}/replay`, { token })
    : await api(`/api/replay?${['south', 'west', 'north', 'east', 'from', 'to'].map(k => `${k}=${encodeURIComponent(query.get(k) ?? '')}`).join('&')}`, { token });
} catch (e) {
  if (e.status === 401 || e.status === 403) await goLogin();
  $('rp-message').removeAttribute('data-i18n');
  $('rp-message').innerHTML = `${tl('rp.failed')}: ${escapeHtml(e.message)}`;
  throw e;
}

const from = Date.parse(replay.window.from), to = Date.parse(replay.window.to);
const events = incidentId
  ? replay.events.map(e => ({ at: Date.parse(e.at), what: e.what, who: e.who, data: e.data }))
  : replay.incidents.map(i => ({ at: Date.parse(i.createdAt), what: 'incident.opened', who: i.id, data: i.type, incident: i }));
const units = replay.units.map(u => ({ ...u, points: u.points.map(p => ({ ...p, t: Date.parse(p.at) })) }));

// ---- the map: incidents, tracks, markers ---------------------------------------------------------
const incidentsShown = incidentId ? [replay.incident] : replay.incidents;
for (const i of incidentsShown) {
  L.marker([i.lat, i.lon], { icon: L.divIcon({ className: '', html: `<div class="rp-incident" data-incident-id="${escapeHtml(i.id)}" style="background:${PRIORITY_COLOURS[i.priority]}"></div>`, iconSize: [18, 18] }) })
    .bindTooltip(() => `${t(`type.${i.type}`)} ${escapeHtml(i.id)}`).addTo(map);
}
const asElements = units.length <= MAX_ELEMENT_MARKERS;
for (const u of units) {
  const colour = KIND_COLOURS[u.kind] ?? '#94a3b8';
  if (u.points.length > 1) L.polyline(u.points.map(p => [p.lat, p.lon]), { renderer: canvas, color: colour, weight: 2, opacity: 0.6, interactive: false }).addTo(map);
  const first = u.points[0];
  if (!first) continue;
  u.marker = asElements
    ? L.marker([first.lat, first.lon], { icon: L.divIcon({ className: '', html: `<div class="rp-marker" data-unit-id="${escapeHtml(u.unitId)}" style="background:${colour}"></div>`, iconSize: [14, 14] }) })
    : L.circleMarker([first.lat, first.lon], { renderer: canvas, radius: 4, weight: 2, fillColor: colour, fillOpacity: 0.9 });
  u.marker.bindTooltip(() => `${escapeHtml(u.unitId)} ${escapeHtml(u.name ?? '')} · ${t(`ustatus.${u.shown?.status ?? first.status}`)}`).addTo(map);
}
const bounds = L.latLngBounds([...incidentsShown.map(i => [i.lat, i.lon]), ...units.flatMap(u => u.points.map(p => [p.lat, p.lon]))]);
// At once, not animated: the page (and its tests) read the markers where the view settles.
if (replay.box) map.fitBounds([[replay.box.south, replay.box.west], [replay.box.north, replay.box.east]], { animate: false });
else if (bounds.isValid()) map.fitBounds(bounds.pad(0.2), { maxZoom: 16, animate: false });

// ---- the side: heading, events, units -------------------------------------------------------------
function renderHeading() {
  $('rp-heading').dataset.i18n = incidentId ? 'rp.incident' : 'rp.area';
  $('rp-heading').textContent = t($('rp-heading').dataset.i18n);
  $('rp-subject').innerHTML = incidentId
    ? `${tl(`type.${replay.incident.type}`)} ${escapeHtml(replay.incident.id)} · ${tl(`istatus.${replay.incident.status}`)}`
    : `${replay.box.south}, ${replay.box.west} – ${replay.box.north}, ${replay.box.east}`;
  $('window').textContent = `${fmtTime(from)} – ${fmtTime(to)}`;
  $('rp-message').hidden = units.length > 0;
  $('rp-message').dataset.i18n = 'rp.noTracks';
  $('rp-message').textContent = t('rp.noTracks');
}
function renderEvents() {
  $('events').innerHTML = events.map((e, n) =>
    `<li data-n="${n}" data-what="${escapeHtml(e.what)}"><time>${fmtTime(e.at)}</time>${tl(`rp.ev.${e.what}`)} ` +
    `<span class="muted">${escapeHtml(e.who)}</span> ${e.incident ? tl(`type.${e.data}`) : escapeHtml(e.data ?? '')}</li>`).join('')
    || `<li class="muted">${tl('rp.noEvents')}</li>`;
}
function renderUnits() {
  $('units').innerHTML = units.map(u =>
    `<li data-unit-id="${escapeHtml(u.unitId)}"><i style="background:${KIND_COLOURS[u.kind] ?? '#94a3b8'}"></i>` +
    `<b>${escapeHtml(u.unitId)}</b> ${escapeHtml(u.name ?? '')} <span class="st"></span></li>`).join('');
}
renderHeading(); renderEvents(); renderUnits();
onLang(() => { renderHeading(); renderEvents(); renderUnits(); show(now, true); });
$('events').addEventListener('click', e => { const li = e.target.closest('li[data-n]'); if (li) seek(events[+li.dataset.n].at); });

// ---- the clock: play, pause, speed, slider ----------------------------------------------------------
let now = from, playing = false, speed = 1, lastFrame = 0, lastList = 0;
const slider = $('slider');
slider.max = String(Math.max(0, Math.round((to - from) / 1000)));

function show(at, force = false) {
  $('clock').textContent = fmtTime(at);
  slider.value = String(Math.round((at - from) / 1000));
  document.body.dataset.replayAt = new Date(at).toISOString();
  const current = currentEvent(events, at);
  for (const li of $('events').querySelectorAll('li[data-n]')) {
    li.classList.toggle('current', +li.dataset.n === current);
    li.classList.toggle('past', events[+li.dataset.n].at <= at);
  }
  const refreshList = force || performance.now() - lastList > LIST_REFRESH_MS;
  if (refreshList) lastList = performance.now();
  for (const u of units) {
    if (!u.points.length) continue;
    const p = positionAt(u.points, at);
    u.shown = p;
    if (!u.marker) continue;
    u.marker.setLatLng([p.lat, p.lon]);
    const colour = STATUS_COLOURS[p.status] ?? '#94a3b8';
    if (asElements) { const el = u.marker.getElement()?.firstElementChild; if (el) { el.style.borderColor = colour; el.dataset.status = p.status; el.style.opacity = p.before ? 0.35 : 1; } }
    else u.marker.setStyle({ color: colour, opacity: p.before ? 0.35 : 1 });
    if (refreshList) {
      const st = $('units').querySelector(`li[data-unit-id="${CSS.escape(u.unitId)}"] .st`);
      if (st) { st.textContent = t(`ustatus.${p.status}`); st.dataset.status = p.status; }
    }
  }
}
function seek(at) { now = Math.min(to, Math.max(from, at)); show(now, true); }
function frame(ts) {
  if (!playing) return;
  if (lastFrame) now = Math.min(to, now + (ts - lastFrame) * speed);
  lastFrame = ts;
  show(now);
  if (now >= to) { setPlaying(false); return; }
  requestAnimationFrame(frame);
}
function setPlaying(on) {
  playing = on;
  $('play').dataset.i18n = on ? 'rp.pause' : 'rp.play';
  $('play').textContent = t($('play').dataset.i18n);
  lastFrame = 0;
  if (on) { if (now >= to) seek(from); requestAnimationFrame(frame); }
}
$('play').onclick = () => setPlaying(!playing);
for (const b of document.querySelectorAll('[data-speed]')) {
  b.onclick = () => {
    speed = +b.dataset.speed;
    for (const other of document.querySelectorAll('[data-speed]')) other.classList.toggle('active', other === b);
  };
}
slider.addEventListener('input', () => seek(from + +slider.value * 1000));
show(now, true);
