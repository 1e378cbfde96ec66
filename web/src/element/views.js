// Small views shared by the three parts: links to answers, verdicts, findings, input errors.
import { h, contentHref } from './dom.js';
import { strings as S } from './strings.js';

/** A link to a content id; inside the widget it opens the answer in Ask. */
export function sourceLink(ctx, id, label) {
  const href = contentHref(id, ctx.docsBase);
  return h(
    'a',
    {
      href,
      'data-source': id,
      onclick: (ev) => {
        if (ctx.docsBase || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return;
        ev.preventDefault();
        ctx.openAnswer(id, href);
      },
    },
    label ?? id,
  );
}

/** A verdict (§4) as a card carrying data-rule, with how the question was read (`notes`). */
export function verdictCard(ctx, v, heading, notes = []) {
  const move =
    v.fund && v.from && v.to
      ? `${S.fund[v.fund] ?? v.fund}: ${place(ctx, v.from)} → ${place(ctx, v.to)}`
      : null;
  return h(
    'section',
    { class: 'card verdict', 'data-rule': v.rule, 'data-allowed': String(!!v.allowed), 'aria-label': heading },
    h('h3', null, heading),
    move && h('p', { class: 'muted' }, move),
    h('p', null, h('strong', { class: v.allowed ? 'yes' : 'no' }, v.allowed ? S.allowed : S.denied), ' — ', reasonAfterHead(v)),
    ...(Array.isArray(notes) ? notes : []).map((n) => h('p', { class: 'muted', 'data-part': 'note' }, String(n))),
    v.source && h('p', { class: 'src' }, S.source, ' ', sourceLink(ctx, v.source)),
  );
}

/**
 * The reason as shown after "Allowed —": without its own "Yes:" / "Yes," (the head says it
 * already), as the CLI's `render::reason_after_head` does.
 */
export function reasonAfterHead(v) {
  const reason = String(v.reason ?? '');
  const m = v.allowed ? /^Yes[:,] (.)/su.exec(reason) : null;
  return m ? m[1].toUpperCase() + reason.slice(m[0].length) : reason;
}

/** `bc` or an account id, named as the visitor knows it. */
export function place(ctx, id) {
  if (id === 'bc') return S.bc;
  if (id === 'any') return S.anywhere;
  const a = ctx.scenario()?.accounts?.find?.((x) => x && x.id === id);
  return a && a.name ? `${a.name} (${id})` : id;
}

/** One finding (§3) as a list item carrying data-rule and data-severity. */
export function findingItem(ctx, f) {
  return h(
    'li',
    { 'data-rule': f.rule, 'data-severity': f.severity },
    h('span', { class: 'sev' }, S.severity[f.severity] ?? f.severity),
    Number.isInteger(f.allocation) && h('span', { class: 'line' }, S.line(f.allocation + 1)),
    f.message,
    f.source && h('span', { class: 'src' }, '(', sourceLink(ctx, f.source), ')'),
  );
}

/** The JSON path of the value an input error is about, as the core gave it (`error.path`). */
export function errorPath(error) {
  return error && typeof error.path === 'string' ? error.path : '';
}

/**
 * Shows `message` next to the field whose data-path is `path` (or the nearest enclosing path
 * that has a field) inside `root`; returns that field, or null.
 */
export function markField(root, path, message) {
  for (let p = path; p; p = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, '') || '') {
    const field = root.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (field) {
      const id = `err-${p.replace(/[^\w-]/g, '_')}`;
      if (/^(INPUT|SELECT)$/.test(field.tagName)) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', id);
      }
      field.after(h('span', { class: 'err', id, 'data-error-for': p }, message));
      return field;
    }
    if (!/(\[\d+\]|\.[^.[\]]+)$/.test(p)) break;
  }
  return null;
}

/** Removes what markField added. */
export function clearMarks(root) {
  for (const e of root.querySelectorAll('.err[data-error-for]')) e.remove();
  for (const f of root.querySelectorAll('[aria-invalid]')) {
    f.removeAttribute('aria-invalid');
    f.removeAttribute('aria-describedby');
  }
}
