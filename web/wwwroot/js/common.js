// Shared by the pages: tokens in localStorage, fetch with the bearer token, a SignalR connection that
// always comes back, and small formatting helpers.
import { t } from './i18n.js';

export const store = {
  get(key) { try { return JSON.parse(localStorage.getItem(key)); } catch { return null; } },
  set(key, value) { value == null ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(value)); },
};

/** The staff session {token, role, user, expiresAt} saved by /login. */
export const staffSession = () => store.get('gc.staff');

const MAX_TIMER_MS = 24 * 3600 * 1000;

/**
 * Keeps a saved sign-in ({token, expiresAt, …} under `key`) alive with no one there, as a wall kiosk or a phone must:
 * renews the token halfway through what is left of it (sooner after a failure, so an outage is ridden out), and hands
 * the renewed session to onRenewed. A token the server refuses (revoked, or expired meanwhile) calls onRevoked.
 */
export function keepRenewed(key, onRevoked, onRenewed = () => {}) {
  const nextIn = () => Math.min(MAX_TIMER_MS, Math.max(1000, (Date.parse(store.get(key)?.expiresAt) - Date.now()) / 2 || 0));
  async function renew() {
    const session = store.get(key);
    if (!session?.token) return;
    try {
      const r = await api('/api/auth/renew', { token: session.token, method: 'POST' });
      const renewed = { ...session, token: r.token, expiresAt: r.expiresAt };
      store.set(key, renewed);
      onRenewed(renewed);
    } catch (e) {
      if (e.status === 401 || e.status === 403) { onRevoked(); return; }
    }
    setTimeout(renew, nextIn());
  }
  setTimeout(renew, nextIn());
}

/**
 * Sends the browser to /login and back here afterwards. The promise never settles: a page that awaits it stops
 * there, instead of calling the API without a token (401s in the console) while the browser navigates away.
 */
export function goLogin() {
  location.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  return new Promise(() => {});
}

/** A console page's sign-in: a session of one of `roles` (else off to /login), its user in #who, #logout signing out. */
export async function consoleSession(roles = ['dispatcher', 'commander', 'station']) {
  const session = staffSession();
  if (!session || !roles.includes(session.role)) await goLogin();
  document.getElementById('who').textContent = session.user ?? '';
  document.getElementById('logout').onclick = () => { store.set('gc.staff', null); goLogin(); };
  return session;
}

export async function api(path, { token, method = 'GET', body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!response.ok) {
    const error = new Error(data?.detail || data?.title || `${response.status}`);
    error.status = response.status;
    error.data = data;
    throw error;
  }
  return data;
}

export const newRequestId = () => crypto.randomUUID ? crypto.randomUUID()
  : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * A hub connection that keeps coming back: automatic reconnects, and when it closes anyway a manual
 * restart loop. onStatus gets 'live' | 'reconnecting' | 'offline'. The server sends what a client needs
 * to resync (a snapshot, the current task) on every connect. tokenOf gives the current token at each
 * connect: the server closes a connection when its token expires, and the page reconnects with the renewed one.
 */
export function liveConnection(url, tokenOf, handlers, onStatus = () => {}) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, { accessTokenFactory: tokenOf })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 5000, 10000])
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const [name, fn] of Object.entries(handlers)) connection.on(name, fn);
  connection.onreconnecting(() => onStatus('reconnecting'));
  connection.onreconnected(() => onStatus('live'));
  connection.onclose(() => { onStatus('offline'); setTimeout(start, 2000); });
  let stopped = false;
  async function start() {
    if (stopped || connection.state !== signalR.HubConnectionState.Disconnected) return;
    try {
      await connection.start();
      onStatus('live');
    } catch (e) {
      onStatus('offline');
      if (e?.message?.includes('401')) { stopped = true; handlers.unauthorized?.(); return; }
      setTimeout(start, 2000);
    }
  }
  start();
  return { connection, stop() { stopped = true; return connection.stop(); } };
}

/** Shows the connection state in an element with data-i18n. */
export function showStatus(el, status) {
  el.dataset.i18n = `conn.${status}`;
  el.textContent = t(`conn.${status}`);
  el.className = `conn conn-${status}`;
}

export const fmtPct = v => v == null ? '–' : `${(v * 100).toFixed(1)}%`;
export const fmtSecs = s => s == null ? '–' : s < 90 ? `${Math.round(s)}${t('unit.s')}` : `${(s / 60).toFixed(1)}${t('unit.min')}`;
export const fmtDist = m => m == null ? '–' : m < 1000 ? `${Math.round(m)}${t('unit.m')}` : `${(m / 1000).toFixed(1)}${t('unit.km')}`;

/** Great-circle distance in metres. */
export function distanceM(lat1, lon1, lat2, lon2) {
  const r = 6371000, rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

export const KIND_COLOURS = {
  'patrol-car': '#3b82f6', 'patrol-motorbike': '#06b6d4', 'patrol-bike': '#22c55e',
  'foot-patrol': '#a3e635', guard: '#eab308', volunteer: '#f472b6',
};
export const STATUS_COLOURS = {
  available: '#22c55e', assigned: '#f59e0b', 'en-route': '#f97316', 'on-scene': '#ef4444', 'off-duty': '#64748b',
};
export const PRIORITY_COLOURS = { 1: '#ef4444', 2: '#f59e0b', 3: '#38bdf8' };

/**
 * What the server says the pages need (GET /api/config): the map's tiles and bounds, and the rules the pages
 * apply too — when a fix is stale, which incident statuses are open, which task statuses are active — so there
 * is one definition of each, on the server.
 */
export const config = await api('/api/config');
export const STALE_AFTER_MS = config.staleAfterSeconds * 1000;
export const isOpenIncident = i => config.openIncidentStatuses.includes(i.status);
export const isActiveTask = task => config.activeTaskStatuses.includes(task.status);

/** A time as the city's clocks show it (the city's zone from /api/config, not the browser's): 24 h, with seconds. */
const cityTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: config.timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
export const fmtTime = when => when ? cityTime.format(new Date(when)) : '';

/**
 * A Leaflet map for the pages: the configured tile layer if any, else a plain dark background; fitted to the
 * city's bounds. Returns {map, config}.
 */
export async function cityMap(elementId, options = {}) {
  const b = config.bounds;
  const map = L.map(elementId, {
    preferCanvas: true, zoomControl: options.zoomControl ?? true, attributionControl: !!config.tileUrl,
    zoomSnap: 0.25, ...options,
  });
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.attribution || '' }).addTo(map);
  map.fitBounds([[b.south, b.west], [b.north, b.east]]);
  return { map, config };
}

/** The grid cells and district labels as one layer; returns {layer, cells: Map(id → {cell, polygon})}. */
export function drawCells(map, cellList, { renderer, labels = true } = {}) {
  const layer = L.layerGroup().addTo(map);
  const cells = new Map();
  const districts = new Map();
  for (const cell of cellList) {
    const polygon = L.polygon(cell.polygon, {
      renderer, color: '#2b3b55', weight: 0.6, fillColor: '#0f1a2c', fillOpacity: 0.35, interactive: false,
    }).addTo(layer);
    cells.set(cell.id, { cell, polygon });
    const [sumLat, sumLon, n] = districts.get(cell.district) ?? [0, 0, 0];
    const c = centroid(cell.polygon);
    districts.set(cell.district, [sumLat + c[0], sumLon + c[1], n + 1]);
  }
  if (labels) {
    for (const [name, [sumLat, sumLon, n]] of districts) {
      L.marker([sumLat / n, sumLon / n], {
        interactive: false,
        icon: L.divIcon({ className: 'district-label', html: `<span>${name}</span>`, iconSize: null }),
      }).addTo(layer);
    }
  }
  return { layer, cells, districts };
}

export function centroid(points) {
  let lat = 0, lon = 0;
  for (const [a, b] of points) { lat += a; lon += b; }
  return [lat / points.length, lon / points.length];
}

/** A short beep through WebAudio (browsers allow it after the user's first tap). */
let audio;
export function beep(times = 2) {
  try {
    audio ??= new (window.AudioContext || window.webkitAudioContext)();
    audio.resume?.();
    for (let i = 0; i < times; i++) {
      const osc = audio.createOscillator(), gain = audio.createGain();
      osc.frequency.value = 880; gain.gain.value = 0.25;
      osc.connect(gain).connect(audio.destination);
      const at = audio.currentTime + i * 0.3;
      osc.start(at); osc.stop(at + 0.18);
    }
  } catch { /* no audio: the vibration and the screen still tell */ }
}
