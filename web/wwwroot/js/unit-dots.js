// Thousands of units on one canvas, drawn as dots batched by style: one path, one fill and one stroke per style rather
// than per unit. Leaflet's own circle markers cost a fill and a stroke each, which at a district's thousands of units
// moving made frames far longer than 50 ms.

/**
 * A Leaflet canvas renderer that draws the units of `entries` (a Map of {u} with u.lat and u.lon) in the style
 * `styleOf(u)` gives ({key, radius, weight, color, fillColor, opacity, fillOpacity}; equal keys, equal styles).
 * Call redraw() after changing the entries: the dots are drawn again on the next animation frame.
 */
export const UnitDots = L.Canvas.extend({
  initialize(entries, styleOf, options) {
    L.Canvas.prototype.initialize.call(this, options);
    this._entries = entries;
    this._styleOf = styleOf;
  },

  redraw() {
    if (this._map) this._redrawRequest ??= L.Util.requestAnimFrame(this._redraw, this);
    return this;
  },

  /** The unit drawn nearest to a point of the map's container, within maxPx, or null. */
  nearest(point, maxPx) {
    let best = null, bestDistance = maxPx;
    for (const { u } of this._entries.values()) {
      const distance = this._map.latLngToContainerPoint([u.lat, u.lon]).distanceTo(point);
      if (distance <= bestDistance) { best = u; bestDistance = distance; }
    }
    return best;
  },

  // Leaflet calls these after the view moved or zoomed: there are no path layers, only the dots.
  _updatePaths() {
    if (!this._postponeUpdatePaths) this._redraw();
  },

  _draw() {
    const ctx = this._ctx, groups = new Map();
    for (const { u } of this._entries.values()) {
      const style = this._styleOf(u);
      let group = groups.get(style.key);
      if (!group) groups.set(style.key, group = { style, points: [] });
      group.points.push(this._map.latLngToLayerPoint([u.lat, u.lon]));
    }
    for (const { style, points } of groups.values()) {
      ctx.beginPath();
      for (const p of points) {
        ctx.moveTo(p.x + style.radius, p.y);
        ctx.arc(p.x, p.y, style.radius, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = style.fillOpacity;
      ctx.fillStyle = style.fillColor;
      ctx.fill();
      ctx.globalAlpha = style.opacity;
      ctx.lineWidth = style.weight;
      ctx.strokeStyle = style.color;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  },
});
