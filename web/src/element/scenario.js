// Scenario helpers: the demo, share links (#s= + base64url of UTF-8 JSON), local storage.
import demo from '../demo-scenario.json';

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

export function load(key) {
  try {
    const text = key && localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function save(key, scenario) {
  try {
    if (key) localStorage.setItem(key, JSON.stringify(scenario));
  } catch {
    /* storage full or disabled: the scenario still lives in the page */
  }
}

export function forget(key) {
  try {
    if (key) localStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
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
