// The console's volunteer orders (龙城众队 派单): on the selected incident, "publish to volunteers" with a radius and a
// note, and its orders with their state (open, taken by whom, completed, cancelled); a tab with the team leaderboard
// (积分). The incident panel is redrawn by dispatch.js: it calls panel() for this part's HTML at the end of it.
import { api, fmtTime, isOpenIncident, staffSession } from './common.js';
import { tl, t, onLang, escapeHtml } from './i18n.js';

const REFRESH_MS = 5000, ORDERS_EVERY_MS = 3000;
const OTHER_TABS = ['incident', 'roster', 'lockdown', 'intake'];
const DEFAULT_RADIUS = 1000;
// A station officer sees the orders but neither publishes nor withdraws them.
const mayPublish = () => ['dispatcher', 'commander'].includes(staffSession()?.role);

export function volunteerConsole({ token, toast, failed }) {
  const $ = id => document.getElementById(id);
  let incidentId = null, orders = [], teams = [], timer = null;
  const form = { radius: DEFAULT_RADIUS, note: '' };  // kept across the incident panel's redraws

  async function loadOrders() {
    const id = incidentId;
    if (!id) return;
    try {
      const list = await api(`/api/incidents/${encodeURIComponent(id)}/volunteer-orders`, { token });
      if (id !== incidentId) return;
      orders = list;
      const el = $('dv-orders');
      if (el) el.outerHTML = ordersHtml();
    } catch (e) { /* the next redraw asks again */ }
  }

  const state = o => o.status === 'claimed' ? tl('dv.claimedBy', { unit: `${o.claimedBy} ${o.claimedByName ?? ''}`.trim() })
    : o.status === 'completed' ? tl('dv.completedBy', { unit: o.claimedBy, points: o.points })
    : tl(`dv.status.${o.status}`);

  const ordersHtml = () => `<table id="dv-orders" class="dv-orders">${orders.length === 0 ? `<tr><td class="muted">${tl('dv.noOrders')}</td></tr>`
    : `<tr><th>${tl('dv.published')}</th><th>${tl('dv.radius')}</th><th>${tl('dv.state')}</th><th></th></tr>` + orders.map(o =>
      `<tr data-order="${escapeHtml(o.id)}" data-status="${o.status}"><td>${escapeHtml(fmtTime(o.publishedAt))}</td>` +
      `<td>${o.radiusMeters} m · ${tl('dv.notified', { n: o.notified })}</td><td class="dv-state">${state(o)}` +
      `${o.note ? `<div class="muted">${escapeHtml(o.note)}</div>` : ''}</td>` +
      `<td>${['open', 'claimed'].includes(o.status) && mayPublish() ? `<button data-dv="withdraw">${tl('dv.withdraw')}</button>` : ''}</td></tr>`).join('')}</table>`;

  /** This part of the incident panel, for the incident dispatch.js shows; loads its orders when the incident changes. */
  function panel(incident) {
    if (incident.id !== incidentId) { incidentId = incident.id; orders = []; }
    loadOrders();
    if (!$('detail').hidden) hideBoard();
    return `<h4>${tl('dv.title')}</h4>` + (isOpenIncident(incident) && mayPublish()
      ? `<div class="dv-form"><label>${tl('dv.radius')} <input id="dv-radius" type="number" min="100" max="10000" step="100" value="${form.radius}"> m</label>` +
        `<input id="dv-note" type="text" maxlength="500" value="${escapeHtml(form.note)}" placeholder="${escapeHtml(t('dv.notePlaceholder'))}" aria-label="${escapeHtml(t('dv.note'))}">` +
        `<button id="dv-publish" class="primary">${tl('dv.publish')}</button></div>` : '') + ordersHtml();
  }

  // The incident's change reaches the console before its order's does (the order saves after the incident): ask again now and then.
  setInterval(() => { if (!$('detail').hidden && $('dv-orders')) loadOrders(); }, ORDERS_EVERY_MS);

  document.addEventListener('input', e => {
    if (e.target.id === 'dv-radius') form.radius = e.target.value;
    if (e.target.id === 'dv-note') form.note = e.target.value;
  });
  document.addEventListener('click', async e => {
    const button = e.target.closest('#dv-publish, button[data-dv]');
    if (!button || !incidentId) return;
    button.disabled = true;
    try {
      if (button.id === 'dv-publish') {
        const order = await api(`/api/incidents/${encodeURIComponent(incidentId)}/volunteer-orders`,
          { token, method: 'POST', body: { radiusMeters: Number(form.radius), note: form.note.trim() || undefined } });
        toast('dv.publishedToast', { n: order.notified });
        form.note = '';
        const note = $('dv-note');
        if (note) note.value = '';
      } else {
        await api(`/api/volunteer-orders/${encodeURIComponent(button.closest('tr').dataset.order)}/cancel`, { token, method: 'POST' });
        toast('dv.withdrawnToast');
      }
      await loadOrders();
    } catch (err) { failed(err); }
    button.disabled = false;
  });

  // ---- the leaderboard tab ----
  async function loadTeams() {
    try {
      teams = await api('/api/volunteer-teams', { token });
      renderBoard();
    } catch (e) { failed(e); }
  }

  function renderBoard() {
    $('volunteers').innerHTML = `<h3>${tl('dv.board')}</h3><table id="dv-board" class="dv-board">` +
      `<tr><th class="num">${tl('dv.rank')}</th><th>${tl('dv.team')}</th><th class="num">${tl('dv.points')}</th><th class="num">${tl('dv.orders')}</th></tr>` +
      (teams.length === 0 ? `<tr><td colspan="4" class="muted">${tl('dv.noTeams')}</td></tr>` : teams.map(x =>
        `<tr data-team="${escapeHtml(x.team)}"><td class="num">${x.rank}</td><td>${escapeHtml(x.team)}</td>` +
        `<td class="num dv-points">${x.points}</td><td class="num">${x.ordersCompleted}</td></tr>`).join('')) + '</table>';
  }

  function hideBoard() {
    $('tab-volunteers').classList.remove('active');
    $('volunteers').hidden = true;
    clearInterval(timer);
    timer = null;
  }

  function showBoard() {
    for (const tab of OTHER_TABS) { $(`tab-${tab}`).classList.remove('active'); $(tab === 'incident' ? 'detail' : tab).hidden = true; }
    $('tab-volunteers').classList.add('active');
    $('volunteers').hidden = false;
    clearInterval(timer);
    timer = setInterval(loadTeams, REFRESH_MS);
    renderBoard();
    loadTeams();
  }
  $('tab-volunteers').onclick = showBoard;
  for (const tab of OTHER_TABS) $(`tab-${tab}`).addEventListener('click', hideBoard);
  onLang(() => { if (!$('volunteers').hidden) renderBoard(); });

  return { panel, loadOrders, get orders() { return orders; }, get teams() { return teams; } };
}
