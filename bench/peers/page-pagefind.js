// Pagefind through its JS API, as its docs show: import pagefind.js, set options, search, then
// data() for the results shown (title, URL, excerpt; each a fragment fetched by Pagefind).
// The page URL maps back to a content id: /faq/x.html → faq/x, /article/a/b.html → article/a#b
// (Pagefind makes result URLs relative to the folder holding its bundle, this adapter's folder).
let pagefind = null;
const here = new URL('./', import.meta.url).pathname;

export function urlToId(url) {
  let path = decodeURI(new URL(url, location.href).pathname);
  if (path.startsWith(here)) path = path.slice(here.length);
  path = path.replace(/^\/+/, '').replace(/\.html$/, '');
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}#${parts.slice(2).join('/')}` : path;
}

export async function init(params) {
  pagefind = await import(new URL('./pagefind/pagefind.js', import.meta.url).href);
  const ranking = params.get('ranking');
  await pagefind.options({ excerptLength: 30, ...(ranking ? { ranking: JSON.parse(ranking) } : {}) });
  await pagefind.init();
}

export async function search(query, limit) {
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  return data.map((d) => ({ id: urlToId(d.url), title: d.meta?.title ?? '', snippet: d.excerpt }));
}
