// Simulate: the visitor's Business Center, accounts and allocation lines in an editable form;
// findings, the after-state and the manual steps update live. Values stay the strings the
// visitor typed; nothing leaves the browser.
import { h, fill, debounce } from './dom.js';
import { strings as S } from './strings.js';
import { findingItem, errorPath, markField, clearMarks } from './views.js';
import * as sc from './scenario.js';

// Optional fields: an empty box means "not given", not an empty string.
const OPTIONAL = new Set(['planned_spend', 'expires', 'name']);
const str = (v) => {
  if (v == null) return '';
  if (typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return '…'; // nested too deep to show; the check names where
  }
};
// Long lists show this many rows at first, then more on request: a 1,000-account scenario
// must not build 1,000 rows of inputs (nor 1,000 × 1,000 <option>s) before the first paint.
const PAGE = 50;
// A <select> with more choices than this gets them when it is first focused or clicked.
const EAGER = 30;
// Rows the check can leave out when they cannot be read: [array path, what the row is].
const ROWS = /^(accounts|allocations|business_center\.ad_credits)\[(\d+)\]/;
const keys = (path) => path.match(/[^.[\]]+/g).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
const fid = (path) => 'f-' + path.replace(/[^\w-]/g, '_');

function setPath(obj, path, value) {
  const ks = keys(path);
  const last = ks.pop();
  let o = obj;
  for (const k of ks) o = o[k];
  if (value === '' && OPTIONAL.has(last)) delete o[last];
  else o[last] = value;
}

export function simulatePart(ctx) {
  let s = sc.demoScenario();
  let report = null;
  let seq = 0;
  let allocFs = null;
  let dirty = false; // a save is pending
  // Rows shown per table path (the first `limit`, plus rows pinned because they were added or
  // an error points at them), and items shown per report list.
  const limits = new Map();
  const pinned = new Map();
  const shownOf = (key) => limits.get(key) ?? PAGE;
  // What the form shows marked: input errors and finding severities (kept for re-renders).
  let marks = { errors: [], findings: [] };

  const form = h('form', { novalidate: true, 'aria-label': S.tabSimulate, onsubmit: (ev) => ev.preventDefault() });
  const summary = h('p', { role: 'status', 'data-part': 'plan-status' });
  const out = h('div', { 'data-part': 'report', 'data-state': 'checking' });
  const share = h('div', { class: 'share', hidden: true });
  const note = h('p', { class: 'muted', role: 'status', 'data-part': 'sim-note' });
  const keptBox = h('div', { class: 'kept', 'data-part': 'kept', hidden: true });
  const asideBox = h('div', { class: 'kept', 'data-part': 'set-aside', hidden: true });
  const file = h('input', { type: 'file', accept: 'application/json,.json', hidden: true, tabindex: '-1', 'aria-hidden': 'true' });

  const button = (label, onclick, cls) => h('button', { type: 'button', class: cls, onclick }, label);
  const tools = h(
    'div',
    { class: 'tools', role: 'group', 'aria-label': S.scenarioTools },
    button(S.shareLink, copyLink, 'primary'),
    button(S.importJson, () => file.click()),
    button(S.exportJson, () => sc.download('adcredit-scenario.json', 'application/json', JSON.stringify(s, null, 2) + '\n')),
    button(S.exportCsv, () => sc.download('adcredit-steps.csv', 'text/csv', sc.stepsCsv(S.csvHeader, report?.steps ?? []))),
    button(S.loadDemo, () => replace(sc.demoScenario())),
    button(S.clear, () => {
      saveLater.cancel();
      dirty = false;
      sc.forget(ctx.storageKey);
      replace(sc.emptyScenario(), false);
      note.textContent = S.cleared;
    }),
  );

  /** The other scenarios kept in this browser, each with a button to switch to it. */
  function renderKept() {
    const list = sc.kept(ctx.storageKey);
    keptBox.hidden = !list.length;
    fill(
      keptBox,
      h('h3', null, S.keptTitle),
      h(
        'ul',
        null,
        list.map((k, i) => {
          const desc = S.keptItem(k);
          return h(
            'li',
            null,
            desc,
            ' ',
            h('button', { type: 'button', 'aria-label': S.keptSwitchLabel(desc), onclick: () => switchTo(i) }, S.keptSwitch),
            ' ',
            h('button', { type: 'button', 'aria-label': S.keptForgetLabel(desc), onclick: () => (sc.unkeep(ctx.storageKey, i), renderKept()) }, S.keptForget),
          );
        }),
      ),
    );
  }

  function switchTo(i) {
    flush();
    const next = sc.switchTo(ctx.storageKey, i, s);
    if (!next) return;
    replace(next, false);
    renderKept();
    note.textContent = S.switched;
  }

  /** A saved scenario that could not be read: offered for download until discarded. */
  function renderSetAside() {
    const text = sc.setAside(ctx.storageKey);
    asideBox.hidden = !text;
    if (!text) return;
    fill(
      asideBox,
      h('p', null, S.setAsideNote, ' ',
        button(S.setAsideDownload, () => sc.download('adcredit-unreadable-scenario.json', 'application/json', text)), ' ',
        button(S.setAsideDiscard, () => (sc.dropSetAside(ctx.storageKey), renderSetAside()))),
    );
  }

  // The suggested plan and the plan as a picture live in adcredit-plan.js, imported when the
  // part is first shown (with the rules module), so the first answer never downloads them.
  const planSlot = h('div');
  let planView = null;
  const withPlan = (fn) =>
    (planView ??= import(ctx.api.assetUrl('./adcredit-plan.js')).then((m) =>
      m.planView({ ctx, strings: S, slot: planSlot, scenario: () => s, setAllocations }),
    )).then(fn, ctx.fail);
  function setAllocations(lines) {
    s.allocations = lines;
    renderForm();
    changed();
  }

  const el = h(
    'div',
    { class: 'simulate' },
    h('p', { class: 'muted' }, S.simIntro),
    tools,
    share,
    note,
    asideBox,
    keptBox,
    file,
    form,
    planSlot,
    h('div', { class: 'results' }, h('h3', null, S.findings), summary, out),
  );

  // ---- the form ----
  function field(label, path, props = {}) {
    const v = path.split('.').reduce((o, k) => o?.[k], s);
    return h('div', null, h('label', { for: fid(path) }, label), h('input', { id: fid(path), 'data-path': path, value: str(v), ...props }));
  }

  /**
   * A <select> of `options` ({ value: text }, or a function giving them). Long lists are
   * filled when the select is first focused or pressed: until then it holds only its value.
   */
  function select(path, value, options, label) {
    const all = () => {
      const o = typeof options === 'function' ? options() : options;
      const opts = Object.entries(o);
      if (!Object.hasOwn(o, str(value))) opts.push([str(value), str(value)]); // keep what was there
      return opts.map(([v, text]) => h('option', { value: v }, text));
    };
    const o = typeof options === 'function' ? options() : options;
    if (Object.keys(o).length <= EAGER)
      return h('select', { id: fid(path), 'data-path': path, 'aria-label': label, value: str(value) }, all());
    const current = Object.hasOwn(o, str(value)) ? o[str(value)] : str(value);
    const el = h('select', { id: fid(path), 'data-path': path, 'aria-label': label, 'data-lazy': true, value: str(value) }, h('option', { value: str(value) }, current));
    const full = () => {
      if (!el.hasAttribute('data-lazy')) return;
      el.removeAttribute('data-lazy');
      const v = el.value;
      el.replaceChildren(...all());
      el.value = v;
    };
    for (const ev of ['focus', 'pointerdown', 'mousedown', 'keydown']) el.addEventListener(ev, full);
    return el;
  }

  function cell(kind, path, value, label, extra = {}) {
    if (kind === 'check')
      return h('td', null, h('input', { type: 'checkbox', 'data-path': path, 'aria-label': label, checked: value === true }));
    return h('td', null, h('input', { 'data-path': path, 'aria-label': label, value: str(value), ...extra }));
  }

  const money = { inputmode: 'decimal', autocomplete: 'off' };
  const list = (v) => (Array.isArray(v) ? v : []);

  /** A fieldset with an editable table; `rows[i](label)` gives row i's cells. */
  function table(name, path, cols, rows, addLabel, add) {
    const limit = shownOf(path);
    const pins = pinned.get(path) ?? new Set();
    const body = [];
    rows.forEach((row, i) => {
      if (i >= limit && !pins.has(i)) return;
      const label = (c) => `${c} (${name} ${i + 1})`;
      const remove = h('button', { type: 'button', 'aria-label': S.removeRow(`${name} ${i + 1}`), onclick: () => removeRow(path, i) }, S.remove);
      // Each cell names its column, for the narrow layout where every row is a card.
      const cells = row(label).map((td, j) => (td.setAttribute('data-label', cols[j]), td));
      body.push(h('tr', { 'data-row': i }, cells, h('td', null, remove)));
    });
    const more =
      rows.length > limit &&
      h('p', null, button(S.showMore(body.length, rows.length), () => {
        limits.set(path, limit + PAGE);
        renderForm(`${path}[${limit}].${Object.keys(rowsAt(path)[limit] ?? {})[0] ?? 'id'}`);
      }));
    const head = h('tr', null, cols.map((c) => h('th', { scope: 'col' }, c)), h('th', null, h('span', { class: 'visually-hidden' }, S.remove)));
    return h(
      'fieldset',
      null,
      h('legend', null, name),
      h(
        'div',
        { class: 'scroll cards', 'data-path': path, role: 'region', tabindex: '0', 'aria-label': name },
        h('table', null, h('thead', null, head), h('tbody', null, body)),
      ),
      more,
      h('p', null, button(addLabel, add)),
    );
  }

  function allocations(creditIds, accountIds) {
    return table(
      S.allocLegend,
      'allocations',
      [S.credit, S.account, S.amount],
      list(s.allocations).map((x, i) => (l) => [
        h('td', null, select(`allocations[${i}].credit`, x?.credit, creditIds, l(S.credit))),
        h('td', null, select(`allocations[${i}].account`, x?.account, accountIds, l(S.account))),
        cell('text', `allocations[${i}].amount`, x?.amount, l(S.amount), money),
      ]),
      S.addAllocation,
      () => addRow('allocations', sc.newAllocation(s)),
    );
  }

  function choices() {
    const ids = (rows, name) => Object.fromEntries(list(rows).map((r) => [str(r?.id), name(r)]));
    return [
      ids(s.business_center.ad_credits, (c) => str(c?.id)),
      ids(s.accounts, (a) => (a?.name ? `${a.name} (${a.id})` : str(a?.id))),
    ];
  }

  function renderForm(focusPath) {
    const bc = s.business_center;
    const credits = list(bc.ad_credits);
    const accounts = list(s.accounts);
    const [creditIds, accountIds] = choices();
    fill(
      form,
      h(
        'fieldset',
        null,
        h('legend', null, S.bcLegend),
        h(
          'div',
          { class: 'grid' },
          field(S.today, 'today', { type: 'date' }),
          h('div', null, h('label', { for: fid('actor_role') }, S.role), select('actor_role', s.actor_role, S.roles)),
          field(S.entity, 'business_center.entity'),
          field(S.currency, 'business_center.currency', { autocomplete: 'off' }),
          field(S.cash, 'business_center.cash_balance', money),
          field(S.creditLine, 'business_center.credit_line', money),
        ),
      ),
      table(S.creditsLegend, 'business_center.ad_credits', [S.creditId, S.amount, S.expires], credits.map((c, i) => (l) => [
        cell('text', `business_center.ad_credits[${i}].id`, c?.id, l(S.creditId)),
        cell('text', `business_center.ad_credits[${i}].amount`, c?.amount, l(S.amount), money),
        cell('text', `business_center.ad_credits[${i}].expires`, c?.expires, l(S.expires), { type: 'date' }),
      ]), S.addCredit, () => addRow('business_center.ad_credits', sc.newCredit(credits.length + 1))),
      table(
        S.accountsLegend,
        'accounts',
        [S.accountId, S.accountName, S.entity, S.currency, S.status, S.portfolio, S.creditBalance, S.cashBalance, S.plannedSpend],
        accounts.map((a, i) => (l) => {
          const p = `accounts[${i}]`;
          return [
            cell('text', `${p}.id`, a?.id, l(S.accountId)),
            cell('text', `${p}.name`, a?.name, l(S.accountName)),
            cell('text', `${p}.entity`, a?.entity, l(S.entity)),
            cell('text', `${p}.currency`, a?.currency, l(S.currency)),
            h('td', null, select(`${p}.status`, a?.status, S.statuses, l(S.status))),
            cell('check', `${p}.in_payment_portfolio`, a?.in_payment_portfolio, l(S.portfolio)),
            cell('text', `${p}.ad_credit_balance`, a?.ad_credit_balance, l(S.creditBalance), money),
            cell('text', `${p}.cash_balance`, a?.cash_balance, l(S.cashBalance), money),
            cell('text', `${p}.planned_spend`, a?.planned_spend, l(S.plannedSpend), money),
          ];
        }),
        S.addAccount,
        () => addRow('accounts', sc.newAccount(accounts.length + 1, bc)),
      ),
      allocFs = allocations(creditIds, accountIds),
    );
    markAll(); // what the last check found, on the fields just built
    if (focusPath) form.querySelector(`[data-path="${CSS.escape(focusPath)}"]`)?.focus();
  }

  function rowsAt(path) {
    const ks = keys(path);
    let o = s;
    for (const k of ks.slice(0, -1)) o = o[k];
    const last = ks[ks.length - 1];
    if (!Array.isArray(o[last])) o[last] = [];
    return o[last];
  }

  function addRow(path, row) {
    const rows = rowsAt(path);
    rows.push(row);
    pin(path, rows.length - 1);
    changed();
    renderForm(`${path}[${rows.length - 1}].${Object.keys(row)[0]}`);
  }

  function removeRow(path, i) {
    rowsAt(path).splice(i, 1);
    pinned.delete(path); // indices moved
    changed();
    renderForm();
    const buttons = form.querySelector(`[data-path="${CSS.escape(path)}"]`)?.closest('fieldset')?.querySelectorAll('p > button');
    buttons?.[buttons.length - 1]?.focus(); // "Add …"
  }

  /** Shows row `i` of the table at `path` even when it is past the rows shown. */
  function pin(path, i) {
    if (!pinned.has(path)) pinned.set(path, new Set());
    pinned.get(path).add(i);
  }

  /** Shows the field at `path` (rendering its row if it was not shown) and focuses it. */
  function reveal(path) {
    const m = ROWS.exec(path);
    if (m && !form.querySelector(`[data-path="${CSS.escape(path)}"]`)) {
      pin(m[1], Number(m[2]));
      renderForm();
    }
    let p = path;
    while (p && !form.querySelector(`[data-path="${CSS.escape(p)}"]`)) p = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    form.querySelector(`[data-path="${CSS.escape(p || path)}"]`)?.focus();
  }

  form.addEventListener('input', (ev) => {
    const t = ev.target;
    if (!t.dataset.path) return;
    try {
      setPath(s, t.dataset.path, t.type === 'checkbox' ? t.checked : t.value);
    } catch {
      return; // the scenario's shape at that path is not what the form shows: ignore
    }
    changed();
  });
  form.addEventListener('change', (ev) => {
    // A renamed credit or account changes the choices of the allocation lines.
    const p = ev.target.dataset.path || '';
    if (!/\.(id|name)$/.test(p) || p.startsWith('allocations')) return;
    const fresh = allocations(...choices());
    allocFs.replaceWith(fresh);
    allocFs = fresh;
    markAll();
  });

  // ---- checking and the report ----
  // Checks wait until the part is first shown: the rules module is fetched only then, so a
  // visitor who only asks a question downloads the search module alone.
  let shown = false;
  let stale = false;
  const checkNow = debounce(async () => {
    const n = ++seq;
    out.setAttribute('data-state', 'checking');
    try {
      const r = await checkRest(s, () => n !== seq);
      if (n === seq) showReport(r.report, r.skipped);
    } catch (e) {
      if (n !== seq || e.superseded) return;
      if (e.code === 'input') showInputError(e, e.skipped ?? []);
      else ctx.fail(e);
    }
  }, 120);
  const check = () => (shown ? checkNow() : (stale = true));
  check.now = () => (shown ? checkNow.now() : ((stale = true), Promise.resolve()));

  const saveLater = debounce(() => {
    dirty = false;
    sc.save(ctx.storageKey, s);
  }, 300);

  /** Writes a pending save at once (the page is being hidden or left). */
  function flush() {
    if (dirty) saveLater.now();
  }

  function changed() {
    dirty = true;
    saveLater();
    check();
    share.hidden = true;
    note.textContent = '';
  }

  /**
   * Checks `scenario`; when an input error points into one row (an account, a credit, an
   * allocation line), checks again without that row — and without the lines that draw on a
   * left-out account or credit — so a row still being typed never hides the report of the
   * rest. Resolves to `{ report, skipped }` with paths and line numbers of the scenario as
   * shown; rejects with the input error (carrying `skipped`) when it is not in a row.
   */
  async function checkRest(scenario, superseded) {
    const out = new Map([['accounts', new Set()], ['allocations', new Set()], ['business_center.ad_credits', new Set()]]);
    const skipped = [];
    const get = (path) => (path === 'business_center.ad_credits' ? scenario.business_center?.ad_credits : scenario[path]);
    // Index in the trial scenario → index in the scenario shown.
    const original = (path, i) => {
      const rows = list(get(path));
      for (let k = 0, seen = -1; k < rows.length; k++) if (!out.get(path).has(k) && ++seen === i) return k;
      return i;
    };
    const toShown = (p) => (typeof p === 'string' ? p.replace(ROWS, (_, path, i) => `${path}[${original(path, Number(i))}]`) : p);
    for (let round = 0; ; round++) {
      let trial = scenario;
      if (skipped.length) {
        trial = { ...scenario, business_center: { ...scenario.business_center } };
        for (const [path, gone] of out) {
          const rows = get(path);
          if (!Array.isArray(rows) || !gone.size) continue;
          const kept = rows.filter((_, k) => !gone.has(k));
          if (path === 'business_center.ad_credits') trial.business_center.ad_credits = kept;
          else trial[path] = kept;
        }
      }
      try {
        const report = await ctx.api.checkPlan(trial);
        if (!skipped.length) return { report, skipped };
        const mapped = structuredClone(report);
        for (const f of list(mapped.findings)) {
          if (f.path) f.path = toShown(f.path);
          if (Number.isInteger(f.allocation)) f.allocation = original('allocations', f.allocation);
          if (f.message) f.message = toShown(f.message);
        }
        for (const st of list(mapped.steps)) if (Number.isInteger(st.allocation)) st.allocation = original('allocations', st.allocation);
        return { report: mapped, skipped };
      } catch (e) {
        if (superseded()) throw Object.assign(e, { superseded: true });
        const at = errorPath(e);
        const shownPath = toShown(at);
        const where = e.code === 'input' && ROWS.exec(shownPath);
        if (!where || round >= 50) {
          if (skipped.length && at && e.message.startsWith(at)) e.message = shownPath + e.message.slice(at.length);
          throw Object.assign(e, { skipped, path: shownPath });
        }
        const [, path, i] = where;
        const row = Number(i);
        const message = at && e.message.startsWith(at) ? shownPath + e.message.slice(at.length) : e.message;
        out.get(path).add(row);
        skipped.push({ path: shownPath, message });
        // Lines that draw on a left-out account or credit wait for it.
        const id = list(get(path))[row]?.id;
        const by = path === 'accounts' ? 'account' : path === 'business_center.ad_credits' ? 'credit' : null;
        if (by && typeof id === 'string')
          list(scenario.allocations).forEach((x, k) => {
            if (x?.[by] === id && !out.get('allocations').has(k)) {
              out.get('allocations').add(k);
              skipped.push({ path: `allocations[${k}]`, waits: `${path}[${row}]` });
            }
          });
      }
    }
  }

  /** Removes the marks of the last report or input error from the form. */
  function unmark() {
    clearMarks(form);
    for (const f of form.querySelectorAll('[data-severity]')) f.removeAttribute('data-severity');
  }

  function markAll() {
    unmark();
    for (const x of marks.errors) markField(form, x.path, x.message);
    for (const f of marks.findings) if (f.path) form.querySelector(`[data-path="${CSS.escape(f.path)}"]`)?.setAttribute('data-severity', f.severity);
  }

  /** One input error as an alert, with a button that goes to its field. */
  function errorItem(path, message) {
    return h(
      'p',
      { class: 'err', role: 'alert', 'data-input-error': path },
      message,
      ' ',
      h('button', { type: 'button', 'aria-label': S.goToField, onclick: () => reveal(path) }, '→'),
    );
  }

  function showInputError(e, skipped) {
    const path = errorPath(e);
    const errors = skipped.filter((x) => x.message);
    report = null;
    marks = { errors: [...errors, { path, message: e.message }], findings: [] };
    markAll();
    summary.className = 'status-bad';
    summary.textContent = S.inputError;
    fill(out, errors.map((x) => errorItem(x.path, x.message)), errorItem(path, e.message));
    out.setAttribute('data-state', 'input-error');
    withPlan((v) => v.report(null));
    ctx.emit('adcredit-error', { code: 'input', message: e.message });
  }

  /** A list of `items` showing the first PAGE (more on request), as `wrap(children)`. */
  function paged(key, items, render, wrap) {
    const limit = shownOf(key);
    const shownItems = items.slice(0, limit).map(render);
    const more =
      items.length > limit &&
      button(S.showMore(limit, items.length), () => {
        limits.set(key, limit + PAGE);
        if (report) showReport(report, lastSkipped);
      });
    return [wrap(shownItems), more && h('p', null, more)];
  }

  let lastSkipped = [];
  function showReport(r, skipped = []) {
    report = r;
    lastSkipped = skipped;
    const errors = skipped.filter((x) => x.message);
    const waiting = skipped.filter((x) => x.waits);
    marks = { errors, findings: list(r.findings) };
    markAll();
    const findings = list(r.findings);
    summary.className = r.valid && !errors.length ? 'status-ok' : 'status-bad';
    summary.textContent = errors.length ? S.inputError : r.valid ? S.planValid : S.planInvalid;
    const after = r.after || {};
    const cur = r.currency ? ` ${r.currency}` : '';
    const amount = (v) => h('td', { class: 'num' }, v == null ? S.none : str(v) + cur);
    const byId = new Map(list(ctx.scenario()?.accounts).map((a) => [a?.id, a]));
    const name = (id) => {
      if (id === 'bc') return S.bc;
      const a = byId.get(id);
      return a && a.name ? `${a.name} (${id})` : id;
    };
    fill(
      out,
      errors.length > 0 && [
        errors.map((x) => errorItem(x.path, x.message)),
        h('p', { class: 'muted', 'data-part': 'skipped' }, S.rowSkipped(errors.length)),
        waiting.length > 0 &&
          h('p', { class: 'muted', 'data-part': 'waiting' }, S.waitsFor(waiting.map((x) => Number(/\d+/.exec(x.path)[0]) + 1), [...new Set(waiting.map((x) => x.waits))].join(', '))),
      ],
      findings.length
        ? paged('findings', findings, (f) => findingItem(ctx, f), (items) => h('ul', { class: 'findings', 'data-part': 'findings' }, items))
        : h('p', null, S.noFindings),
      h(
        'div',
        { class: 'cols' },
        h(
          'div',
          null,
          h('h3', null, S.after),
          h('h4', null, S.stays),
          h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': S.stays },
            paged('after-bc', list(after.business_center?.ad_credits), (c) => h('tr', null, h('td', null, str(c.id)), amount(c.remaining)), (rows) =>
              h('table', { 'data-part': 'after-bc' },
                h('thead', null, h('tr', null, h('th', { scope: 'col' }, S.credit), h('th', { scope: 'col', class: 'num' }, S.remaining))),
                h('tbody', null, rows)))),
        ),
        h(
          'div',
          null,
          h('h4', null, S.holds),
          h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': S.holds },
            paged('after-accounts', list(after.accounts), (a) => h('tr', null, h('td', null, name(a.id)), amount(a.ad_credit_balance), amount(a.locked_surplus)), (rows) =>
              h('table', { 'data-part': 'after-accounts' },
                h('thead', null, h('tr', null, h('th', { scope: 'col' }, S.account), h('th', { scope: 'col', class: 'num' }, S.creditBalance), h('th', { scope: 'col', class: 'num' }, S.lockedSurplus))),
                h('tbody', null, rows)))),
        ),
      ),
      h('h3', null, S.steps),
      h('p', { class: 'muted' }, S.stepsIntro),
      list(r.steps).length
        ? paged('steps', list(r.steps), (st) => h('li', { 'data-account': st.account }, S.step({ ...st, account: name(st.account) }), ' ', st.irreversible && h('span', { class: 'badge' }, S.irreversible)), (items) => h('ol', { class: 'steps', 'data-part': 'steps' }, items))
        : h('p', null, S.noSteps),
    );
    out.setAttribute('data-state', errors.length ? 'input-error' : 'done');
    if (errors.length) ctx.emit('adcredit-error', { code: 'input', message: errors[0].message });
    withPlan((v) => v.report(r));
    ctx.emit('adcredit-report', r);
  }

  async function copyLink() {
    const link = `${location.href.split('#')[0]}#s=${sc.encodeShare(s)}`;
    const box = h('input', { id: 'share-link', readonly: true, value: link, 'data-part': 'share-link' });
    fill(share, h('label', { for: 'share-link' }, S.shareLinkLabel), box);
    share.hidden = false;
    try {
      await navigator.clipboard.writeText(link);
      note.textContent = S.copied;
    } catch {
      note.textContent = S.copyFailed;
      box.focus();
      box.select();
    }
  }

  file.addEventListener('change', async () => {
    const f = file.files[0];
    file.value = '';
    if (!f) return;
    try {
      const v = JSON.parse(await f.text());
      if (!sc.editable(v)) throw new Error('business_center and accounts are required');
      replace(v);
      note.textContent = S.imported(f.name);
    } catch (e) {
      note.textContent = S.badFile(e.message);
    }
  });

  /** Replaces the scenario (e.g. from a share link), shows it and checks it. */
  function replace(next, persist = true) {
    s = next;
    if (planView) withPlan((v) => v.reset());
    marks = { errors: [], findings: [] };
    limits.clear();
    pinned.clear();
    renderForm();
    share.hidden = true;
    note.textContent = '';
    if (persist) {
      dirty = false;
      saveLater.cancel();
      sc.save(ctx.storageKey, s);
    }
    renderKept();
    renderSetAside();
    check.now();
  }

  return {
    el,
    replace,
    flush,
    scenario: () => s,
    start(initial) {
      s = initial;
      renderForm();
      renderKept();
      renderSetAside();
      return check.now();
    },
    /** Called when the part is shown: checks the scenario if it changed while hidden. */
    shown() {
      shown = true;
      withPlan(() => 0);
      if (!stale) return Promise.resolve();
      stale = false;
      return checkNow.now();
    },
  };
}
