// The sign-in page: staff sign in, then go back where they were sent from (a path on this site only).
import { applyI18n, langSwitch, t } from '/js/i18n.js';
import { api, store } from '/js/common.js';
applyI18n(); langSwitch();
const next = sameSite(new URLSearchParams(location.search).get('next'));

/** The path of `next` if it is on this site, else null: to a browser "/\\evil.example" and "//evil.example" are other sites. */
function sameSite(next) {
  if (!next) return null;
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
  } catch { return null; }
}
document.getElementById('form').addEventListener('submit', async e => {
  e.preventDefault();
  const username = document.getElementById('user').value.trim(), password = document.getElementById('password').value;
  const error = document.getElementById('error');
  try {
    const r = await api('/api/auth/login', { method: 'POST', body: { username, password } });
    store.set('gc.staff', { token: r.token, role: r.role, user: username, expiresAt: r.expiresAt });
    const home = r.role === 'wall' ? '/wall' : '/dispatch';
    location.href = next ?? home;
  } catch {
    error.dataset.i18n = 'login.failed'; error.textContent = t('login.failed');
  }
});
// Only now can the form be sent: before this script ran it would have been posted by the browser itself.
document.querySelector('#form button[type=submit]').disabled = false;
