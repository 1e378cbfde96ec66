// Simulate: the visitor's Business Center, accounts and allocation lines in an editable form;
// findings, the after-state and the manual steps update live. Values stay the strings the
// visitor typed; nothing leaves the browser.
import { h, fill, debounce } from './dom.js';
import { strings as S } from './strings.js';
import { findingItem, place, errorPath, markField, clearMarks } from './views.js';
import * as sc from './scenario.js';

// Optional fields: an empty box means "not given", not an empty string.
const OPTIONAL = new Set(['planned_spend', 'expires', 'name']);
const str = (v) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
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

  const form = h('form', { novalidate: true, 'aria-label': S.tabSimulate, onsubmit: (ev) => ev.preventDefault() });
  const summary = h('p', { role: 'status', 'data-part': 'plan-status' });
  const out = h('div', { 'data-part': 'report', 'data-state': 'checking' });
  const share = h('div', { class: 'share', hidden: true });
  const note = h('p', { class: 'muted', role: 'status', 'data-part': 'sim-note' });
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
      sc.forget(ctx.storageKey);
      replace(sc.emptyScenario(), false);
      note.textContent = S.cleared;
    }),
  );

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

  function select(path, value, options, label) {
    const opts = Object.entries(options);
    if (!Object.hasOwn(options, str(value))) opts.push([str(value), str(value)]); // keep what was there
    return h(
      'select',
      { id: fid(path), 'data-path': path, 'aria-label': label, value: str(value) },
      opts.map(([v, text]) => h('option', { value: v }, text)),
    );
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
    const body = rows.map((row, i) => {
      const label = (c) => `${c} (${name} ${i + 1})`;
      const remove = h('button', { type: 'button', 'aria-label': S.removeRow(`${name} ${i + 1}`), onclick: () => removeRow(path, i) }, S.remove);
      // Each cell names its column, for the narrow layout where every row is a card.
      const cells = row(label).map((td, j) => (td.setAttribute('data-label', cols[j]), td));
      return h('tr', null, cells, h('td', null, remove));
    });
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
    changed();
    renderForm(`${path}[${rows.length - 1}].${Object.keys(row)[0]}`);
  }

  function removeRow(path, i) {
    rowsAt(path).splice(i, 1);
    changed();
    renderForm();
    form.querySelector(`[data-path="${CSS.escape(path)}"]`)?.closest('fieldset')?.querySelector('p > button')?.focus();
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
      const r = await ctx.api.checkPlan(s);
      if (n === seq) showReport(r);
    } catch (e) {
      if (n !== seq) return;
      if (e.code === 'input') showInputError(e.message);
      else ctx.fail(e);
    }
  }, 120);
  const check = () => (shown ? checkNow() : (stale = true));
  check.now = () => (shown ? checkNow.now() : ((stale = true), Promise.resolve()));

  const saveLater = debounce(() => sc.save(ctx.storageKey, s), 300);

  function changed() {
    saveLater();
    check();
    share.hidden = true;
    note.textContent = '';
  }

  /** Removes the marks of the last report or input error from the form. */
  function unmark() {
    clearMarks(form);
    for (const f of form.querySelectorAll('[data-severity]')) f.removeAttribute('data-severity');
  }

  function showInputError(message) {
    report = null;
    unmark();
    const field = markField(form, errorPath(message), message);
    summary.className = 'status-bad';
    summary.textContent = S.inputError;
    fill(
      out,
      h(
        'p',
        { class: 'err', role: 'alert', 'data-input-error': errorPath(message) },
        message,
        field && ' ',
        field && h('button', { type: 'button', 'aria-label': S.goToField, onclick: () => field.focus() }, '→'),
      ),
    );
    out.setAttribute('data-state', 'input-error');
    withPlan((v) => v.report(null));
    ctx.emit('adcredit-error', { code: 'input', message });
  }

  function showReport(r) {
    report = r;
    unmark();
    const findings = list(r.findings);
    summary.className = r.valid ? 'status-ok' : 'status-bad';
    summary.textContent = r.valid ? S.planValid : S.planInvalid;
    const after = r.after || {};
    const cur = r.currency ? ` ${r.currency}` : '';
    const amount = (v) => h('td', { class: 'num' }, v == null ? S.none : str(v) + cur);
    fill(
      out,
      findings.length
        ? h('ul', { class: 'findings', 'data-part': 'findings' }, findings.map((f) => findingItem(ctx, f)))
        : h('p', null, S.noFindings),
      h(
        'div',
        { class: 'cols' },
        h(
          'div',
          null,
          h('h3', null, S.after),
          h('h4', null, S.stays),
          h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': S.stays }, h('table', { 'data-part': 'after-bc' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, S.credit), h('th', { scope: 'col', class: 'num' }, S.remaining))),
            h('tbody', null, list(after.business_center?.ad_credits).map((c) => h('tr', null, h('td', null, str(c.id)), amount(c.remaining)))))),
        ),
        h(
          'div',
          null,
          h('h4', null, S.holds),
          h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': S.holds }, h('table', { 'data-part': 'after-accounts' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, S.account), h('th', { scope: 'col', class: 'num' }, S.creditBalance), h('th', { scope: 'col', class: 'num' }, S.lockedSurplus))),
            h('tbody', null, list(after.accounts).map((a) => h('tr', null, h('td', null, place(ctx, a.id)), amount(a.ad_credit_balance), amount(a.locked_surplus)))))),
        ),
      ),
      h('h3', null, S.steps),
      h('p', { class: 'muted' }, S.stepsIntro),
      list(r.steps).length
        ? h('ol', { class: 'steps', 'data-part': 'steps' }, list(r.steps).map((st) => h('li', { 'data-account': st.account }, S.step({ ...st, account: place(ctx, st.account) }), ' ', st.irreversible && h('span', { class: 'badge' }, S.irreversible))))
        : h('p', null, S.noSteps),
    );
    for (const f of findings) if (f.path) form.querySelector(`[data-path="${CSS.escape(f.path)}"]`)?.setAttribute('data-severity', f.severity);
    out.setAttribute('data-state', 'done');
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
    renderForm();
    share.hidden = true;
    note.textContent = '';
    if (persist) sc.save(ctx.storageKey, s);
    check.now();
  }

  return {
    el,
    replace,
    scenario: () => s,
    start(initial) {
      s = initial;
      renderForm();
      return check.now();
    },
    persist: () => sc.save(ctx.storageKey, s),
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
