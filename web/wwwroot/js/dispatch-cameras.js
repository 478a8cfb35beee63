// The console's cameras (雪亮): the camera layer with each camera's links, "附近摄像头" under the selected incident (the
// nearest cameras with their distance and stream/snapshot links, opening in a new tab), and the camera dialog: add a
// camera, import a CSV or GeoJSON file.
import { t, tl, onLang, escapeHtml } from './i18n.js';
import { api, fmtDist } from './common.js';
import { cameraLayer, cameraLinks } from './camera-layer.js';

const popup = c => `<b>${escapeHtml(c.name)}</b> <span class="muted">${escapeHtml(c.id)}</span><br>${cameraLinks(c) || escapeHtml(t('cam.noLinks'))}`;

export function cameraConsole({ map, connection, token, toast, failed }) {
  const $ = id => document.getElementById(id);
  const layer = cameraLayer(map, connection, () => token, { popup });
  let incident = null, nearby = [];

  function renderNearby() {
    const box = $('cam-nearby');
    box.hidden = !incident || $('detail').hidden;
    if (!incident) return;
    box.innerHTML = `<h3>${tl('cam.nearby')}</h3>` + (nearby.length === 0 ? `<p class="muted">${tl('cam.noneNear')}</p>`
      : `<ul class="cam-list">${nearby.map(c => `<li data-camera="${escapeHtml(c.id)}"><b>${escapeHtml(c.name)}</b> · ${escapeHtml(fmtDist(c.meters))}
          <div>${cameraLinks(c) || `<span class="muted">${escapeHtml(t('cam.noLinks'))}</span>`}</div></li>`).join('')}</ul>`);
  }

  /** The selected incident changed (null: none). */
  async function near(i) {
    incident = i;
    nearby = [];
    renderNearby();
    if (!i) return;
    try {
      const list = await api(`/api/incidents/${encodeURIComponent(i.id)}/cameras`, { token });
      if (incident?.id === i.id) { nearby = list; renderNearby(); }
    } catch (e) { failed(e); }
  }

  // The dialog: opened from a button on the map.
  const dialog = document.createElement('dialog');
  dialog.className = 'cam-dialog';
  dialog.id = 'cam-dialog';
  document.body.append(dialog);
  function renderDialog() {
    dialog.innerHTML = `<form id="cam-add" method="dialog"><h3>${tl('cam.add')}</h3>
      <label>${tl('cam.name')}<input id="cam-name" required></label>
      <label>${tl('cam.id')}<input id="cam-id" placeholder="${escapeHtml(t('cam.idHint'))}"></label>
      <div class="row"><label>${tl('d.lat')}<input id="cam-lat" type="number" step="any" required></label>
        <label>${tl('d.lon')}<input id="cam-lon" type="number" step="any" required></label></div>
      <label>${tl('cam.streamUrl')}<input id="cam-stream" type="url" placeholder="https://"></label>
      <label>${tl('cam.snapshotUrl')}<input id="cam-snapshot" type="url" placeholder="https://"></label>
      <div class="row"><button class="primary" id="cam-add-submit" value="add">${tl('cam.save')}</button>
        <button id="cam-close" value="close" formnovalidate>${tl('cam.close')}</button></div></form>
      <form id="cam-import"><h3>${tl('cam.import')}</h3><p class="muted">${tl('cam.importHint')}</p>
      <input id="cam-file" type="file" accept=".csv,.geojson,.json,text/csv,application/geo+json" required>
      <button class="primary" id="cam-import-submit">${tl('cam.importGo')}</button><div id="cam-result" class="cam-result"></div></form>`;
  }
  renderDialog();

  function open() {
    const c = map.getCenter();
    renderDialog();
    $('cam-lat').value = c.lat.toFixed(6);
    $('cam-lon').value = c.lng.toFixed(6);
    dialog.showModal();
  }

  dialog.addEventListener('submit', async e => {
    e.preventDefault();
    if (e.submitter?.value === 'close') { dialog.close(); return; }
    if (e.target.id === 'cam-add') await add(); else await importFile();
  });

  async function add() {
    const val = id => $(id).value.trim() || null;
    try {
      const c = await api('/api/cameras', { token, method: 'POST', body: {
        id: val('cam-id'), name: val('cam-name'), lat: Number($('cam-lat').value), lon: Number($('cam-lon').value),
        streamUrl: val('cam-stream'), snapshotUrl: val('cam-snapshot') } });
      dialog.close();
      toast('cam.added', { id: escapeHtml(c.id) });
      layer.reload();
    } catch (err) { failed(err); }
  }

  async function importFile() {
    const file = $('cam-file').files[0];
    if (!file) return;
    const type = /\.(geo)?json$/i.test(file.name) ? 'application/geo+json' : 'text/csv';
    try {
      const response = await fetch('/api/cameras/import', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body: file });
      const r = await response.json();
      if (!response.ok) throw new Error(r.detail ?? `${response.status}`);
      $('cam-result').textContent = `${t('cam.imported', { added: r.added, updated: r.updated, rejected: r.rejectedCount })}\n`
        + r.rejected.map(x => `${t('cam.line', { n: x.line })}: ${x.reason}`).join('\n');
      layer.reload();
    } catch (err) { $('cam-result').textContent = `${t('d.error')}: ${err.message}`; }
  }

  const button = L.DomUtil.create('button', 'cam-manage');
  button.id = 'cam-manage';
  button.type = 'button';
  L.DomEvent.disableClickPropagation(button);
  const Control = L.Control.extend({ onAdd: () => button });
  new Control({ position: 'topright' }).addTo(map);
  const label = () => { button.textContent = t('cam.manage'); };
  button.onclick = open;

  // The nearby list belongs to the incident tab: hidden with it.
  new MutationObserver(renderNearby).observe($('detail'), { attributes: true, attributeFilter: ['hidden'] });
  onLang(() => { label(); renderNearby(); });
  label();
  return { layer, near, get nearby() { return nearby; } };
}
