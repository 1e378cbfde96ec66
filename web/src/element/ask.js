// Ask: a search box (ARIA combobox) with results as you type, the top FAQ entry's direct
// answer first, and a verdict when the question is about moving money between the
// visitor's own accounts.
import { h, fill, marked, debounce } from './dom.js';
import { strings as S } from './strings.js';
import { place, sourceLink, verdictCard } from './views.js';

export function askPart(ctx) {
  let seq = 0;
  let hits = [];
  let active = -1;

  const input = h('input', {
    type: 'search',
    id: 'q',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'results',
    'aria-describedby': 'q-hint',
    placeholder: S.askPlaceholder,
  });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const answer = h('div', { 'data-part': 'answer' });
  const verdict = h('div', { 'data-part': 'ask-verdict' });
  const list = h('ul', { id: 'results', role: 'listbox', 'aria-label': S.resultsLabel, hidden: true });
  const none = h('div', { 'data-part': 'no-answer', hidden: true });

  const el = h(
    'div',
    { class: 'ask', 'data-part': 'ask' },
    h(
      'div',
      { class: 'search' },
      h('label', { for: 'q' }, S.askLabel),
      input,
      h('p', { class: 'hint', id: 'q-hint' }, S.askHint),
    ),
    status,
    verdict,
    answer,
    none,
    list,
  );

  function setActive(i) {
    const opts = list.children;
    if (active >= 0 && opts[active]) opts[active].setAttribute('aria-selected', 'false');
    active = i;
    if (i >= 0 && opts[i]) {
      opts[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', opts[i].id);
      opts[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function showList(open) {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  }

  function answerCard(hit) {
    return h(
      'section',
      { class: 'card', 'data-answer-id': hit.id, 'aria-label': S.directAnswer },
      h('h3', null, hit.title),
      h('p', null, hit.summary || hit.snippet),
      h('p', { class: 'src' }, sourceLink(ctx, hit.id, S.openAnswer)),
    );
  }

  /** The question back, with a button per place that fits (each re-asks, naming it). */
  function needsCard(reply) {
    const choices = Array.isArray(reply.choices) ? reply.choices : [];
    return h(
      'section',
      { class: 'card', 'data-part': 'needs', 'data-asks-for': String(reply.asks_for ?? ''), 'aria-label': S.needsLabel },
      h('p', null, reply.needs),
      choices.length > 0 &&
        h(
          'ul',
          { class: 'suggest', 'aria-label': S.choicesLabel },
          choices.map((c) =>
            h('li', null, h('button', { type: 'button', 'data-choice': String(c.id), onclick: () => ctx.ask(String(c.question)) }, String(c.label))),
          ),
        ),
    );
  }

  /** "How much should X get?": the suggested plan's figures, one card per account. */
  function suggestionCard(list, notes) {
    return h(
      'section',
      { class: 'card verdict', 'data-part': 'suggestion', 'aria-label': S.suggestionLabel },
      h('h3', null, S.suggestionLabel),
      list.map((x) =>
        h(
          'div',
          { 'data-suggestion-account': String(x.account) },
          h('p', null, h('strong', null, `${place(ctx, String(x.account))}: ${S.suggestedAmount(String(x.amount))}`)),
          Array.isArray(x.credits) &&
            x.credits.length > 0 &&
            h('p', { class: 'muted' }, x.credits.map((c) => `${c.credit}: ${c.amount}`).join(' · ')),
          x.why && h('p', null, String(x.why)),
        ),
      ),
      ...(Array.isArray(notes) ? notes : []).map((n) => h('p', { 'data-part': 'note' }, String(n))),
      h('p', { class: 'muted' }, S.suggestionNote),
    );
  }

  /** The plan's shares a "how much?" reply carries (one account, or every part of a credit). */
  const shares = (reply) => (reply.suggestion ? [reply.suggestion] : Array.isArray(reply.suggestions) ? reply.suggestions : []);
  const suggested = (reply) => shares(reply).length > 0 || (Array.isArray(reply.notes) && reply.notes.length > 0);

  function render(q, reply) {
    hits = Array.isArray(reply.results) ? reply.results : [];
    list.setAttribute('data-query', q);
    el.setAttribute('data-query', q); // the question the shown answers belong to
    fill(
      list,
      hits.map((hit, i) =>
        h(
          'li',
          {
            id: `r${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-result-id': hit.id,
            onclick: () => choose(i),
            onmousedown: (ev) => ev.preventDefault(),
          },
          h('span', { class: 't' }, hit.title, h('span', { class: 'kind' }, hit.kind === 'article' ? S.kindArticle : S.kindFaq)),
          marked(String(hit.snippet ?? ''), hit.highlights),
        ),
      ),
    );
    // No direct answer when the knowledge base has none: the hits are only the closest entries.
    // After a verdict, the direct answer is the entry it cites (as the CLI shows it), found as
    // a deep link's entry is when it is not among the hits.
    const source = reply.verdict && typeof reply.verdict.source === 'string' ? reply.verdict.source : null;
    const cited = source ? hits.find((x) => x.id === source) : undefined;
    const top = reply.answered === false ? null : cited ?? hits.find((x) => x.kind !== 'article') ?? hits[0];
    fill(answer, top ? answerCard(top) : hits.length > 0 && h('p', { class: 'card', 'data-part': 'unanswered' }, S.notAnswered));
    if (source && !cited) {
      entry(source).then((hit) => {
        if (hit && el.getAttribute('data-query') === q) fill(answer, answerCard(hit));
      });
    }
    fill(
      verdict,
      reply.verdict && verdictCard(ctx, reply.verdict, ctx.scenario() ? S.aboutYourAccounts : S.fromTheRules, reply.notes),
      !reply.verdict && reply.needs && needsCard(reply),
      !reply.verdict && !reply.needs && suggested(reply) && suggestionCard(shares(reply), reply.notes),
    );
    none.hidden = hits.length > 0 || !!reply.verdict || suggested(reply);
    if (!none.hidden)
      fill(
        none,
        h('p', null, S.noAnswer(q)),
        h('p', null, S.tryThese),
        h(
          'ul',
          { class: 'suggest' },
          S.suggestions.map((s) => h('li', null, h('button', { type: 'button', onclick: () => ctx.ask(s) }, s))),
        ),
      );
    showList(hits.length > 0);
    status.textContent = hits.length ? S.resultCount(hits.length) : S.noAnswer(q);
    ctx.emit('adcredit-answer', { query: q, ...reply });
  }

  async function run() {
    const q = input.value.trim();
    const n = ++seq;
    if (!q) {
      fill(answer);
      fill(verdict);
      fill(list);
      none.hidden = true;
      showList(false);
      return;
    }
    let reply;
    try {
      reply = await ctx.api.ask(q, ctx.scenario(), { limit: 8 });
    } catch (e) {
      if (e.code !== 'input') return ctx.fail(e);
      // The saved scenario cannot be read: answer from the knowledge base alone.
      reply = await ctx.api.ask(q, undefined, { limit: 8 }).catch(ctx.fail);
    }
    if (n === seq && reply) render(q, reply);
  }
  const later = debounce(run, 60);

  /** The entry with this content id, found by the words of its id (or undefined). */
  async function entry(id) {
    const words = id.replace(/^(faq|article)\//, '').replace(/[#/_-]+/g, ' ');
    const found = await ctx.api.search(words, { limit: 50 }).catch(ctx.fail);
    return found?.results?.find((x) => x.id === id);
  }

  function choose(i) {
    const hit = hits[i];
    if (!hit) return;
    setActive(i);
    fill(answer, answerCard(hit));
    status.textContent = hit.title;
  }

  input.addEventListener('input', () => later());
  input.addEventListener('keydown', (ev) => {
    const n = hits.length;
    if (ev.key === 'ArrowDown' && n) {
      ev.preventDefault();
      showList(true);
      setActive((active + 1) % n);
    } else if (ev.key === 'ArrowUp' && n) {
      ev.preventDefault();
      showList(true);
      setActive(active <= 0 ? n - 1 : active - 1);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (active >= 0) choose(active);
      else later.now();
    } else if (ev.key === 'Escape') {
      if (!list.hidden) {
        ev.preventDefault();
        showList(false);
      }
    }
  });

  return {
    el,
    input,
    /** Types `q` into the box and answers it (focusing the box unless `focus` is false). */
    ask(q, focus = true) {
      input.value = q;
      if (focus) input.focus();
      return later.now();
    },
    /** Shows the answer with this content id (a deep link). */
    async open(id) {
      const hit = hits.find((x) => x.id === id) ?? (await entry(id));
      fill(answer, hit ? answerCard(hit) : h('p', { class: 'card', role: 'alert' }, S.notFound(id)));
      answer.scrollIntoView?.({ block: 'nearest' });
    },
    refresh: () => input.value.trim() && later(),
  };
}
