// The 1-3-5 minute coverage (快速反应 1、3、5分钟) on the wall: each cell shaded by how fast its fastest available unit
// reaches its centre (the `coverage` of the cells' loads), uncovered cells in red, and the share of cells covered
// within 1, 3 and 5 minutes. Drawn at every zoom, in a pane of its own between the cells and the units; a toggle
// shows or hides it (remembered in the browser). Hidden, its polygons are off the map: a pan or zoom redraws none of them.
import { t, tl, onLang } from './i18n.js';

const BANDS = [
  { key: 'cov.band1', upTo: 60, colour: '#16a34a' },
  { key: 'cov.band3', upTo: 180, colour: '#eab308' },
  { key: 'cov.band5', upTo: 300, colour: '#f97316' },
];
const UNCOVERED = '#dc2626';

const bandOf = coverage => coverage ? BANDS.find(b => coverage.etaSeconds <= b.upTo) ?? null : null;

/**
 * Draws the coverage of `cellList` (the /api/cells layout) on `map`; create it before the units' layer so units stay
 * on top. Feed it every cell load with apply(); reset() before a snapshot's loads.
 */
export function coverageLayer(map, cellList) {
  const pane = map.createPane('coverage', map.getPane('overlayPane'));
  pane.style.pointerEvents = 'none';
  const renderer = L.canvas({ pane: 'coverage', padding: 0.2 });
  const polygons = new Map(); // cellId → polygon
  const etas = new Map();     // cellId → { etaSeconds, unitId } of a covered cell
  const layer = L.layerGroup();
  for (const cell of cellList)
    polygons.set(cell.id, L.polygon(cell.polygon, { renderer, stroke: false, fillColor: UNCOVERED, fillOpacity: 0.5, interactive: false }).addTo(layer));

  let shown = localStorage.getItem('gc.coverage') === 'on';
  const toggle = document.getElementById('cov-toggle');

  function shade(id) {
    const polygon = polygons.get(id);
    const fillColor = bandOf(etas.get(id))?.colour ?? UNCOVERED;
    if (polygon && polygon.options.fillColor !== fillColor) polygon.setStyle({ fillColor });
  }

  function shares() {
    const n = polygons.size || 1;
    const within = s => [...etas.values()].filter(c => c.etaSeconds <= s).length / n;
    return { 1: within(60), 3: within(180), 5: within(300) };
  }

  function renderPanel() {
    const s = shares();
    for (const m of [1, 3, 5]) document.getElementById(`cov-${m}`).textContent = `${(s[m] * 100).toFixed(1)}%`;
    document.getElementById('cov-uncovered').textContent = String(polygons.size - [...etas.values()].filter(c => c.etaSeconds <= 300).length);
  }

  function show(on) {
    shown = on;
    localStorage.setItem('gc.coverage', on ? 'on' : 'off');
    if (on) layer.addTo(map); else layer.remove();
    document.body.dataset.coverage = on ? 'on' : 'off';
    toggle.textContent = t(on ? 'cov.hide' : 'cov.show');
  }

  function legend() {
    document.getElementById('cov-legend').innerHTML =
      BANDS.map(b => `<span><i style="background:${b.colour}"></i>${tl(b.key)}</span>`).join('') +
      `<span><i style="background:${UNCOVERED}"></i>${tl('cov.uncoveredBand')}</span>`;
  }

  let dirty = false;
  setInterval(() => { if (dirty) { dirty = false; renderPanel(); } }, 500);

  toggle.addEventListener('click', () => show(!shown));
  onLang(() => { show(shown); legend(); });
  show(shown);
  legend();
  renderPanel();

  return {
    /** Cell loads from a snapshot or a `cells` message: each carries its coverage (null: nobody within 5 minutes). */
    apply(loads) {
      for (const load of loads) {
        if (load.coverage) etas.set(load.cellId, load.coverage); else etas.delete(load.cellId);
        shade(load.cellId);
      }
      dirty = true;
    },
    /** A snapshot follows with every cell's load: forget what the last connection said. */
    reset() {
      etas.clear();
      for (const id of polygons.keys()) shade(id);
      dirty = true;
    },
    shares,
    etaOf: id => etas.get(id) ?? null,
    colourOf: id => polygons.get(id)?.options.fillColor ?? null,
  };
}
