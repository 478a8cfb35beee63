// The wall's chat-group figures for today (群消息, 群情立案): read every few seconds, as they change slowly.
import { api } from './common.js';

const REFRESH_MS = 10_000;

export function wallIntake(token) {
  const $ = id => document.getElementById(id);
  async function refresh() {
    try {
      const today = await api('/api/intake/today', { token: token() });
      $('kpi-chat-in').textContent = today.messagesIn;
      $('kpi-chat-escalated').textContent = today.escalated;
    } catch { /* the next round tries again; the connection badge shows a lost server */ }
  }
  refresh();
  setInterval(refresh, REFRESH_MS);
}
