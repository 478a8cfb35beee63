// The wall's lockdown (关城门) panel and map layer: hears "lockdown" and the snapshot's lockdowns on the wall hub.
import { t, onLang, escapeHtml } from './i18n.js';
import { drawLockdowns, fmtClock, followLockdowns, sinceActivation, STATE_COLOURS } from './lockdown-map.js';

export function wallLockdowns(map, connection) {
  const layer = L.layerGroup().addTo(map);
  const panel = document.getElementById('lockdown-panel');
  const { active } = followLockdowns(connection, () => render());

  function render() {
    drawLockdowns(layer, [...active.values()].map(e => e.view));
    const newest = [...active.values()].sort((a, b) => b.view.activatedAt.localeCompare(a.view.activatedAt))[0];
    panel.hidden = !newest;
    document.body.dataset.lockdown = newest?.view.id ?? '';
    if (!newest) return;
    const v = newest.view;
    const title = [...new Set([t('lk.title'), v.planName])].join(' · '); // a plan named 关城门 is not named twice
    document.getElementById('lk-title').textContent = `${title}${v.drill ? ` (${t('lk.drill')})` : ''}`;
    document.getElementById('lk-counts').innerHTML = ['staffed', 'enRoute', 'unstaffed'].map((k, i) => {
      const state = ['staffed', 'en-route', 'unstaffed'][i];
      return `<div><b id="lk-${state}" style="color:${STATE_COLOURS[state]}">${v[k]}</b><span>${escapeHtml(t(`lk.state.${state}`))}</span></div>`;
    }).join('');
    tick();
  }

  function tick() {
    const newest = active.get(document.body.dataset.lockdown);
    if (!newest) return;
    document.getElementById('lk-elapsed').textContent = `${t('lk.since')} ${fmtClock(sinceActivation(newest))}`;
    const seal = newest.view.timeToSealSeconds;
    const sealEl = document.getElementById('lk-seal');
    sealEl.textContent = seal == null ? t('lk.sealing') : `${t('lk.sealed')} ${fmtClock(seal)}`;
    sealEl.classList.toggle('lk-done', seal != null);
  }

  setInterval(tick, 1000);
  onLang(render);
  return { active };
}
