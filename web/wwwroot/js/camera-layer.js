// The camera layer (雪亮) on the wall and the console. Tens of thousands of cameras would flood a map: they are drawn
// only zoomed in (the ones in view, read by box); a little further out each cell's count is a faint dot at its centre,
// and the whole city shows none. An alarm ("cameraAlarm" on the wall hub)
// flashes its camera as a pulsing ring for two minutes, at any zoom. The console passes `popup` to link each camera's
// stream and snapshot; the wall gets no links from the server in the first place.
import { t, onLang, escapeHtml } from './i18n.js';
import { api } from './common.js';

export const MIN_ZOOM = 15;        // below this zoom the cameras are not drawn
const COUNT_ZOOM = MIN_ZOOM - 2;   // from this zoom up to MIN_ZOOM, each cell's count
const COUNTS_MS = 60_000;          // the cells' counts change with imports only: read again at most once a minute
const FLASH_MS = 120_000;
const PAGE = 1000;                 // cameras drawn at most: a zoomed-in view holds far fewer

/** A camera's stream and snapshot links, opening in a new tab; never the page itself. */
export function cameraLinks(c) {
  return [['streamUrl', 'cam.stream'], ['snapshotUrl', 'cam.snapshot']].filter(([k]) => c[k])
    .map(([k, label]) => `<a href="${escapeHtml(c[k])}" target="_blank" rel="noopener noreferrer" class="cam-link cam-${k}">${escapeHtml(t(label))}</a>`)
    .join(' ');
}

/** An alarm kind's label; a kind configured on the server but not named here shows as it is. */
export function kindLabel(kind) {
  const label = t(`cam.kind.${kind}`);
  return label === `cam.kind.${kind}` ? kind : label;
}

const alarmText = a => `${escapeHtml(a.cameraName)} · ${escapeHtml(kindLabel(a.kind))}`;

export function cameraLayer(map, connection, tokenOf, { popup = null } = {}) {
  const renderer = L.canvas({ padding: 0.2 });
  const layer = L.layerGroup().addTo(map);
  const alarmLayer = L.layerGroup().addTo(map);
  const alarms = new Map(); // cameraId → { alarm, marker, until }
  let cameras = [], counts = [], countsAt = 0, loading = 0;

  async function load() {
    const seq = ++loading;
    if (map.getZoom() < MIN_ZOOM) { cameras = []; return loadCounts(seq); }
    const b = map.getBounds();
    const box = [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map(v => v.toFixed(5)).join(',');
    try {
      const list = await api(`/api/cameras?box=${box}&limit=${PAGE}`, { token: tokenOf() });
      if (seq === loading) { cameras = list; draw(); }
    } catch { /* keep what is drawn; the next pan tries again */ }
  }

  async function loadCounts(seq) {
    if (map.getZoom() < COUNT_ZOOM) { counts = []; return draw(); }
    try {
      if (Date.now() - countsAt > COUNTS_MS) { counts = await api('/api/cameras/cells', { token: tokenOf() }); countsAt = Date.now(); }
    } catch { /* keep the counts known */ }
    if (seq === loading) draw();
  }

  function draw() {
    layer.clearLayers();
    const view = map.getBounds();
    for (const c of map.getZoom() < MIN_ZOOM ? counts : []) {
      if (!view.contains([c.lat, c.lon])) continue;
      L.circleMarker([c.lat, c.lon], { renderer, radius: Math.min(9, 2 + Math.sqrt(c.count)), weight: 0, fillColor: '#22d3ee', fillOpacity: 0.35 })
        .bindTooltip(escapeHtml(t('cam.inCell', { n: c.count }))).addTo(layer);
    }
    for (const c of cameras) {
      const dot = L.circleMarker([c.lat, c.lon], { renderer, radius: 4, weight: 1, color: '#0b1220', fillColor: '#22d3ee', fillOpacity: 0.9 })
        .bindTooltip(escapeHtml(c.name)).addTo(layer);
      if (popup) dot.bindPopup(() => popup(c));
    }
  }

  function flash(a) {
    alarms.get(a.cameraId)?.marker.remove();
    const marker = L.marker([a.lat, a.lon], {
      icon: L.divIcon({ className: 'cam-alarm', iconSize: [36, 36], html: '<span></span>' }), keyboard: false,
    }).bindTooltip(alarmText(a), { permanent: false }).addTo(alarmLayer);
    marker.getElement()?.setAttribute('data-camera', a.cameraId);
    alarms.set(a.cameraId, { alarm: a, marker, until: Date.now() + FLASH_MS });
  }

  setInterval(() => {
    for (const [id, e] of alarms) if (e.until <= Date.now()) { e.marker.remove(); alarms.delete(id); }
  }, 1000);
  connection.on('cameraAlarm', flash);
  // A page that (re)connects flashes what is still flashing: the hub's snapshot comes on every connection.
  connection.on('snapshot', async () => {
    try { for (const a of await api('/api/cameras/alarms', { token: tokenOf() })) flash(a); } catch { /* the next alarm still comes live */ }
  });
  map.on('moveend', load);
  onLang(() => { draw(); for (const e of alarms.values()) e.marker.setTooltipContent(alarmText(e.alarm)); });
  load();
  return { alarms, get cameras() { return cameras; }, get counts() { return counts; }, reload() { countsAt = 0; return load(); } };
}
