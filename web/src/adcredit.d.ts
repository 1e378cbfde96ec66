// Types of the adcredit ES module (CONTRACT §2–§5, §7). Money is always a decimal string.

export type Money = string;
export type Role = 'admin' | 'finance_manager' | 'finance_analyst' | 'standard' | 'operator' | 'analyst';
export type Status = 'active' | 'in_review' | 'suspended' | 'closed';
export type Fund = 'ad_credit' | 'cash' | 'credit_line';

export interface Scenario {
  today: string;
  actor_role: Role;
  business_center: {
    entity: string;
    currency: string;
    ad_credits: { id: string; amount: Money; expires: string }[];
    cash_balance: Money;
    credit_line: Money;
  };
  accounts: {
    id: string;
    name: string;
    entity: string;
    currency: string;
    status: Status;
    in_payment_portfolio: boolean;
    ad_credit_balance: Money;
    cash_balance: Money;
    planned_spend?: Money;
  }[];
  allocations: { credit: string; account: string; amount: Money }[];
}

export interface Finding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  allocation?: number;
  account?: string;
  message: string;
  source: string;
}

export interface Report {
  valid: boolean;
  findings: Finding[];
  after: {
    business_center: { ad_credits: { id: string; remaining: Money }[] };
    accounts: { id: string; ad_credit_balance: Money; locked_surplus: Money | null }[];
  };
  steps: { order: number; account: string; credit: string; amount: Money; irreversible: boolean }[];
}

export interface MoveQuestion {
  fund: Fund;
  from: string;
  to: string;
  amount?: Money;
  scenario?: Scenario;
}

export interface Verdict {
  allowed: boolean;
  rule: string;
  reason: string;
  source: string;
}

export interface Hit {
  id: string;
  title: string;
  kind: 'faq' | 'article';
  score: number;
  summary: string;
  /** Plain text; `highlights` are [start, end) UTF-16 offsets into it. */
  snippet: string;
  highlights: [number, number][];
}

export interface AskReply {
  results: Hit[];
  verdict?: Verdict & { fund: Fund; from: string; to: string };
  /** What is missing to answer for the scenario's accounts. */
  needs?: string;
}

/** Rejections carry a `code`: "input" (message names the JSON path), "bundle", "load", "worker", "internal". */
export interface AdcreditError extends Error {
  code: 'input' | 'bundle' | 'load' | 'worker' | 'internal' | string;
}

/** Loads the wasm module and the search bundle once; later calls return the same Promise. */
export function init(options?: { base?: string | URL }): Promise<{ schemaVersion: number }>;
export function checkPlan(scenario: Scenario): Promise<Report>;
export function canMove(question: MoveQuestion): Promise<Verdict>;
export function search(query: string, options?: { limit?: number }): Promise<{ results: Hit[] }>;
export function ask(question: string, scenario?: Scenario, options?: { limit?: number }): Promise<AskReply>;

/** Every English text of the element; replace entries before the element connects to translate it. */
export const strings: Record<string, unknown>;

/** The <adcredit-help> element (defined when this module is imported). */
export class AdcreditHelp extends HTMLElement {
  scenario: Scenario;
  show(tab: 'ask' | 'simulate' | 'move', focus?: boolean): void;
  ask(question: string): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'adcredit-help': AdcreditHelp;
  }
  interface HTMLElementEventMap {
    'adcredit-ready': CustomEvent<Record<string, never>>;
    'adcredit-answer': CustomEvent<AskReply & { query: string }>;
    'adcredit-report': CustomEvent<Report>;
    'adcredit-verdict': CustomEvent<Verdict>;
    'adcredit-error': CustomEvent<{ code: string; message: string }>;
  }
}
