// A station's page (/station?id=S01): its cells on a small map, its units with their status, its chat-group intake
// queue, and its performance (考评) for a period: the figures, by week and by day, and the CSV / Excel exports.
import { applyI18n, langSwitch, onLang, tl, escapeHtml } from './i18n.js';
import { api, consoleSession, goLogin, cityMap, fmtTime, KIND_COLOURS, STATUS_COLOURS } from './common.js';
import { FIGURES } from './performance-figures.js';

applyI18n();
langSwitch();

const { token } = await consoleSession();
const $ = id => document.getElementById(id);

const UNITS_REFRESH_MS = 10_000;
const stationId = new URLSearchParams(location.search).get('id') ?? '';

async function load(path) {
  try {
    return await api(path, { token });
  } catch (e) {
    if (e.status === 401 || e.status === 403) await goLogin();
    throw e;
  }
}

function say(key, detail) {
  $('st-message').hidden = false;
  $('st-message').innerHTML = `${tl(key)}${detail ? `: ${escapeHtml(detail)}` : ''}`;
}

const stations = await load('/api/stations');
// Without an id (the console's link): the first station.
if (!stationId && stations.length) {
  location.replace(`/station?id=${encodeURIComponent(stations[0].stationId)}`);
  await new Promise(() => {});
}
const station = await load(`/api/stations/${encodeURIComponent(stationId)}`).catch(e => e);
$('st-switch').innerHTML = stations.map(s =>
  `<option value="${escapeHtml(s.stationId)}" ${s.stationId === stationId ? 'selected' : ''}>${escapeHtml(s.stationId)} ${escapeHtml(s.name)}</option>`).join('');
$('st-switch').onchange = () => { location.search = `?id=${encodeURIComponent($('st-switch').value)}`; };
if (station instanceof Error) {
  say('perf.noStation', stationId);
  throw station;
}
$('st-name').textContent = station.name;
$('st-id').textContent = station.stationId;

// ---- the cells on a small map, the station's place ------------------------------------------------
const { map } = await cityMap('map', { zoomControl: false });
const mine = new Set(station.cellIds);
const svg = L.svg(); // a station's few cells as elements of their own (hover, tests); the map's default is a canvas
load('/api/cells').then(cells => {
  const polygons = cells.filter(c => mine.has(c.id)).map(c =>
    L.polygon(c.polygon, { renderer: svg, color: '#f59e0b', weight: 1, fillColor: '#f59e0b', fillOpacity: 0.2, className: 'st-cell' }).bindTooltip(`${c.id} ${c.name}`).addTo(map));
  if (polygons.length) map.fitBounds(L.featureGroup(polygons).getBounds(), { padding: [10, 10] });
}).catch(() => {});
L.circleMarker([station.lat, station.lon], { radius: 6, color: '#fff', fillColor: '#2563eb', fillOpacity: 1 }).bindTooltip(station.name).addTo(map);

// ---- units and intake queue --------------------------------------------------------------------------
let units = [], queue = [];
function renderLists() {
  $('st-unit-count').textContent = `(${units.length})`;
  $('st-units').innerHTML = units.length === 0 ? `<li class="muted">${tl('perf.noUnits')}</li>` : units.map(u =>
    `<li data-unit-id="${escapeHtml(u.unitId)}"><i style="background:${KIND_COLOURS[u.kind] ?? '#94a3b8'}"></i><b>${escapeHtml(u.name)}</b>
      <span class="muted">${escapeHtml(u.unitId)} · ${tl(`kind.${u.kind}`)}</span>
      <span style="color:${STATUS_COLOURS[u.status] ?? 'inherit'}">${tl(`ustatus.${u.status}`)}${u.stale ? ` · ${tl('perf.stale')}` : ''}</span></li>`).join('');
  const waiting = queue.filter(c => c.status === 'pending');
  $('st-queue-count').textContent = `(${waiting.length})`;
  $('st-queue').innerHTML = queue.length === 0 ? `<li class="muted">${tl('chat.none')}</li>` : queue.map(c =>
    `<li data-candidate="${escapeHtml(c.id)}"><b>${tl(`chat.class.${c.class}`)}</b> ${tl(`type.${c.type}`)}
      <span class="muted">${escapeHtml(fmtTime(c.lastAt))} · ${escapeHtml(c.texts[0] ?? '')}</span></li>`).join('');
}
async function refreshLists() {
  [units, queue] = await Promise.all([
    load(`/api/units?stationId=${encodeURIComponent(stationId)}`).catch(() => units),
    load(`/api/stations/${encodeURIComponent(stationId)}/intake`).catch(() => queue),
  ]);
  renderLists();
}
refreshLists();
setInterval(refreshLists, UNITS_REFRESH_MS);

// ---- performance -----------------------------------------------------------------------------------------
const base = `/api/stations/${encodeURIComponent(stationId)}/performance`;
let report = null;

function table(rows, dateLabel) {
  const head = `<tr><th>${tl(dateLabel)}</th>${FIGURES.map(f => `<th>${tl(f.label)}</th>`).join('')}</tr>`;
  const body = rows.map(r => `<tr data-from="${r.from}"><td>${r.from === r.to ? r.from : `${r.from} – ${r.to}`}</td>${
    FIGURES.map(f => `<td data-figure="${f.key}">${escapeHtml(f.fmt(r[f.key]))}</td>`).join('')}</tr>`).join('');
  return head + body;
}

function renderReport() {
  if (!report) return;
  $('st-total').innerHTML = FIGURES.map(f =>
    `<div data-figure="${f.key}"><b>${escapeHtml(f.fmt(report.total[f.key]))}</b><span>${tl(f.label)}</span></div>`).join('');
  $('st-weeks').innerHTML = table(report.weeks, 'perf.week');
  $('st-days').innerHTML = table([...report.days].reverse(), 'perf.day');
}

async function showReport(from, to) {
  const query = from && to ? `?from=${from}&to=${to}` : '';
  try {
    report = await load(base + query);
  } catch (e) {
    say('perf.failed', e.message);
    return;
  }
  $('st-message').hidden = true;
  $('st-from').value = report.from;
  $('st-to').value = report.to;
  renderReport();
}

$('st-period').onsubmit = e => {
  e.preventDefault();
  showReport($('st-from').value, $('st-to').value);
};

/** The exports need the token, which a plain link does not send: fetched, then saved under the server's name. */
async function download(extension) {
  const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  const response = await fetch(`${base}.${extension}?from=${$('st-from').value}&to=${$('st-to').value}&lang=${lang}`,
    { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) { say('perf.failed', `${response.status}`); return; }
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${stationId}-performance.${extension}`;
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await response.blob()), download: name });
  link.click();
  URL.revokeObjectURL(link.href);
}
for (const extension of ['csv', 'xlsx']) {
  $(`st-${extension}`).href = '#';
  $(`st-${extension}`).onclick = e => { e.preventDefault(); download(extension); };
}

await showReport();
onLang(() => { renderLists(); renderReport(); });
