// The console's lockdown (关城门) tab: list the plans, activate one for the selected incident (chosen rings) or as a
// drill, follow the active activations and stand them down; draw a new plan by clicking points on the map.
import { api } from './common.js';
import { t, tl, onLang, escapeHtml, applyI18n } from './i18n.js';
import { drawLockdowns, fmtClock, followLockdowns, sinceActivation, RINGS, RING_COLOURS } from './lockdown-map.js';

const KINDS = ['blocking-point', 'checkpoint'];
let drawing = false;

/** Whether clicks on the map are adding points to a plan being drawn (the console then makes no incident of them). */
export const drawingPlan = () => drawing;

export function lockdownConsole({ map, connection, token, selectedIncident, toast, failed }) {
  const $ = id => document.getElementById(id);
  const { active, apply } = followLockdowns(connection, () => render());
  const layer = L.layerGroup().addTo(map);
  const drawnLayer = L.layerGroup().addTo(map);
  let drawn = [];

  $('lockdown').innerHTML = `
    <h4>${tl('lk.plans')}</h4>
    <div class="row"><select id="lk-plan"></select></div>
    <div class="row">${RINGS.map(r => `<label><input type="checkbox" name="lk-ring" value="${r}" checked>${tl(`lk.ring.${r}`)}</label>`).join('')}</div>
    <div class="row"><button id="lk-activate" class="primary">${tl('lk.activate')}</button><button id="lk-drill">${tl('lk.startDrill')}</button></div>
    <h4>${tl('lk.running')}</h4>
    <ul id="lk-active" class="lk-list"></ul>
    <h4>${tl('lk.draw')}</h4>
    <div class="row"><input id="lk-name" data-i18n-placeholder="lk.planName" placeholder="${escapeHtml(t('lk.planName'))}"></div>
    <div class="row"><select id="lk-kind">${KINDS.map(k => `<option value="${k}" data-i18n="lk.kind.${k}">${escapeHtml(t(`lk.kind.${k}`))}</option>`).join('')}</select>
      <select id="lk-ring">${RINGS.map(r => `<option value="${r}" data-i18n="lk.ring.${r}">${escapeHtml(t(`lk.ring.${r}`))}</option>`).join('')}</select>
      <button id="lk-draw-toggle">${tl('lk.drawStart')}</button></div>
    <ol id="lk-drawn" class="lk-list"></ol>
    <div class="row"><button id="lk-save" class="primary">${tl('lk.save')}</button><button id="lk-clear">${tl('lk.clear')}</button></div>`;

  async function loadPlans(selectId) {
    const plans = await api('/api/lockdown-plans', { token });
    $('lk-plan').innerHTML = plans.map(p => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.name)} · ${escapeHtml(t('lk.pointsCount', { n: p.points }))}</option>`).join('');
    if (selectId) $('lk-plan').value = selectId;
  }

  async function activate(drill) {
    const planId = $('lk-plan').value;
    const rings = [...document.querySelectorAll('input[name=lk-ring]:checked')].map(i => i.value);
    const incidentId = drill ? undefined : selectedIncident();
    if (!planId) return toast('lk.noPlan', null, true);
    if (!drill && !incidentId) return toast('lk.selectIncident', null, true);
    try {
      const view = await api(`/api/lockdown-plans/${encodeURIComponent(planId)}/activate`, { token, method: 'POST', body: { incidentId, rings, drill } });
      apply(view);
      render();
      toast('lk.activated', { plan: view.planName });
    } catch (e) { failed(e); }
  }

  function render() {
    const entries = [...active.values()].sort((a, b) => b.view.activatedAt.localeCompare(a.view.activatedAt));
    drawLockdowns(layer, entries.map(e => e.view));
    $('lk-active').innerHTML = entries.length === 0 ? `<li class="muted">${tl('lk.none')}</li>` : entries.map(({ view: v }) =>
      `<li data-activation="${escapeHtml(v.id)}"><b>${escapeHtml(v.planName)}</b> ${v.drill ? tl('lk.drill') : escapeHtml(v.incidentId ?? '')}
        <div class="row"><span class="lk-elapsed"></span><span class="lk-seal"></span></div>
        <div class="row">${['staffed', 'en-route', 'unstaffed'].map((s, i) => `${tl(`lk.state.${s}`)} <b class="lk-n-${s}">${v[['staffed', 'enRoute', 'unstaffed'][i]]}</b>`).join(' · ')}</div>
        <button class="lk-stand-down" data-id="${escapeHtml(v.id)}">${tl('lk.standDown')}</button></li>`).join('');
    tick();
  }

  function tick() {
    for (const li of document.querySelectorAll('#lk-active li[data-activation]')) {
      const entry = active.get(li.dataset.activation);
      if (!entry) continue;
      li.querySelector('.lk-elapsed').textContent = `${t('lk.since')} ${fmtClock(sinceActivation(entry))}`;
      const seal = entry.view.timeToSealSeconds;
      li.querySelector('.lk-seal').textContent = seal == null ? t('lk.sealing') : `${t('lk.sealed')} ${fmtClock(seal)}`;
    }
  }

  function renderDrawn() {
    drawnLayer.clearLayers();
    for (const p of drawn)
      L.circleMarker([p.lat, p.lon], { radius: 6, color: RING_COLOURS[p.ring], weight: 2, fillColor: p.kind === 'checkpoint' ? '#fff' : RING_COLOURS[p.ring], fillOpacity: 1 }).addTo(drawnLayer);
    $('lk-drawn').innerHTML = drawn.map((p, i) =>
      `<li><input class="lk-point-name" data-i="${i}" value="${escapeHtml(p.name)}"> ${tl(`lk.kind.${p.kind}`)} · ${tl(`lk.ring.${p.ring}`)}</li>`).join('');
  }

  map.on('click', e => {
    if (!drawing) return;
    const kind = $('lk-kind').value;
    drawn.push({ name: `${t(`lk.kind.${kind}`)}${drawn.length + 1}`, kind, ring: $('lk-ring').value, lat: +e.latlng.lat.toFixed(6), lon: +e.latlng.lng.toFixed(6) });
    renderDrawn();
  });
  $('lk-drawn').addEventListener('input', e => { if (e.target.dataset.i) drawn[+e.target.dataset.i].name = e.target.value; });
  $('lk-draw-toggle').onclick = () => {
    drawing = !drawing;
    $('lk-draw-toggle').innerHTML = tl(drawing ? 'lk.drawStop' : 'lk.drawStart');
  };
  $('lk-clear').onclick = () => { drawn = []; renderDrawn(); };
  $('lk-save').onclick = async () => {
    try {
      const plan = await api('/api/lockdown-plans', { token, method: 'POST', body: { name: $('lk-name').value, points: drawn } });
      drawn = []; drawing = false; renderDrawn();
      $('lk-name').value = '';
      $('lk-draw-toggle').innerHTML = tl('lk.drawStart');
      await loadPlans(plan.id);
      toast('lk.saved', { plan: plan.name });
    } catch (e) { failed(e); }
  };
  $('lk-activate').onclick = () => activate(false);
  $('lk-drill').onclick = () => activate(true);
  $('lk-active').addEventListener('click', async e => {
    const id = e.target.closest('.lk-stand-down')?.dataset.id;
    if (!id) return;
    try {
      apply(await api(`/api/lockdown-activations/${encodeURIComponent(id)}/stand-down`, { token, method: 'POST' }));
      render();
    } catch (err) { failed(err); }
  });

  // The tab: shown instead of the incident detail or the roster.
  const show = on => {
    $('tab-lockdown').classList.toggle('active', on);
    $('lockdown').hidden = !on;
    if (on) { $('tab-incident').classList.remove('active'); $('tab-roster').classList.remove('active'); $('detail').hidden = true; $('roster').hidden = true; }
  };
  $('tab-lockdown').onclick = () => show(true);
  $('tab-incident').addEventListener('click', () => show(false));
  $('tab-roster').addEventListener('click', () => show(false));

  setInterval(tick, 1000);
  onLang(() => { render(); renderDrawn(); });
  applyI18n($('lockdown'));
  loadPlans().catch(failed);
  return { active, get drawn() { return drawn; }, loadPlans };
}
