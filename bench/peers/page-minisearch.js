// MiniSearch in the page: the index built and serialized in Node (index.json beside the page),
// loaded with MiniSearch.loadJSON and the same options; results carry the stored title and summary.
// Bundled by the runner with esbuild (minified, with minisearch and stemmer) into adapter.js.
import MiniSearch from 'minisearch';
import { CONFIGS, indexOptions, searchOptions } from './minisearch-config.mjs';

/* global __MS_CONFIG__ */
let ms = null;
let opts = null;

export async function init(params) {
  const cfg = CONFIGS.find((c) => c.name === (params.get('config') ?? __MS_CONFIG__));
  const res = await fetch(new URL(`./${params.get('config') ? `index-${cfg.index}` : 'index'}.json`, import.meta.url));
  ms = MiniSearch.loadJSON(await res.text(), indexOptions(cfg));
  opts = searchOptions(cfg);
}

export async function search(query, limit) {
  return ms.search(query, opts).slice(0, limit).map((r) => ({ id: r.id, title: r.title, snippet: r.summary }));
}
