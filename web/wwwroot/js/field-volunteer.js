// Volunteer orders (龙城众队 接单) on a volunteer's phone: the open orders near it with distance and note, a claim
// button, "taken" the moment another volunteer got one, and "complete" for its own. Pushed over /hubs/field
// ("volunteerOrder", "volunteerOrderTaken"); asked for again on every connect and now and then, so a phone that
// connects late or walks into an order's radius sees it too.
import { t, escapeHtml, onLang } from './i18n.js';
import { api, fmtDist, distanceM } from './common.js';

const REFRESH_MS = 15000, KEEP_ENDED_MS = 120000;
const $ = id => document.getElementById(id);

/**
 * Wires the panel; returns the hub handlers and refresh(). tokenOf/unitOf/fixOf give the device's token, id and last fix;
 * taskEnded(taskId) is told when the phone's own order is completed here, so the task card lets go of its task.
 */
export function volunteerOrders({ tokenOf, unitOf, fixOf, notice, signOut, taskEnded }) {
  const orders = new Map();   // id → { order, distanceMeters, since }: since = when it stopped being open here
  let me = null;              // the near-me answer: kind, team, points

  /** An order that is no longer open stays listed a while ("taken", "completed +10"), then goes. */
  const keep = (order, distanceMeters) => orders.set(order.id, {
    order, distanceMeters: distanceMeters ?? orders.get(order.id)?.distanceMeters,
    since: order.status === 'open' ? null : orders.get(order.id)?.since ?? Date.now(),
  });
  const recentlyEnded = entry => entry.since != null && Date.now() - entry.since < KEEP_ENDED_MS;

  async function refresh() {
    if (!tokenOf()) return;
    try {
      const near = await api('/api/volunteer-orders/near-me', { token: tokenOf() });
      me = near;
      const listed = new Set(near.orders.map(o => o.order.id));
      for (const [id, entry] of orders) if (!listed.has(id) && !recentlyEnded(entry)) orders.delete(id);
      for (const { order, distanceMeters } of near.orders) keep(order, distanceMeters);
    } catch (e) {
      if (e.status === 401) { signOut(); return; }
    }
    render();
  }

  const mine = order => order.claimedBy === unitOf();
  const distanceOf = (order, known) => {
    const fix = fixOf();
    return fix ? distanceM(fix.lat, fix.lon, order.lat, order.lon) : known;
  };

  function onOrder(order) {
    const fresh = !orders.has(order.id);
    keep(order);
    if (fresh) { navigator.vibrate?.([200, 100, 200]); notice('vo.new'); }
    render();
  }

  function onTaken(order) {
    if (!orders.has(order.id) && !mine(order)) return;  // never listed here: nothing to mark
    keep(order);
    if (!mine(order) && order.status === 'claimed') notice('vo.takenNotice');
    if (order.status === 'cancelled') notice('vo.cancelledNotice');
    if (order.status === 'completed' && mine(order)) refresh();  // the new points
    render();
  }

  async function act(id, what) {
    try {
      const order = await api(`/api/volunteer-orders/${encodeURIComponent(id)}/${what}`, { token: tokenOf(), method: 'POST', body: {} });
      keep(order);
      notice(what === 'claim' ? 'vo.claimed' : 'vo.completed');
      if (what === 'complete') { taskEnded(order.taskId); await refresh(); }
    } catch (e) {
      if (e.status === 401) { signOut(); return; }
      notice(e.status === 409 ? 'vo.tooLate' : 'd.error');
      await refresh();
    }
    render();
  }

  function render() {
    const panel = $('vo');
    panel.hidden = me?.kind !== 'volunteer';
    if (panel.hidden) return;
    $('vo-points').textContent = t('vo.points', { points: me.points, team: me.team ?? '–' });
    for (const [id, entry] of orders) if (entry.since != null && !recentlyEnded(entry) && !(mine(entry.order) && entry.order.status === 'claimed')) orders.delete(id);
    $('vo-empty').hidden = orders.size > 0;
    $('vo-list').innerHTML = [...orders.values()].map(({ order, distanceMeters }) => {
      const state = order.status === 'open' ? `<button class="primary big vo-claim" data-id="${escapeHtml(order.id)}">${escapeHtml(t('vo.claim'))}</button>`
        : mine(order) && order.status === 'claimed' ? `<span class="vo-mine">${escapeHtml(t('vo.mine'))}</span>
            <button class="primary big vo-complete" data-id="${escapeHtml(order.id)}">${escapeHtml(t('vo.complete'))}</button>`
        : mine(order) && order.status === 'completed' ? `<span class="vo-done">${escapeHtml(t('vo.done', { points: order.points }))}</span>`
        : order.status === 'cancelled' ? `<span class="vo-taken">${escapeHtml(t('vo.cancelled'))}</span>`
        : `<span class="vo-taken">${escapeHtml(t('vo.taken'))}</span>`;
      return `<li class="vo-order vo-${order.status}" data-order="${escapeHtml(order.id)}">
        <div><b>${escapeHtml(t(`type.${order.incidentType}`))}</b> <span class="muted">${escapeHtml(order.address ?? '')}</span>
          <span class="vo-distance">${escapeHtml(fmtDist(distanceOf(order, distanceMeters)))}</span></div>
        <div class="vo-note">${escapeHtml(order.note ?? '')}</div>
        <div class="vo-state">${state}</div></li>`;
    }).join('');
    for (const b of $('vo-list').querySelectorAll('.vo-claim')) b.onclick = () => { b.disabled = true; act(b.dataset.id, 'claim'); };
    for (const b of $('vo-list').querySelectorAll('.vo-complete')) b.onclick = () => { b.disabled = true; act(b.dataset.id, 'complete'); };
  }
  onLang(render);
  setInterval(refresh, REFRESH_MS);

  return { handlers: { volunteerOrder: onOrder, volunteerOrderTaken: onTaken }, refresh };
}
