// The stations' performance figures as the station page and the wall's ranking show them: one list, one format each.
import { fmtPct, fmtSecs } from './common.js';

const count = n => String(n ?? 0);

/** Each figure of a row (PerformanceFigures): its property, its label key, how it is shown. */
export const FIGURES = [
  { key: 'received', label: 'perf.received', fmt: count },
  { key: 'handled', label: 'perf.handled', fmt: count },
  { key: 'closureRate', label: 'perf.closureRate', fmt: fmtPct },
  { key: 'responseP50Seconds', label: 'perf.p50', fmt: fmtSecs },
  { key: 'responseP90Seconds', label: 'perf.p90', fmt: fmtSecs },
  { key: 'repeatCallRate', label: 'perf.repeatCallRate', fmt: fmtPct },
  { key: 'diversionRate', label: 'perf.diversionRate', fmt: fmtPct },
  { key: 'neighboursFirstRate', label: 'perf.neighboursFirst', fmt: fmtPct },
  { key: 'checkins', label: 'perf.checkins', fmt: count },
];

/** A city day as yyyy-MM-dd, `days` before today in the city's zone. */
export function cityDay(timeZone, days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() - days * 86_400_000));
}
