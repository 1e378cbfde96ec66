// MiniSearch's configuration, shared by the Node build (minisearch-build.mjs) and the page
// (page-minisearch.js, bundled with esbuild). The configurations tried on the dev questions; the
// best one is used for the timed runs (its name is in bench/results.md).
import { stemmer } from 'stemmer';

export const FIELDS = ['title', 'tags', 'questions', 'summary', 'body'];
export const STORE = ['title', 'summary'];

// A short English stop list (articles, auxiliaries, pronouns, question words).
const STOP = new Set(
  ('a an and are as at be by can could do does for from has have how i if in into is it its me my ' +
    'of on or our so than that the their them then there these they this to was we what when where ' +
    'which who why will with would you your').split(' '),
);

export function processTerm({ stem, stop }) {
  return (term) => {
    const t = term.toLowerCase();
    if (stop && STOP.has(t)) return null;
    return stem ? stemmer(t) : t;
  };
}

export function indexOptions(cfg) {
  return { idField: 'id', fields: FIELDS, storeFields: STORE, processTerm: processTerm(cfg) };
}

export function searchOptions(cfg) {
  return {
    prefix: true,
    fuzzy: cfg.fuzzy,
    boost: { title: cfg.titleBoost, tags: cfg.tagsBoost, summary: 1.2 },
    combineWith: 'OR',
  };
}

/** The index variants (what changes the serialized index) and the search variants on each. */
export const CONFIGS = [];
for (const stem of [true, false])
  for (const stop of [true, false])
    for (const titleBoost of [2, 3])
      CONFIGS.push({
        name: `${stem ? 'stem' : 'nostem'}-${stop ? 'stop' : 'nostop'}-title${titleBoost}`,
        index: `${stem ? 'stem' : 'nostem'}-${stop ? 'stop' : 'nostop'}`,
        stem, stop, titleBoost, tagsBoost: 1.5, fuzzy: 0.2,
      });

export function describe(cfg) {
  return `prefix: true, fuzzy: ${cfg.fuzzy}, boost title ${cfg.titleBoost} / tags ${cfg.tagsBoost} / summary 1.2, ` +
    `${cfg.stem ? 'Porter stemmer (npm stemmer)' : 'no stemmer'}, ${cfg.stop ? 'English stop words dropped' : 'no stop words'}, ` +
    `fields ${FIELDS.join(' + ')}, stored ${STORE.join(' + ')}`;
}
