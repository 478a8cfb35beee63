// The console's chat-group intake tab (群情): a station's candidates, waiting ones first, with the words that made them
// stand out highlighted; "立案" opens the prefilled incident in one click, "忽略" dismisses (both stay listed).
import { api, fmtTime } from './common.js';
import { tl, onLang, escapeHtml } from './i18n.js';

const REFRESH_MS = 5000;
const OTHER_TABS = ['incident', 'roster', 'lockdown'];

const escapeRegex = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text, escaped, with every matched word in a <mark>. */
function highlight(text, words) {
  if (words.length === 0) return escapeHtml(text);
  const re = new RegExp(`(${words.map(escapeRegex).join('|')})`, 'gi');
  return text.split(re).map((part, i) => i % 2 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)).join('');
}

export function intakeConsole({ stations, token, select, toast, failed }) {
  const $ = id => document.getElementById(id);
  let candidates = [], timer = null;
  $('intake').innerHTML = `<div class="row"><select id="chat-station">${stations.map(s =>
    `<option value="${escapeHtml(s.stationId)}">${escapeHtml(s.stationId)} ${escapeHtml(s.name)}</option>`).join('')}</select></div>
    <ul id="chat-list" class="chat-list"></ul>`;

  async function load() {
    const stationId = $('chat-station').value;
    if (!stationId) { candidates = []; return render(); }
    try {
      candidates = await api(`/api/stations/${encodeURIComponent(stationId)}/intake`, { token });
      render();
    } catch (e) { failed(e); }
  }

  function item(c) {
    const decision = c.status === 'pending'
      ? `<div class="row"><button class="primary" data-act="incident">${tl('chat.createIncident')}</button><button data-act="dismiss">${tl('chat.dismiss')}</button></div>`
      : c.status === 'escalated'
        ? `<div>${tl('chat.escalatedTo')} <a href="#" data-incident="${escapeHtml(c.incidentId)}">${escapeHtml(c.incidentId)}</a></div>`
        : `<div class="muted">${tl('chat.dismissed')}</div>`;
    return `<li data-candidate="${escapeHtml(c.id)}" class="chat-${c.class} chat-${c.status}">
      <div><b class="chat-class">${tl(`chat.class.${c.class}`)}</b> ${tl(`type.${c.type}`)} · ${tl('chat.reports', { n: c.reports })} · ${escapeHtml(fmtTime(c.lastAt))}</div>
      ${c.texts.map(text => `<div class="chat-text">${highlight(text, c.matched)}</div>`).join('')}
      <div class="chat-words">${tl('chat.matched')}: ${c.matched.map(w => `<mark>${escapeHtml(w)}</mark>`).join(' ')}</div>
      <div class="muted">${c.cameraId ? tl('cam.fromCamera', { id: escapeHtml(c.cameraId) }) : `${tl('chat.groups', { n: c.groups.length })}: ${c.groups.map(escapeHtml).join(', ')}`} · ${escapeHtml(c.cellId)}</div>
      ${decision}</li>`;
  }

  function render() {
    $('chat-list').innerHTML = candidates.length === 0 ? `<li class="muted">${tl('chat.none')}</li>` : candidates.map(item).join('');
  }

  async function decide(id, act) {
    try {
      const c = await api(`/api/intake/${encodeURIComponent(id)}/${act}`, { token, method: 'POST' });
      if (act === 'incident') toast('chat.escalated', { id: c.incidentId }); else toast('chat.dismissedToast');
      await load();
    } catch (e) { failed(e); }
  }

  $('chat-list').addEventListener('click', e => {
    const link = e.target.closest('a[data-incident]');
    if (link) { e.preventDefault(); select(link.dataset.incident); return; }
    const button = e.target.closest('button[data-act]');
    if (button) decide(button.closest('li[data-candidate]').dataset.candidate, button.dataset.act);
  });
  $('chat-station').addEventListener('change', load);

  function show(on) {
    $('tab-intake').classList.toggle('active', on);
    $('intake').hidden = !on;
    clearInterval(timer);
    timer = on ? setInterval(load, REFRESH_MS) : null;
    if (!on) return;
    for (const tab of OTHER_TABS) { $(`tab-${tab}`).classList.remove('active'); $(tab === 'incident' ? 'detail' : tab).hidden = true; }
    load();
  }
  $('tab-intake').onclick = () => show(true);
  for (const tab of OTHER_TABS) $(`tab-${tab}`).addEventListener('click', () => show(false));
  onLang(render);
  return { load, get candidates() { return candidates; } };
}
