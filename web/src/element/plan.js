// Simulate's plan section: "Suggest a plan" (replaces the allocation lines, with Undo, and says
// why each account gets what it gets) and the plan as a picture, for whatever plan the form
// holds. build.mjs bundles this file (with chart.js and plan.css) as adcredit-plan.js, which
// Simulate imports when it is first shown, together with the rules module, so the first answer
// never downloads it. Texts can be translated through `strings.plan` (same keys as TEXT).
import { h, fill } from './dom.js';
import css from './plan.css';
import { accountBars, creditTimeline, swatch, day } from './chart.js';

const TEXT = {
  heading: 'Suggested plan',
  intro:
    'Let adcredit write the allocation lines: nothing locked in an account beyond its planned spend, as much unexpired credit used as that allows, the credit that expires soonest first, and as few manual steps as possible.',
  suggest: 'Suggest a plan',
  undo: 'Undo',
  working: 'Working out the plan…',
  applied: (n, left) => `The allocation plan now holds the ${n} suggested line${n === 1 ? '' : 's'}${left ? `; still in the Business Center: ${left}` : ''}. Check them below before you do anything in TikTok.`,
  undone: 'Your allocation lines are back.',
  edited: 'You changed the suggested lines; the reasons below are those of the suggestion.',
  why: 'Why each account gets what it gets',
  left: 'Credit left in the Business Center',
  cannot: (msg) => `No plan can be suggested until the scenario reads: ${msg}`,
  yourPlan: 'Your plan as a picture',
  suggestedPlan: 'The suggested plan as a picture',
  accounts: 'Ad credit per account',
  credits: 'Credits by expiry date',
  legendHeld: 'Held before the plan',
  legendAdded: 'Added by the plan',
  legendLocked: 'Locked surplus',
  legendPlanned: 'Planned spend',
  barsLabel: (n) => `Bar chart of ad credit in ${n} account${n === 1 ? '' : 's'}; the same figures are in the table below.`,
  timelineLabel: (n) => `Time line of ${n} credit${n === 1 ? '' : 's'} by expiry date; the same figures are in the table below.`,
  // The figures beside each mark, as parts the chart joins with " · " and wraps.
  bar: (r, cur) =>
    [
      `holds ${r.held} ${cur}`,
      Number(r.added) > 0 && `+ ${r.added} from the plan`,
      r.planned == null ? 'no planned spend' : `plans to spend ${r.planned}`,
      Number(r.locked) > 0 && `${r.locked} LOCKED`,
    ].filter(Boolean),
  credit: (c, cur, when) => [`${c.id}: ${c.remaining} of ${c.amount} ${cur} left`, when],
  expiresOn: (d) => `expires ${d}`,
  expiredOn: (d) => `expired ${d}`,
  noExpiry: 'no expiry',
  today: (d) => `today ${d}`,
  until: (d) => d,
  asTable: 'The same figures as a table',
  firstAccounts: (n, total) => `The picture and its table show the first ${n} of ${total} accounts; the report below lists all of them.`,
  firstCredits: (n, total) => `The picture and its table show the ${n} credits that expire first, of ${total}; the report below lists all of them.`,
  colAccount: 'Account',
  colHeld: 'Held before',
  colAdded: 'Added',
  colPlanned: 'Planned spend',
  colLocked: 'Locked surplus',
  colCredit: 'Credit',
  colLeft: 'Left',
  colExpires: 'Expires',
};

let sheet = null;
let uids = 0;
/** Most accounts (and credits) drawn: a picture of hundreds of bars helps nobody and costs time. */
const MOST = 30;

/**
 * ctx: the element's context (api, fail); strings: the element's strings; slot: the element this
 * section replaces; scenario(): the form's scenario; setAllocations(lines): replaces the form's
 * allocation lines and checks them.
 */
export function planView({ ctx, strings, slot, scenario, setAllocations }) {
  const T = { ...TEXT, ...(strings.plan || {}) };
  const uid = `adc-plan-${++uids}`;
  let undo = null; // the lines before the suggestion, while Undo is offered
  let suggested = null; // the suggested plan
  const note = h('p', { role: 'status', class: 'muted', 'data-part': 'plan-note' });
  const why = h('div', { 'data-part': 'plan-why' });
  const picture = h('div', { 'data-part': 'plan-picture' });
  const suggestButton = h('button', { type: 'button', class: 'primary', 'data-action': 'suggest-plan', onclick: suggest }, T.suggest);
  const undoButton = h('button', { type: 'button', hidden: true, 'data-action': 'undo-plan', onclick: restore }, T.undo);
  const el = h(
    'section',
    { class: 'plan', 'aria-labelledby': `${uid}-h`, 'data-part': 'plan' },
    h('h3', { id: `${uid}-h` }, T.heading),
    h('p', { class: 'muted' }, T.intro),
    h('div', { class: 'tools' }, suggestButton, undoButton),
    note,
    why,
    picture,
  );
  slot.replaceWith(el);
  adopt();
  let last = null;
  let drawnWidth = 0;
  new ResizeObserver(() => {
    if (last && Math.floor(picture.clientWidth) !== drawnWidth) requestAnimationFrame(() => last && draw(last));
  }).observe(picture);

  /** Adds plan.css to the element's shadow root once the section is in it. */
  function adopt() {
    const root = el.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  const name = (id) => {
    const a = (scenario().accounts || []).find((x) => x && x.id === id);
    return a && a.name ? `${a.name} (${id})` : id;
  };

  async function suggest() {
    suggestButton.disabled = true;
    note.textContent = T.working;
    try {
      const s = scenario();
      const p = await ctx.api.suggestPlan(s);
      if (!undo) undo = structuredClone(Array.isArray(s.allocations) ? s.allocations : []);
      suggested = p;
      setAllocations(structuredClone(p.allocations));
      undoButton.hidden = false;
      const cur = p.report.currency;
      const usable = (l) => l.expires == null || day(l.expires) >= day(s.today);
      const leftover = p.left.filter(usable).map((l) => `${l.amount} ${cur} of ${l.credit}`).join(', ');
      note.textContent = T.applied(p.allocations.length, leftover);
      showWhy(p);
    } catch (e) {
      if (e.code === 'input') note.textContent = T.cannot(e.message);
      else ctx.fail(e);
    } finally {
      suggestButton.disabled = false;
    }
  }

  function restore() {
    if (!undo) return;
    const lines = undo;
    undo = null;
    suggested = null;
    undoButton.hidden = true;
    fill(why);
    setAllocations(lines);
    note.textContent = T.undone;
    suggestButton.focus();
  }

  function showWhy(p) {
    const cur = p.report.currency;
    const skipped = new Map(p.skipped.map((k) => [k.account, k.rule]));
    fill(
      why,
      h('h4', null, T.why),
      h(
        'ul',
        { class: 'why', 'data-part': 'plan-accounts' },
        p.accounts.map((a) =>
          h(
            'li',
            { 'data-account': a.account, 'data-amount': a.amount, 'data-skipped': skipped.has(a.account) || null },
            h('span', { class: 'who' }, `${name(a.account)}: ${a.amount} ${cur}`),
            a.why,
            skipped.has(a.account) && h('span', { class: 'rule', 'data-rule': skipped.get(a.account) }, skipped.get(a.account)),
          ),
        ),
      ),
      p.left.length > 0 && h('h4', null, T.left),
      p.left.length > 0 &&
        h('ul', { class: 'why', 'data-part': 'plan-left' }, p.left.map((l) => h('li', { 'data-credit': l.credit }, h('span', { class: 'who' }, `${l.credit}: ${l.amount} ${cur}`), l.why))),
    );
  }

  /** Same lines, same order: the form still holds the suggestion. */
  const isSuggested = () => suggested && JSON.stringify(scenario().allocations ?? []) === JSON.stringify(suggested.allocations);

  function draw(r) {
    const s = scenario();
    const cur = r.currency || '';
    drawnWidth = Math.floor(picture.clientWidth);
    const width = Math.max(260, drawnWidth || 640);
    const open = picture.querySelector('details')?.open;
    const before = new Map((s.accounts || []).filter(Boolean).map((a) => [a.id, a]));
    const allAccounts = r.after?.accounts || [];
    const rows = allAccounts.slice(0, MOST).map((a) => {
      const acc = before.get(a.id) || {};
      const row = {
        id: a.id,
        name: name(a.id),
        held: acc.ad_credit_balance ?? '0.00',
        added: a.received ?? '0.00',
        planned: a.locked_surplus == null ? null : acc.planned_spend,
        locked: a.locked_surplus,
      };
      row.parts = T.bar(row, cur);
      return row;
    });
    const allCredits = r.after?.business_center?.ad_credits || [];
    const credits = [...allCredits].sort((a, b) => (day(a.expires) ?? Infinity) - (day(b.expires) ?? Infinity)).slice(0, MOST);
    const today = s.today;
    const creditRows = credits.map((c) => {
      const when = c.expires == null ? T.noExpiry : day(c.expires) < day(today) ? T.expiredOn(c.expires) : T.expiresOn(c.expires);
      return { ...c, parts: T.credit(c, cur, when), when };
    });
    const th = (t, num) => h('th', { scope: 'col', class: num ? 'num' : null }, t);
    const td = (t, num) => h('td', { class: num ? 'num' : null }, t ?? T.none ?? '—');
    fill(
      picture,
      h('h4', null, isSuggested() ? T.suggestedPlan : T.yourPlan),
      h(
        'ul',
        { class: 'legend' },
        ['held', 'added', 'locked', 'planned'].map((k) => h('li', null, swatch(k, uid), T[`legend${k[0].toUpperCase()}${k.slice(1)}`])),
      ),
      allAccounts.length > MOST && h('p', { class: 'muted' }, T.firstAccounts(MOST, allAccounts.length)),
      h('figure', null, h('figcaption', null, T.accounts), accountBars(rows, width, T, uid)),
      allCredits.length > MOST && h('p', { class: 'muted' }, T.firstCredits(MOST, allCredits.length)),
      creditRows.length > 0 && h('figure', null, h('figcaption', null, T.credits), creditTimeline(creditRows, today, width, T)),
      h(
        'details',
        { open },
        h('summary', null, T.asTable),
        h(
          'div',
          { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': T.accounts },
          h(
            'table',
            { 'data-part': 'plan-table' },
            h('thead', null, h('tr', null, th(T.colAccount), th(T.colHeld, 1), th(T.colAdded, 1), th(T.colPlanned, 1), th(T.colLocked, 1))),
            h('tbody', null, rows.map((x) => h('tr', null, td(x.name), td(x.held, 1), td(x.added, 1), td(x.planned, 1), td(x.locked, 1)))),
          ),
        ),
        creditRows.length > 0 &&
          h(
            'div',
            { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': T.credits },
            h(
              'table',
              { 'data-part': 'plan-credits-table' },
              h('thead', null, h('tr', null, th(T.colCredit), th(T.colLeft, 1), th(T.colExpires))),
              h('tbody', null, creditRows.map((c) => h('tr', null, td(c.id), td(`${c.remaining} / ${c.amount}`, 1), td(c.when)))),
            ),
          ),
      ),
    );
  }

  return {
    el,
    /** Draws the plan the form holds; `null` (input error) clears the picture. */
    report(r) {
      last = r;
      if (!r) {
        fill(picture);
        return;
      }
      if (suggested && !isSuggested() && why.childElementCount) note.textContent = T.edited;
      draw(r);
    },
    /** A new scenario: no suggestion, no Undo. */
    reset() {
      undo = null;
      suggested = null;
      undoButton.hidden = true;
      fill(why);
      note.textContent = '';
    },
  };
}
