// adcredit on the shipped content, as a visitor's page uses it: web/dist's public API (a Web
// Worker that fetches adcredit_search_bg.wasm and adcredit.bundle beside adcredit.js).
import { init as start, search as find } from './adcredit.js';

export async function init() {
  await start();
}

export async function search(query, limit) {
  const { results } = await find(query, { limit });
  return results.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet }));
}
