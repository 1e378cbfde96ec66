// Build and serialize a MiniSearch index in Node (a child process of run.mjs, so its memory is
// its own): node minisearch-build.mjs DOCS.json OUT.json CONFIG_NAME → prints { ms, bytes, docs }.
import { readFileSync, writeFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { CONFIGS, indexOptions } from './minisearch-config.mjs';

const [docsFile, outFile, name] = process.argv.slice(2);
const cfg = CONFIGS.find((c) => c.name === name || c.index === name);
if (!cfg) throw new Error(`unknown MiniSearch config ${name}`);
const docs = JSON.parse(readFileSync(docsFile, 'utf8'));
const t0 = performance.now();
const ms = new MiniSearch(indexOptions(cfg));
ms.addAll(docs);
const json = JSON.stringify(ms);
const elapsed = performance.now() - t0;
writeFileSync(outFile, json);
console.log(JSON.stringify({ ms: elapsed, bytes: Buffer.byteLength(json), docs: docs.length }));
