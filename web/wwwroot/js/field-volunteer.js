// Volunteer orders (龙城众队 接单) on a volunteer's phone: the open orders near it with distance and note, a claim
// button, "taken" the moment another volunteer got one, and "complete" for its own. Pushed over /hubs/field
// ("volunteerOrder", "volunteerOrderTaken"); asked for again on every connect and now and then, so a phone that
// connects late or walks into an order's radius sees it too.
import { t, escapeHtml, onLang } from './i18n.js';
import { api, fmtDist, distanceM } from './common.js';

const REFRESH_MS = 15000, KEEP_TAKEN_MS = 120000;
const $ = id => document.getElementById(id);

/** Wires the panel; returns the hub handlers and refresh(). tokenOf/unitOf/fixOf give the device's token, id and last fix. */
export function volunteerOrders({ tokenOf, unitOf, fixOf, notice, signOut }) {
  const orders = new Map();   // id → { order, distanceMeters, takenAt }
  let me = null;              // the near-me answer without its orders: kind, team, points

  async function refresh() {
    if (!tokenOf()) return;
    try {
      const near = await api('/api/volunteer-orders/near-me', { token: tokenOf() });
      me = near;
      const listed = new Set(near.orders.map(o => o.order.id));
      for (const [id, entry] of orders) if (!listed.has(id) && !isTaken(entry)) orders.delete(id);
      for (const { order, distanceMeters } of near.orders) orders.set(order.id, { order, distanceMeters });
    } catch (e) {
      if (e.status === 401) { signOut(); return; }
    }
    render();
  }

  const isTaken = entry => entry.order.status !== 'open' && entry.order.claimedBy !== unitOf();
  const distanceOf = (order, known) => {
    const fix = fixOf();
    return fix ? distanceM(fix.lat, fix.lon, order.lat, order.lon) : known;
  };

  function onOrder(order) {
    const fresh = !orders.has(order.id);
    orders.set(order.id, { order, distanceMeters: null });
    if (fresh) { navigator.vibrate?.([200, 100, 200]); notice('vo.new'); }
    render();
  }

  function onTaken(order) {
    const known = orders.get(order.id);
    if (!known && order.claimedBy !== unitOf()) return;  // never listed here: nothing to mark
    orders.set(order.id, { order, distanceMeters: known?.distanceMeters, takenAt: Date.now() });
    if (order.claimedBy !== unitOf() && order.status === 'claimed') notice('vo.takenNotice');
    if (order.status === 'cancelled') notice('vo.cancelledNotice');
    if (order.status === 'completed' && order.claimedBy === unitOf()) refresh();  // the new points
    render();
  }

  async function act(id, what) {
    try {
      const order = await api(`/api/volunteer-orders/${encodeURIComponent(id)}/${what}`, { token: tokenOf(), method: 'POST', body: {} });
      orders.set(order.id, { order, distanceMeters: orders.get(id)?.distanceMeters });
      notice(what === 'claim' ? 'vo.claimed' : 'vo.completed');
      if (what === 'complete') await refresh();
    } catch (e) {
      if (e.status === 401) { signOut(); return; }
      if (e.status === 409 && e.data) notice('vo.tooLate');
      else notice('d.error');
      await refresh();
    }
    render();
  }

  function render() {
    const panel = $('vo');
    panel.hidden = me?.kind !== 'volunteer';
    if (panel.hidden) return;
    $('vo-points').textContent = t('vo.points', { points: me.points, team: me.team ?? '–' });
    const now = Date.now();
    for (const [id, entry] of orders) if (entry.takenAt && now - entry.takenAt > KEEP_TAKEN_MS && isTaken(entry)) orders.delete(id);
    const shown = [...orders.values()].filter(e => e.order.status !== 'completed' || e.order.claimedBy === unitOf() && now - (e.takenAt ?? now) < KEEP_TAKEN_MS);
    $('vo-empty').hidden = shown.length > 0;
    $('vo-list').innerHTML = shown.map(({ order, distanceMeters }) => {
      const mine = order.claimedBy === unitOf();
      const state = order.status === 'open' ? `<button class="primary big vo-claim" data-id="${escapeHtml(order.id)}">${escapeHtml(t('vo.claim'))}</button>`
        : mine && order.status === 'claimed' ? `<span class="vo-mine">${escapeHtml(t('vo.mine'))}</span>
            <button class="primary big vo-complete" data-id="${escapeHtml(order.id)}">${escapeHtml(t('vo.complete'))}</button>`
        : mine && order.status === 'completed' ? `<span class="vo-done">${escapeHtml(t('vo.done', { points: order.points }))}</span>`
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
