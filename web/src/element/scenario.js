// Scenario helpers: the demo, share links (#s= + base64url of UTF-8 JSON), local storage.
import demo from '../demo-scenario.json';
import { tooDeep, deepMessage } from '../depth.js';

/** A fresh copy of the demo scenario (an agency with regional accounts). */
export const demoScenario = () => structuredClone(demo);

/** An empty scenario dated `today` (YYYY-MM-DD, the visitor's local date). */
export function emptyScenario() {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return {
    today,
    actor_role: 'finance_manager',
    business_center: { entity: '', currency: 'USD', ad_credits: [], cash_balance: '0.00', credit_line: '0.00' },
    accounts: [],
    allocations: [],
  };
}

export const newCredit = (n) => ({ id: `credit-${n}`, amount: '0.00', expires: '' });
export const newAccount = (n, bc) => ({
  id: `account-${n}`,
  name: '',
  entity: bc.entity || '',
  currency: bc.currency || 'USD',
  status: 'active',
  in_payment_portfolio: false,
  ad_credit_balance: '0.00',
  cash_balance: '0.00',
  planned_spend: '',
});
export const newAllocation = (s) => ({
  credit: s.business_center.ad_credits?.[0]?.id ?? '',
  account: s.accounts?.[0]?.id ?? '',
  amount: '',
});

/** base64url(UTF-8 JSON), no padding. */
export function encodeShare(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The scenario in a share fragment, or throws when it is not base64url JSON of an object. */
export function decodeShare(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  const value = JSON.parse(json);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a scenario object');
  return value;
}

/**
 * Whether a parsed value looks enough like a scenario for the editor to show it (the rules
 * judge the rest, naming the path of anything wrong). `allocations` is optional, as in §2.
 */
export function editable(s) {
  const obj = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
  return obj(s) && obj(s.business_center) && Array.isArray(s.accounts) && (s.allocations === undefined || Array.isArray(s.allocations));
}

const storage = {
  get(key) {
    try {
      return key ? localStorage.getItem(key) : null;
    } catch {
      return null; // storage disabled
    }
  },
  set(key, text) {
    try {
      if (key) localStorage.setItem(key, text);
      return true;
    } catch {
      return false; // storage full or disabled: the scenario still lives in the page
    }
  },
  remove(key) {
    try {
      if (key) localStorage.removeItem(key);
    } catch {
      /* nothing stored */
    }
  },
};

/**
 * What `text` (a saved scenario) holds: `{ scenario }`, or `{ problem }` saying why it cannot
 * be shown (not JSON, not a scenario, nested deeper than the form or the worker can take).
 */
export function read(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problem: `it is not valid JSON (${e.message})` };
  }
  if (!editable(value)) return { problem: 'it is not a scenario (business_center and accounts are required)' };
  const deep = tooDeep(value);
  if (deep) return { problem: deepMessage(deep).message };
  return { scenario: value };
}

/**
 * The scenario saved under `key`: `{ scenario }`, `{ setAside: problem }` when what was saved
 * cannot be read (it is moved to `key:unreadable`, so it is reported once and never applied
 * again, but not lost), or null when nothing is saved.
 */
export function load(key) {
  const text = storage.get(key);
  if (!text) return null;
  const r = read(text);
  if (r.scenario) return r;
  storage.set(`${key}:unreadable`, text);
  storage.remove(key);
  return { setAside: r.problem };
}

/** The text set aside by `load`, or null. */
export const setAside = (key) => (key ? storage.get(`${key}:unreadable`) : null);
export const dropSetAside = (key) => storage.remove(`${key}:unreadable`);

/** Saves the scenario, unless it could not be read back (then the last good one stays). */
export function save(key, scenario) {
  if (!key || tooDeep(scenario)) return;
  storage.set(key, JSON.stringify(scenario));
}

export function forget(key) {
  storage.remove(key);
  storage.remove(`${key}:shared`);
}

// Other scenarios kept in this browser (`key:kept`, newest first): the visitor's own scenario
// when a share link replaced it, and a shared one when the visitor switched back.
const KEEP = 5;

/** `[{ scenario, at, shared }]`, newest first. */
export function kept(key) {
  if (!key) return [];
  try {
    const list = JSON.parse(storage.get(`${key}:kept`) || '[]');
    return Array.isArray(list) ? list.filter((k) => k && editable(k.scenario)) : [];
  } catch {
    return [];
  }
}

function keepList(key, list) {
  storage.set(`${key}:kept`, JSON.stringify(list.slice(0, KEEP)));
}

/** Adds a scenario to the kept list (once: an identical one moves to the front). */
export function keep(key, scenario, shared) {
  if (!key) return;
  const text = JSON.stringify(scenario);
  const list = kept(key).filter((k) => JSON.stringify(k.scenario) !== text);
  keepList(key, [{ scenario, at: new Date().toISOString(), shared: !!shared }, ...list]);
}

export function unkeep(key, i) {
  const list = kept(key);
  list.splice(i, 1);
  keepList(key, list);
}

/**
 * Opens a share link's scenario as the current one. What was saved before is kept (unless it
 * is the same scenario, or an unchanged copy of a shared one the visitor already had).
 */
export function openShared(key, scenario) {
  if (!key) return;
  const before = storage.get(key);
  const text = JSON.stringify(scenario);
  const lastShared = storage.get(`${key}:shared`);
  if (before && before !== text && before !== lastShared) {
    const r = read(before);
    if (r.scenario) keep(key, r.scenario, false);
  }
  if (!tooDeep(scenario)) {
    storage.set(key, text);
    storage.set(`${key}:shared`, text);
  }
}

/** Switches to kept scenario `i`: the current one is kept in its place. */
export function switchTo(key, i, current) {
  const list = kept(key);
  const chosen = list[i];
  if (!chosen) return null;
  list.splice(i, 1);
  keepList(key, list);
  keep(key, current, JSON.stringify(current) === storage.get(`${key}:shared`));
  save(key, chosen.scenario);
  return chosen.scenario;
}

/** The plan's steps as CSV (RFC 4180 quoting). */
export function stepsCsv(header, steps) {
  const q = (v) => {
    const s = String(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // Ids are visitor text: keep a spreadsheet from reading one as a formula.
  const id = (v) => (/^[=+\-@\t\r]/.test(String(v ?? '')) ? `'${v}` : v);
  const rows = [header, ...steps.map((s) => [s.order, id(s.account), id(s.credit), s.amount, s.irreversible])];
  return rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

/** Saves `text` as a file named `name` (a blob URL, nothing leaves the browser). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
