// adcredit on the 10k corpus: the sharded bundle, fetched on demand (web/pkg's wasm-bindgen glue,
// on the page's main thread). Per query: ask which shards the query needs (term shards first,
// then the doc shards of the top hits), fetch them, add them, search.
import initWasm, { addShard, loadMeta, missingShards, search as find } from './adcredit_search.js';

const base = new URL('./shards/', import.meta.url);

async function bytes(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function init() {
  const meta = bytes(new URL('meta.bin', base));
  await initWasm({ module_or_path: new URL('./adcredit_search_bg.wasm', import.meta.url) });
  loadMeta(await meta);
}

export async function search(query, limit) {
  for (let round = 0; round < 4; round++) {
    const keys = missingShards(query, { limit });
    if (!keys.length) break;
    await Promise.all(
      keys.map(async (key) => {
        const dir = key.kind === 'terms' ? 't' : 'd';
        addShard(key, await bytes(new URL(`${dir}/${key.index}.bin`, base)));
      }),
    );
  }
  const { results } = find(query, { limit });
  return results.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet }));
}
