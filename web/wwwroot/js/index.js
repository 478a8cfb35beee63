// The start page: links to the screens and the node's health.
import { applyI18n, langSwitch } from '/js/i18n.js';
applyI18n(); langSwitch();
const el = document.getElementById('health');
async function poll() {
  try { const h = await (await fetch('/health')).json(); el.textContent = `${h.status} · ${h.cells} cells`; }
  catch { el.textContent = 'offline'; }
}
poll(); setInterval(poll, 5000);
