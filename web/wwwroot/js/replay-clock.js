// What the replay shows at a moment: where a unit was (between two of its points, in a straight line) and which
// event is the current one. Plain functions of the data, no page state.

/** The unit's position and status at `at` ({lat, lon, status, before}); before its first point it waits there. */
export function positionAt(points, at) {
  if (at <= points[0].t) return { ...points[0], before: at < points[0].t };
  let lo = 0, hi = points.length - 1;
  if (at >= points[hi].t) return points[hi];
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (points[mid].t <= at) lo = mid; else hi = mid; }
  const a = points[lo], b = points[hi], f = (at - a.t) / (b.t - a.t || 1);
  return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f, status: a.status, t: at };
}

/** The index of the last event at or before `at`, or -1. Events are in time order. */
export function currentEvent(events, at) {
  let current = -1;
  for (let n = 0; n < events.length && events[n].at <= at; n++) current = n;
  return current;
}
