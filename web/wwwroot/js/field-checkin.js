// Field check-ins (微警通打卡) on the phone: category, note and an optional photo from the camera, at the phone's
// position. The photo is shrunk on the phone to fit the server's limit; a check-in made offline is queued in
// localStorage (without its photo: a photo does not fit there) and sent when the network is back.
import { t } from './i18n.js';
import { api, store } from './common.js';

const QUEUE = 'gc.checkins';
const PHOTO_EDGE = 1600, PHOTO_QUALITY = 0.8; // a phone photo of 3-8 MB becomes some 200-600 KB
const $ = id => document.getElementById(id);
const queued = () => store.get(QUEUE) ?? [];

/** Wires the check-in form. tokenOf and fixOf give the device's token and the phone's last fix; notice shows a message key. */
export function checkinForm({ tokenOf, fixOf, notice, signOut }) {
  const form = $('checkin');
  const showWhere = () => {
    const fix = fixOf();
    $('ci-gps').textContent = fix ? `${fix.lat.toFixed(5)}, ${fix.lon.toFixed(5)}` : t('f.gpsOff');
  };
  const close = () => { form.hidden = true; form.reset(); $('ci-error').textContent = ''; };
  $('ci-open').onclick = () => { form.hidden = !form.hidden; showWhere(); };
  $('ci-cancel').onclick = close;

  form.onsubmit = async e => {
    e.preventDefault();
    const fix = fixOf();
    if (!fix) { $('ci-error').textContent = t('ci.noFix'); return; }
    const fields = { category: $('ci-category').value, note: $('ci-note').value.trim() || undefined, lat: fix.lat, lon: fix.lon, at: new Date().toISOString() };
    const file = $('ci-photo').files[0];
    $('ci-send').disabled = true;
    try {
      await send(fields, file ? await shrink(file) : null, tokenOf());
      close();
      notice('ci.done');
    } catch (error) {
      if (error.status === 401) { signOut(); return; }
      if (error.status) { $('ci-error').textContent = error.message; return; } // refused: say why, keep the form
      store.set(QUEUE, [...queued(), fields]);                                   // offline: keep it for later
      close();
      notice(file ? 'ci.queuedNoPhoto' : 'ci.queued');
    } finally {
      $('ci-send').disabled = false;
    }
  };

  let flushing = false;
  const flush = async () => {
    if (flushing || !queued().length || !tokenOf()) return;
    flushing = true;
    try {
      for (let next = queued()[0]; next; next = queued()[0]) {
        try { await send(next, null, tokenOf()); } catch (error) {
          if (!error.status || error.status >= 500) break; // still offline, or server trouble: later
          if (error.status === 401) { signOut(); return; }
          // refused (too old by now, say): nothing to retry
        }
        store.set(QUEUE, queued().slice(1));
      }
    } finally { flushing = false; }
  };
  setInterval(flush, 5000);
  window.addEventListener('online', flush);
  window.gcCheckins = { queued, flush };
  flush();
}

/** POSTs a check-in: JSON, or a multipart form when it has a photo. Errors carry the HTTP status (none when offline). */
async function send(fields, photo, token) {
  if (!photo) return api('/api/checkins', { token, method: 'POST', body: fields });
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, String(value));
  form.append('photo', photo, 'photo.jpg');
  const response = await fetch('/api/checkins', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(data?.detail || `${response.status}`), { status: response.status });
  return data;
}

/** The photo as a JPEG at most PHOTO_EDGE pixels on its long side; a file the browser cannot read as an image goes as it is. */
async function shrink(file) {
  try {
    const image = await createImageBitmap(file);
    const scale = Math.min(1, PHOTO_EDGE / Math.max(image.width, image.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise(resolve => canvas.toBlob(blob => resolve(blob ?? file), 'image/jpeg', PHOTO_QUALITY));
  } catch {
    return file;
  }
}
