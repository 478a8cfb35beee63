// Check-ins (微警通打卡) as the screens list them: the cell view's "check-ins" list and the map layer's tooltips. Photos
// are for staff: fetched with the staff token and shown as a data: URL (an <img> cannot send a bearer token).
import { t, escapeHtml } from './i18n.js';
import { fmtTime, staffSession } from './common.js';

export const CATEGORY_COLOURS = { 'patrol-stop': '#22d3ee', visit: '#a78bfa', inspection: '#f472b6' };

const mayOpenPhotos = () => staffSession()?.role !== 'wall';

/** One line per check-in: category, unit, time, the note (staff only: the wall's come without) and a photo button. */
export function checkinItems(list) {
  if (!list.length) return `<li class="muted">${t('cv.none')}</li>`;
  return list.map(c => `<li data-checkin="${escapeHtml(c.id)}">${checkinText(c)}` +
    (c.photoType && mayOpenPhotos() ? ` <button type="button" class="ci-photo-open" data-photo="${escapeHtml(c.id)}">${t('ci.viewPhoto')}</button>` : '') +
    '</li>').join('');
}

/** What a check-in says, as HTML: "巡逻打卡 王华 10:15 · note". */
export function checkinText(c) {
  return `<b style="color:${CATEGORY_COLOURS[c.category]}">${t(`ci.cat.${c.category}`)}</b> ${escapeHtml(c.unitName)} ` +
    `<span class="muted">${fmtTime(c.at)}</span>${c.note ? ` · ${escapeHtml(c.note)}` : ''}`;
}

/** Makes the photo buttons under `root` show their photo in place. */
export function wirePhotos(root, tokenOf) {
  for (const button of root?.querySelectorAll('[data-photo]') ?? []) {
    button.onclick = async e => {
      e.stopPropagation();
      const response = await fetch(`/api/checkins/${encodeURIComponent(button.dataset.photo)}/photo`, { headers: { Authorization: `Bearer ${tokenOf()}` } });
      if (!response.ok) { button.textContent = t('ci.photoFailed'); return; }
      const img = document.createElement('img');
      img.className = 'ci-photo';
      img.alt = t('ci.photo');
      img.src = await dataUrl(await response.blob());
      button.replaceWith(img);
    };
  }
}

const dataUrl = blob => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(reader.result);
  reader.onerror = reject;
  reader.readAsDataURL(blob);
});
