// The wasm module in Chromium gives the same JSON as the native binary: every scenario fixture
// (checkPlan vs `adcredit check --json`, suggestPlan vs `adcredit plan --json`), every move fixture (canMove vs `adcredit can-move
// --json`), every dev question (search vs `adcredit ask --json`), and every malformed input of
// tests/malformed/cases.tsv rejects with the exact message the core gives natively — no trap.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { test, expect, ROOT, BIN, native, readJson } from './fixtures.mjs';

const listJson = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];

const scenarios = listJson(join(ROOT, 'tests', 'scenarios'));
const moves = listJson(join(ROOT, 'tests', 'moves'));

// The dev questions and the judged sets of tests/questions/ (in scope and out of scope): the
// browser must rank them and judge `answered` exactly as the CLI does.
const questionsIn = (file) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => l.split('\t')[0].trim())
    : [];
const devQuestions = [
  ...questionsIn(join(ROOT, '..', 'shared', 'eval', 'dev-questions.tsv')),
  ...questionsIn(join(ROOT, 'tests', 'questions', 'questions.tsv')),
  ...questionsIn(join(ROOT, 'tests', 'questions', 'out-of-scope.tsv')),
];

/** tests/malformed/cases.tsv rows whose input is a JS value (bad JSON text cannot reach the wasm). */
const malformed = (() => {
  const file = join(ROOT, 'tests', 'malformed', 'cases.tsv');
  if (!existsSync(file)) return [];
  const rows = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, kind, input, expected] = line.split('\t');
    if (expected === undefined || name === 'name') continue;
    let value;
    try {
      value = JSON.parse(input);
    } catch {
      continue;
    }
    // Inputs JS cannot carry as they are: a number beyond f64 (1e400 becomes Infinity), lone
    // surrogates (re-escaped elsewhere), duplicate keys (JSON.parse keeps the last one).
    if (/\d{17,}|e\d{3}/i.test(input) || /\\ud[89a-f]/i.test(input)) continue;
    if ((JSON.stringify(value).match(/":/g) ?? []).length < (input.match(/"\s*:/g) ?? []).length) continue;
    rows.push({ name, kind, text: input, expected });
  }
  return rows;
})();

/**
 * Move questions in words for `ask` parity: a sample of tests/assistant/moves.tsv (every
 * scenario, at least 30 lines) and a fixed set on the demo scenario and without one.
 */
const askMoves = (() => {
  const demo = join(ROOT, 'web', 'src', 'demo-scenario.json');
  const rows = [
    'Can I move ad credit from us to de?',
    "can the paused account's credit be used anywhere else?",
    "I'm only an analyst, can I hand out the spring grant?",
    'can I allocate 1,200 of ad credit from bc to us?',
    'can I give the German shop $5,000.00 of the q4 promo?',
    'can I allocate -50 of credit from bc to us?',
    'can I allocate 1e3 of credit from bc to us?',
    'move money from the BC to the Austrian account',
    'share the credit line between the US store and Germany',
    'can I give all of the spring grant to the US store?',
  ].map((q) => ({ q, file: demo }));
  for (const q of [
    'can I move ad credit from the German account to the French one?',
    'can cash go from the BC to de?',
    'can I get ad credit back from acc-7 to the business centre?',
  ])
    rows.push({ q, file: null });
  const tsv = join(ROOT, 'tests', 'assistant', 'moves.tsv');
  if (existsSync(tsv)) {
    const lines = readFileSync(tsv, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('scenario\t'))
      .map((l) => l.split('\t'));
    const stride = Math.max(1, Math.floor(lines.length / 40));
    const seen = new Set();
    lines.forEach(([stem, q], i) => {
      if (i % stride !== 0 && seen.has(stem)) return;
      seen.add(stem);
      rows.push({ q, file: stem === '-' ? null : join(ROOT, 'tests', 'assistant', 'scenarios', `${stem}.json`) });
    });
  }
  return rows;
})();

/** Runs the API operation `op` in the page for each item, with the module loaded once (no eval: CSP). */
async function inPage(page, items, op) {
  await page.goto('/');
  return page.evaluate(
    async ({ items, op }) => {
      const m = await import('./adcredit.js');
      await m.init();
      const call = {
        checkPlan: (x) => m.checkPlan(x),
        suggestPlan: (x) => m.suggestPlan(x),
        canMove: (x) => m.canMove(x),
        search: (x) => m.search(x, { limit: 10 }),
        ask: (x) => m.ask(x.q, x.scenario ?? undefined, { limit: 5 }),
        // Passed as text: Playwright cannot hand deeply nested values to the page.
        malformed: (x) => {
          const value = JSON.parse(x.text);
          return x.kind === 'move' ? m.canMove(value) : m.checkPlan(value);
        },
      }[op];
      const out = [];
      for (const x of items) {
        try {
          out.push({ ok: await call(x) });
        } catch (e) {
          out.push({ err: { code: e.code, message: e.message, isError: e instanceof Error } });
        }
      }
      return out;
    },
    { items, op },
  );
}

test.describe('wasm and native agree', () => {
  test.skip(!BIN, 'no native adcredit binary to compare with');

  test('every scenario fixture: checkPlan == adcredit check --json', async ({ page }) => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    const inputs = scenarios.map(readJson);
    const got = await inPage(page, inputs, 'checkPlan');
    let same = 0;
    scenarios.forEach((file, i) => {
      const want = native(['check', '--json', file]).json;
      expect(got[i].ok, basename(file)).toEqual(want);
      same += 1;
    });
    console.log(`wasm parity: ${same}/${scenarios.length} scenario fixtures give identical reports`);
  });

  test('every scenario fixture: suggestPlan == adcredit plan --json', async ({ page }) => {
    const inputs = scenarios.map(readJson);
    const got = await inPage(page, inputs, 'suggestPlan');
    let same = 0;
    scenarios.forEach((file, i) => {
      const want = native(['plan', '--json', file]).json;
      expect(want, `${basename(file)}: adcredit plan --json`).not.toBeNull();
      expect(got[i].ok, basename(file)).toEqual(want);
      same += 1;
    });
    console.log(`wasm parity: ${same}/${scenarios.length} scenario fixtures give identical plans`);
  });

  test('every move fixture: canMove == adcredit can-move --json', async ({ page }) => {
    expect(moves.length).toBeGreaterThanOrEqual(20);
    const inputs = moves.map(readJson);
    const got = await inPage(page, inputs, 'canMove');
    const dir = mkdtempSync(join(tmpdir(), 'adcredit-moves-'));
    let same = 0;
    moves.forEach((file, i) => {
      const q = inputs[i];
      const args = ['can-move', '--json', '--fund', q.fund, '--from', q.from, '--to', q.to];
      if (q.amount !== undefined) args.push(`--amount=${q.amount}`);
      if (q.scenario !== undefined) {
        const sf = join(dir, basename(file));
        writeFileSync(sf, JSON.stringify(q.scenario));
        args.push('--scenario', sf);
      }
      const { status, json } = native(args);
      if (status === 0) {
        expect(got[i].ok, basename(file)).toEqual(json);
      } else {
        // The CLI rejected it as bad input: the wasm must reject it too.
        expect(got[i].err?.code, basename(file)).toBe('input');
      }
      same += 1;
    });
    console.log(`wasm parity: ${same}/${moves.length} move fixtures give identical verdicts`);
  });

  test('every dev and judged question: search == adcredit ask --json (ids, order, scores, snippets, answered)', async ({ page }) => {
    test.setTimeout(300_000);
    expect(devQuestions.length).toBeGreaterThan(0);
    const got = await inPage(page, devQuestions, 'search');
    devQuestions.forEach((q, i) => {
      // `ask` also answers move questions from the rules alone; `search` is the results part.
      const { verdict, needs, asks_for, choices, notes, ...want } = native(['ask', '--json', '--limit', '10', '--index', join(ROOT, 'index'), q]).json;
      expect(got[i].ok, q).toEqual(want);
    });
    console.log(`wasm parity: ${devQuestions.length}/${devQuestions.length} dev and judged questions give identical results`);
  });

  test('move questions in words: ask == adcredit ask --json [--scenario] (verdicts, questions back, candidates)', async ({ page }) => {
    expect(askMoves.length).toBeGreaterThanOrEqual(13);
    const got = await inPage(
      page,
      askMoves.map(({ q, file }) => ({ q, scenario: file ? readJson(file) : null })),
      'ask',
    );
    const kinds = new Map();
    askMoves.forEach(({ q, file }, i) => {
      const args = ['ask', '--json', '--limit', '5', '--index', join(ROOT, 'index')];
      if (file) args.push('--scenario', file);
      const want = native([...args, q]).json;
      // Scores agree to 1e-4 (the last f32 digit may differ between wasm and native); the
      // move part and everything else exactly.
      const round = (a) => ({ ...a, results: a.results.map((r) => ({ ...r, score: Math.round(r.score * 1e4) / 1e4 })) });
      expect(round(got[i].ok), `${file ? basename(file) : '-'}: ${q}`).toEqual(round(want));
      const kind = want.verdict ? 'verdict' : want.needs ? 'needs' : 'none';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    });
    console.log(`wasm parity: ${askMoves.length}/${askMoves.length} move questions give identical answers (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`);
  });

  test('the malformed-input table rejects in wasm with the native message, never a trap', async ({ page }) => {
    test.setTimeout(180_000);
    expect(malformed.length).toBeGreaterThanOrEqual(30);
    const got = await inPage(
      page,
      malformed.map((r) => ({ kind: r.kind, text: r.text })),
      'malformed',
    );
    const wrong = [];
    malformed.forEach((r, i) => {
      const e = got[i].err;
      if (!e || !e.isError || e.code !== 'input' || e.message !== r.expected)
        wrong.push(`${r.name}: want ${JSON.stringify(r.expected)}, got ${JSON.stringify(got[i])}`);
    });
    console.log(`wasm malformed inputs: ${malformed.length - wrong.length}/${malformed.length} rejected with the native message`);
    expect(wrong).toEqual([]);
  });
});
