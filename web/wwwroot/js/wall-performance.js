// The wall's station ranking (考评排名): the top stations of the last seven city days by closure rate, then median
// response. The wall has no room for another panel, so it takes turns with "today's incidents by type".
import { api, fmtPct, fmtSecs, config } from './common.js';
import { tl, escapeHtml, onLang } from './i18n.js';
import { cityDay } from './performance-figures.js';

const REFRESH_MS = 60_000;
const TURN_MS = 15_000;
const SHOWN = 5;

export function wallPerformance(token) {
  const $ = id => document.getElementById(id);
  let ranking = null;

  function render() {
    if (!ranking) return;
    $('perf-period').textContent = `${ranking.from.slice(5)} – ${ranking.to.slice(5)}`; // the last seven days: the year goes without saying
    $('perf-rank').innerHTML = ranking.stations.slice(0, SHOWN).map(s =>
      `<tr data-station-id="${escapeHtml(s.stationId)}"><td>${s.rank}</td><td class="name">${escapeHtml(s.stationName ?? s.stationId)}</td>
        <td>${fmtPct(s.figures.closureRate)}</td><td>${fmtSecs(s.figures.responseP50Seconds)}</td><td>${s.figures.received}</td></tr>`).join('')
      || `<tr><td class="muted">${tl('perf.nothing')}</td></tr>`;
  }

  async function refresh() {
    try {
      ranking = await api(`/api/stations/performance?from=${cityDay(config.timeZone, 6)}&to=${cityDay(config.timeZone)}`, { token: token() });
      render();
    } catch { /* the next round tries again; the connection badge shows a lost server */ }
  }

  function turn() {
    const showRanking = $('perf-panel').hidden;
    $('perf-panel').hidden = !showRanking;
    $('types-panel').hidden = showRanking;
  }

  $('perf-head').innerHTML = `<th>#</th><th>${tl('perf.station')}</th><th>${tl('perf.closureRate')}</th><th>${tl('perf.wallP50')}</th><th>${tl('perf.wallReceived')}</th>`;
  refresh();
  setInterval(refresh, REFRESH_MS);
  setInterval(turn, TURN_MS);
  onLang(render);
}
