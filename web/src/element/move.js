// Can I move?: fund kind, from, to (the BC or one of the visitor's accounts), optional
// amount → verdict, reason, source link.
import { h, fill } from './dom.js';
import { strings as S } from './strings.js';
import { verdictCard, place, errorPath, markField, clearMarks } from './views.js';

export function movePart(ctx) {
  const sel = (id, label, options) =>
    h('div', null, h('label', { for: id }, label), h('select', { id, 'data-path': id.slice(2) }, options));
  const fund = sel('m-fund', S.moveFund, Object.entries(S.fund).map(([v, t]) => h('option', { value: v }, t)));
  const from = sel('m-from', S.moveFrom, []);
  const to = sel('m-to', S.moveTo, []);
  const amount = h(
    'div',
    null,
    h('label', { for: 'm-amount' }, S.moveAmount),
    h('input', { id: 'm-amount', 'data-path': 'amount', inputmode: 'decimal', autocomplete: 'off' }),
  );
  const out = h('div', { 'data-part': 'move-verdict', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'move', 'aria-label': S.tabMove, onsubmit: (ev) => (ev.preventDefault(), run()) },
    fund,
    from,
    to,
    amount,
    h('div', null, h('button', { type: 'submit', class: 'primary' }, S.moveSubmit)),
  );
  const el = h('div', null, h('p', { class: 'muted' }, S.moveIntro), form, out);
  const value = (wrap) => wrap.querySelector('select, input').value;

  /** Fills From/To with the BC and the scenario's accounts, keeping the current picks. */
  function places() {
    const ids = ['bc', ...(ctx.scenario()?.accounts ?? []).map((a) => String(a?.id ?? ''))];
    for (const [wrap, fallback] of [[from, 'bc'], [to, ids[1] ?? 'bc']]) {
      const s = wrap.querySelector('select');
      const keep = s.value || fallback;
      fill(s, ids.map((id) => h('option', { value: id }, place(ctx, id))));
      s.value = ids.includes(keep) ? keep : fallback;
    }
  }

  async function run() {
    clearMarks(form);
    const q = { fund: value(fund), from: value(from), to: value(to), scenario: ctx.scenario() };
    const a = value(amount).trim();
    if (a) q.amount = a;
    try {
      const v = await ctx.api.canMove(q);
      fill(out, verdictCard(ctx, { ...v, fund: q.fund, from: q.from, to: q.to }, S.moveSubmit));
      ctx.emit('adcredit-verdict', v);
    } catch (e) {
      if (e.code !== 'input') return ctx.fail(e);
      const path = errorPath(e);
      const field = markField(form, path, e.message);
      // An error in the scenario itself is fixed in Simulate, where its field is marked.
      const inScenario = path.startsWith('scenario');
      fill(
        out,
        !field &&
          h(
            'p',
            { class: 'err', role: 'alert', 'data-input-error': path },
            inScenario ? S.scenarioBroken : '',
            e.message,
            inScenario && ' ',
            inScenario && h('button', { type: 'button', onclick: () => ctx.show('simulate') }, S.fixInSimulate),
          ),
      );
    }
  }

  return { el, places, run };
}
