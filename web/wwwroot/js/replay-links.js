// Links from the consoles to the replay page (/replay): an incident's, and the area a map shows.

/** The widest box and longest window an area replay takes (the server refuses more: ReplayWindow). */
const HALF_BOX_DEGREES = 0.045;
const AREA_MINUTES = 15;

export const incidentReplayHref = id => `/replay?incident=${encodeURIComponent(id)}`;

/** The last 15 minutes of the middle of what the map shows (at most the widest box the server takes). */
export function areaReplayHref(map) {
  const b = map.getBounds(), c = b.getCenter();
  const halfLat = Math.min(HALF_BOX_DEGREES, (b.getNorth() - b.getSouth()) / 2), halfLon = Math.min(HALF_BOX_DEGREES, (b.getEast() - b.getWest()) / 2);
  const to = new Date(), from = new Date(to.getTime() - AREA_MINUTES * 60_000);
  const r = v => v.toFixed(5);
  return `/replay?south=${r(c.lat - halfLat)}&west=${r(c.lng - halfLon)}&north=${r(c.lat + halfLat)}&east=${r(c.lng + halfLon)}` +
    `&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
}

/** Keeps a link pointing at the area replay of what the map shows, its window ending when it is followed. */
export function wireAreaReplayLink(link, map) {
  const update = () => { link.href = areaReplayHref(map); };
  map.on('moveend', update);
  link.addEventListener('pointerdown', update);
  link.addEventListener('focus', update);
  update();
}
