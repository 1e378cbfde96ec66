// <adcredit-help>: Ask, Simulate and Can I move? in one shadow root.
// Attributes: theme (light | dark | auto), tab (ask | simulate | move), question,
// hash ("off": ignore and never write location.hash), storage-key ("" = no storage),
// docs-base (URL prefix for links to answers; default: inside the widget), index (the folder
// `adcredit index --out` wrote, relative to the page; default: next to adcredit.js).
import * as api from '../api.js';
import { h, fill } from './dom.js';
import { strings as S } from './strings.js';
import css from './styles.css';
import { askPart } from './ask.js';
import { simulatePart } from './simulate.js';
import { movePart } from './move.js';
import { decodeShare, editable, load, demoScenario, openShared } from './scenario.js';

let sheet = null;
const TABS = ['ask', 'simulate', 'move'];

export class AdcreditHelp extends HTMLElement {
  static observedAttributes = ['tab'];
  #parts = null;
  #status = null;
  #tabs = {};
  #panels = {};
  #onKey = (ev) => this.#globalKey(ev);
  #onHash = () => this.#readHash();
  // The save is debounced: write it out before the page goes away or into the background.
  #onHide = () => this.#parts?.simulate.flush();
  #onVisibility = () => document.visibilityState === 'hidden' && this.#onHide();

  connectedCallback() {
    if (!this.#parts) this.#build();
    document.addEventListener('keydown', this.#onKey);
    window.addEventListener('hashchange', this.#onHash);
    window.addEventListener('pagehide', this.#onHide);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  disconnectedCallback() {
    this.#onHide();
    document.removeEventListener('keydown', this.#onKey);
    window.removeEventListener('hashchange', this.#onHash);
    window.removeEventListener('pagehide', this.#onHide);
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'tab' && this.#parts && TABS.includes(value)) this.show(value);
  }

  /** The scenario being simulated (a plain object, money as strings). */
  get scenario() {
    return this.#parts?.simulate.scenario();
  }
  set scenario(value) {
    this.#parts?.simulate.replace(structuredClone(value));
  }

  /** Shows a part: "ask", "simulate" or "move". */
  show(tab, focus = false) {
    for (const t of TABS) {
      const on = t === tab;
      this.#tabs[t].setAttribute('aria-selected', String(on));
      this.#tabs[t].tabIndex = on ? 0 : -1;
      this.#panels[t].hidden = !on;
    }
    if (tab === 'move') this.#parts.move.places();
    if (tab === 'simulate') this.#parts.simulate.shown();
    if (focus) this.#tabs[tab].focus();
  }

  /** Opens Ask with `question` typed in and answered. */
  ask(question) {
    this.show('ask');
    return this.#parts.ask.ask(question);
  }

  get #storageKey() {
    const k = this.getAttribute('storage-key');
    return k == null ? 'adcredit-scenario' : k;
  }

  get #hashOn() {
    return this.getAttribute('hash') !== 'off';
  }

  #build() {
    const root = this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
    const ctx = {
      api,
      docsBase: this.getAttribute('docs-base') || '',
      storageKey: this.#storageKey,
      scenario: () => this.#parts?.simulate.scenario(),
      emit: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
      fail: (e) => {
        const loading = ['load', 'bundle', 'worker'].includes(e.code);
        fill(this.#status, loading ? S.loadFailed(e.message) : S.failed(e.message));
        this.#status.hidden = false;
        ctx.emit('adcredit-error', { code: e.code, message: e.message });
      },
      ask: (q) => this.ask(q),
      // Shows a part and focuses its first field with an error, else its tab.
      show: (tab) => {
        this.show(tab, true);
        this.#panels[tab].querySelector('[aria-invalid="true"]')?.focus();
      },
      openAnswer: (id, href) => {
        if (this.#hashOn && href.startsWith('#') && location.hash !== href) history.pushState(null, '', href);
        this.show('ask');
        return this.#parts.ask.open(id);
      },
    };
    const parts = {
      ask: askPart(ctx),
      simulate: simulatePart(ctx),
      move: movePart(ctx),
    };
    this.#parts = parts;
    const label = { ask: S.tabAsk, simulate: S.tabSimulate, move: S.tabMove };
    const tablist = h(
      'div',
      { role: 'tablist', 'aria-label': S.tabsLabel },
      TABS.map((t) =>
        (this.#tabs[t] = h(
          'button',
          { type: 'button', role: 'tab', id: `tab-${t}`, 'aria-controls': `panel-${t}`, 'data-tab': t, onclick: () => this.show(t) },
          label[t],
        )),
      ),
    );
    tablist.addEventListener('keydown', (ev) => {
      const i = TABS.indexOf(ev.target.dataset.tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[ev.key];
      if (to === undefined) return;
      ev.preventDefault();
      this.show(TABS[(to + TABS.length) % TABS.length], true);
    });
    this.#status = h('p', { class: 'card', role: 'alert', hidden: true, 'data-part': 'load-status' });
    root.append(
      h('h2', { class: 'visually-hidden' }, S.title),
      this.#status,
      tablist,
      ...TABS.map((t) =>
        (this.#panels[t] = h(
          'section',
          { role: 'tabpanel', id: `panel-${t}`, 'aria-labelledby': `tab-${t}`, 'data-panel': t },
          parts[t].el,
        )),
      ),
    );
    const tab = this.getAttribute('tab');
    this.show(TABS.includes(tab) ? tab : 'ask');

    // One scenario to start from: a share link, else what this browser kept, else the demo.
    // A saved scenario that cannot be read is set aside (reported here once, offered for
    // download in Simulate); a share link keeps the visitor's own saved scenario aside too.
    const saved = load(ctx.storageKey);
    if (saved?.setAside) {
      fill(this.#status, S.setAside(saved.setAside));
      this.#status.hidden = false;
    }
    const shared = this.#hashOn && location.hash.startsWith('#s=') ? this.#shared() : null;
    if (shared) openShared(ctx.storageKey, shared);
    parts.simulate.start(shared ?? saved?.scenario ?? demoScenario());
    if (shared) this.show('simulate');
    else this.#readHash();
    const q = this.getAttribute('question');
    if (q) parts.ask.ask(q, false); // no focus grab on page load
    // The search module and its bundle: when they fail, Ask says so, and Simulate and
    // Can I move? (the rules module alone) still work.
    const index = this.getAttribute('index');
    api.init(index ? { index } : undefined).then(
      () => ctx.emit('adcredit-ready', {}),
      (e) => {
        if (e.code !== 'bundle' && e.code !== 'load') return ctx.fail(e);
        fill(this.#status, S.searchFailed(e.message));
        this.#status.hidden = false;
        ctx.emit('adcredit-error', { code: e.code, message: e.message });
      },
    );
  }

  #readHash() {
    if (!this.#hashOn) return;
    const hash = location.hash;
    if (hash.startsWith('#s=')) {
      const s = this.#shared();
      this.show('simulate');
      if (s) {
        this.#parts.simulate.flush();
        openShared(this.#storageKey, s);
        this.#parts.simulate.replace(s, false);
      }
    } else if (/^#(faq|article)\//.test(hash)) {
      this.show('ask');
      let id = hash.slice(1);
      try {
        id = decodeURI(id);
      } catch {
        /* keep it as it is */
      }
      this.#parts.ask.open(id);
    }
  }

  /** The scenario of a `#s=` share link, or null (and a notice) when the link is damaged. */
  #shared() {
    let s = null;
    try {
      s = decodeShare(location.hash.slice(3));
    } catch {
      /* damaged */
    }
    if (!editable(s)) {
      fill(this.#status, S.badShareLink);
      this.#status.hidden = false;
      return null;
    }
    this.#status.hidden = true;
    return s;
  }

  #globalKey(ev) {
    const inField = ev.composedPath().some((n) => n instanceof HTMLElement && (n.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(n.tagName)));
    if ((ev.key === 'k' || ev.key === 'K') && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
    } else if (ev.key === '/' && !inField && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
    } else return;
    this.show('ask');
    this.#parts.ask.input.focus();
    this.#parts.ask.input.select();
    this.scrollIntoView?.({ block: 'nearest' });
  }
}
