// The check-in layer (微警通打卡) on the dispatcher console: today's check-ins (the city's day) as small dots coloured
// by category, with a tooltip (category, unit, time, note). A button on the map shows or hides it, remembered in the
// browser; while shown it reloads every minute. Hidden, it asks the server nothing.
import { t, onLang } from './i18n.js';
import { api } from './common.js';
import { CATEGORY_COLOURS, checkinText } from './checkin-list.js';

const RELOAD_MS = 60_000;

export function checkinLayer(map, tokenOf) {
  const layer = L.layerGroup();
  const renderer = L.canvas({ padding: 0.2 });
  let shown = localStorage.getItem('gc.checkinLayer') === 'on', timer = null, checkins = [];

  const button = L.DomUtil.create('button', 'ci-layer-toggle');
  button.id = 'ci-layer';
  button.type = 'button';
  L.DomEvent.disableClickPropagation(button);
  const Toggle = L.Control.extend({ onAdd: () => button });
  new Toggle({ position: 'topright' }).addTo(map);

  function draw() {
    layer.clearLayers();
    for (const c of checkins) {
      L.circleMarker([c.lat, c.lon], { renderer, radius: 5, weight: 1, color: '#0b1220', fillColor: CATEGORY_COLOURS[c.category], fillOpacity: 0.9 })
        .bindTooltip(checkinText(c)).addTo(layer);
    }
    button.textContent = `${t(shown ? 'ci.layerHide' : 'ci.layerShow')}${shown ? ` (${checkins.length})` : ''}`;
    button.setAttribute('aria-pressed', String(shown));
  }

  async function load() {
    try { checkins = await api('/api/checkins', { token: tokenOf() }); } catch { /* keep what is drawn; the next minute tries again */ }
    draw();
  }

  function show(on) {
    shown = on;
    localStorage.setItem('gc.checkinLayer', on ? 'on' : 'off');
    clearInterval(timer);
    if (on) { layer.addTo(map); load(); timer = setInterval(load, RELOAD_MS); } else { layer.remove(); checkins = []; }
    draw();
  }

  button.onclick = () => show(!shown);
  onLang(draw);
  show(shown);
  return { reload: load, get count() { return shown ? checkins.length : 0; } };
}
