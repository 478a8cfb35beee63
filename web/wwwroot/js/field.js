// The field page: a unit's phone. Signs in with the device key, receives tasks over /hubs/field,
// answers with one tap (queued in localStorage while offline), shares its position while on duty.
import { applyI18n, langSwitch, onLang, t, escapeHtml, setLang, lang } from './i18n.js';
import { checkinForm } from './field-checkin.js';
import { volunteerOrders } from './field-volunteer.js';
import { api, store, keepRenewed, liveConnection, showStatus, fmtSecs, fmtDist, distanceM, beep, PRIORITY_COLOURS, config, isActiveTask } from './common.js';

const POSITION_EVERY_MS = 5000;
const $ = id => document.getElementById(id);
applyI18n();
langSwitch();
$('lang-switch-2').textContent = lang === 'zh' ? 'EN' : '中';
$('lang-switch-2').onclick = () => { setLang(lang === 'zh' ? 'en' : 'zh'); $('lang-switch-2').textContent = lang === 'zh' ? 'EN' : '中'; };

let device = store.get('gc.device');     // { token, unitId, expiresAt }
let task = null;                           // the current TaskView (locally advanced while answers wait)
let fix = null;                            // the phone's last position
let live = null, online = false, taskMap = null, incidentMarker = null, meMarker = null;

function showSignIn() {
  $('signin').hidden = false;
  $('app').hidden = true;
  $('signin-form').onsubmit = async e => {
    e.preventDefault();
    const unitId = $('unit-id').value.trim(), deviceKey = $('device-key').value;
    try {
      const r = await api('/api/auth/device', { method: 'POST', body: { unitId, deviceKey } });
      device = { token: r.token, unitId: r.unitId, expiresAt: r.expiresAt };
      store.set('gc.device', device);
      store.set('gc.duty', true);
      await setDuty(true).catch(() => {});
      $('signin').hidden = true;
      start();
    } catch {
      $('signin-error').dataset.i18n = 'f.failed'; $('signin-error').textContent = t('f.failed');
    }
  };
  $('signin-form').querySelector('button[type=submit]').disabled = false; // the handler is there: the form may be sent
}

function start() {
  $('app').hidden = false;
  $('unit-label').textContent = device.unitId;
  renderDuty();
  // A phone stays signed in for the whole shift and beyond: its token renews itself.
  keepRenewed('gc.device', signOut, renewed => { device = renewed; });
  const volunteer = volunteerOrders({ tokenOf: () => device?.token, unitOf: () => device?.unitId, fixOf: () => fix, notice, signOut,
    taskEnded: taskId => { if (task?.taskId === taskId) { task = null; render(); } } });
  live = liveConnection('/hubs/field', () => device.token, {
    ...volunteer.handlers,
    task: onTask,
    taskWithdrawn: ({ taskId }) => { if (task?.taskId === taskId) { task = null; notice('f.withdrawn'); render(); } },
    unauthorized: signOut,
  }, status => { online = status === 'live'; showStatus($('conn'), status); if (online) { flush(); volunteer.refresh(); } });
  watchPosition();
  checkinForm({ tokenOf: () => device?.token, fixOf: () => fix, notice, signOut });
  setInterval(sendPosition, POSITION_EVERY_MS);
  setInterval(flush, 5000);
  // The browser knows about lost networks before the hub does: say so at once.
  window.addEventListener('offline', () => showStatus($('conn'), 'offline'));
  window.addEventListener('online', () => { if (online) showStatus($('conn'), 'live'); flush(); });
  render();
}

function signOut() {
  live?.stop();
  store.set('gc.device', null);
  location.reload();
}
$('signout').onclick = signOut;

// ---- tasks ---------------------------------------------------------------------------------------
function onTask(view) {
  const pending = outbox().filter(a => a.taskId === view.taskId);
  const fresh = task?.taskId !== view.taskId;
  if (!isActiveTask(view)) { if (task?.taskId === view.taskId) task = null; render(); return; }
  // An answer still waiting to be sent is newer than what the server says.
  task = pending.length ? { ...view, status: afterAnswer(pending[pending.length - 1].answer) } : view;
  if (fresh) {
    beep(3);
    navigator.vibrate?.([300, 150, 300]);
    notice('f.newTask');
    $('reason').value = t('f.reasonDefault');
    $('note').value = t('f.noteDefault');
  }
  render();
}

const afterAnswer = answer => ({ accept: 'accepted', arrive: 'on-scene', complete: 'done', decline: 'declined' }[answer]);

function notice(key) {
  const el = $('notice');
  el.dataset.i18n = key; el.textContent = t(key); el.hidden = false;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { el.hidden = true; }, 5000);
}

function render() {
  const active = task && isActiveTask(task);
  $('task').hidden = !active;
  $('answers').hidden = !active;
  for (const s of config.activeTaskStatuses) $(`a-${s}`).hidden = !active || task.status !== s;
  document.body.dataset.taskStatus = active ? task.status : 'none';
  if (!active) { $('gps').textContent = fix ? `${fix.lat.toFixed(5)}, ${fix.lon.toFixed(5)}` : t('f.gpsOff'); renderOutbox(); return; }
  $('t-priority').className = `badge p${task.priority}`;
  $('t-priority').textContent = t(`prio.short.${task.priority}`);
  $('t-type').textContent = t(`type.${task.type}`);
  $('t-status').textContent = t(`tstatus.${task.status}`);
  $('t-address').textContent = task.address ?? `${task.lat.toFixed(5)}, ${task.lon.toFixed(5)}`;
  // A lockdown point (关城门): what to do, in the page's language; it is held until stand-down, so no "done".
  const lockdown = task.type.startsWith('lockdown-');
  $('t-description').textContent = !lockdown ? task.description ?? ''
    : t(task.status === 'on-scene' ? 'f.lockdownHold' : `f.lockdownGo.${task.type.slice('lockdown-'.length)}`, { point: task.address });
  if (lockdown) $('a-on-scene').hidden = true;
  $('t-eta').textContent = fmtSecs(task.etaSeconds);
  $('t-distance').textContent = fix ? fmtDist(distanceM(fix.lat, fix.lon, task.lat, task.lon)) : '–';
  drawTaskMap();
  renderOutbox();
}
onLang(render);

function drawTaskMap() {
  if (!taskMap) {
    taskMap = L.map('t-map', { zoomControl: false, attributionControl: false });
    if (config.tileUrl) L.tileLayer(config.tileUrl).addTo(taskMap);
  }
  taskMap.invalidateSize();
  const at = [task.lat, task.lon];
  incidentMarker ??= L.circleMarker(at, { radius: 10, color: '#fff', weight: 2, fillColor: PRIORITY_COLOURS[task.priority], fillOpacity: 1 }).addTo(taskMap);
  incidentMarker.setLatLng(at);
  if (fix) {
    meMarker ??= L.circleMarker([fix.lat, fix.lon], { radius: 7, color: '#fff', weight: 2, fillColor: '#3b82f6', fillOpacity: 1 }).addTo(taskMap);
    meMarker.setLatLng([fix.lat, fix.lon]);
    taskMap.fitBounds(L.latLngBounds([at, [fix.lat, fix.lon]]).pad(0.3), { maxZoom: 16 });
  } else taskMap.setView(at, 15);
}

// ---- answers (one tap each; queued while offline, resent when back: the server takes repeats) -----
const outbox = () => store.get('gc.outbox') ?? [];

function answer(kind, text) {
  if (!task) return;
  const queued = [...outbox(), { taskId: task.taskId, answer: kind, text, at: new Date().toISOString() }];
  store.set('gc.outbox', queued);
  task = { ...task, status: afterAnswer(kind) };
  if (!isActiveTask(task)) { notice(kind === 'complete' ? 'f.finished' : 'f.withdrawn'); task = null; }
  render();
  flush();
}
$('accept').onclick = () => answer('accept');
$('decline').onclick = () => answer('decline', $('reason').value || t('f.reasonDefault'));
$('arrive').onclick = () => answer('arrive');
$('done').onclick = () => answer('complete', $('note').value || t('f.noteDefault'));

let flushing = false;
async function flush() {
  if (flushing || !device) return;
  flushing = true;
  try {
    for (let next = outbox()[0]; next; next = outbox()[0]) {
      try {
        await api(`/api/tasks/${encodeURIComponent(next.taskId)}/${next.answer}`, {
          token: device.token, method: 'POST', body: next.answer === 'decline' ? { reason: next.text } : next.answer === 'complete' ? { note: next.text } : {},
        });
      } catch (e) {
        if (!e.status) showStatus($('conn'), 'offline');
        if (!e.status || e.status >= 500) break;             // offline or server trouble: keep it, try later
        if (e.status === 401) { signOut(); return; }
        // Refused (the task was withdrawn or moved on): drop the answer, nothing to retry.
      }
      store.set('gc.outbox', outbox().slice(1));
    }
  } finally {
    flushing = false;
    renderOutbox();
  }
}

function renderOutbox() {
  const n = outbox().length;
  $('outbox').hidden = n === 0;
  $('outbox').dataset.i18n = 'f.queued';
  $('outbox').dataset.i18nVars = JSON.stringify({ n });
  $('outbox').textContent = t('f.queued', { n });
}

// ---- duty and position -------------------------------------------------------------------------
const onDuty = () => store.get('gc.duty') ?? false;

function renderDuty() {
  const on = onDuty();
  $('duty').setAttribute('aria-pressed', String(on));
  $('duty').innerHTML = `<span data-i18n="${on ? 'f.onDuty' : 'f.offDuty'}">${escapeHtml(t(on ? 'f.onDuty' : 'f.offDuty'))}</span>`;
}

async function setDuty(on) {
  await api(`/api/units/${encodeURIComponent(device.unitId)}/duty`, { token: device.token, method: 'PUT', body: { onDuty: on } });
  store.set('gc.duty', on);
}
$('duty').onclick = async () => {
  try { await setDuty(!onDuty()); } catch (e) { notice('d.error'); }
  renderDuty();
};

function watchPosition() {
  if (!navigator.geolocation) return;
  navigator.geolocation.watchPosition(p => {
    fix = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy, speed: p.coords.speed, heading: p.coords.heading, at: new Date(p.timestamp) };
    if (!task) render();
  }, () => {}, { enableHighAccuracy: true, maximumAge: 5000 });
}

let lastSent = 0;
async function sendPosition() {
  if (!fix || !onDuty() || !device || fix.at.getTime() === lastSent) return;
  try {
    await api(`/api/units/${encodeURIComponent(device.unitId)}/position`, {
      token: device.token, method: 'POST', body: {
        lat: fix.lat, lon: fix.lon, at: fix.at.toISOString(), accuracyM: fix.accuracy ?? undefined,
        speedKmh: fix.speed != null ? Math.min(400, fix.speed * 3.6) : undefined, headingDeg: Number.isFinite(fix.heading) ? fix.heading : undefined,
      },
    });
    lastSent = fix.at.getTime();
  } catch { /* offline: the next fix goes instead */ }
}

window.gcField = { get task() { return task; }, outbox, flush };

// Last, once everything above is defined: a phone reopened with a saved session starts at once.
if (!device) showSignIn(); else start();
