// The API of the adcredit ES module (CONTRACT §7). The JSON types it uses (Scenario, Report,
// Plan, MoveQuestion, Verdict, Hit, SearchResults, Answer, …) are generated from the Rust types into
// crates/adcredit-wasm/types.d.ts; build.mjs writes both into dist/adcredit.d.ts.

/** Rejections carry a `code`: "input" (message names the JSON path), "bundle", "load", "worker", "internal". */
export interface AdcreditError extends Error {
  code: 'input' | 'bundle' | 'load' | 'worker' | 'internal' | string;
  /** For some input errors: the JSON path of the value at fault (e.g. a value nested too deep). */
  path?: string;
}

/**
 * Loads the search module's wasm and the search bundle once; later calls return the same
 * Promise. The rules module (adcredit_rules_bg.wasm) is fetched on the first checkPlan,
 * canMove, or ask about moving money with a scenario.
 */
export function init(options?: {
  /** Where the wasm modules and adcredit-worker.js (the rules' worker) are (default: next to adcredit.js). */
  base?: string | URL;
  /** The folder `adcredit index --out` wrote (a single bundle or a sharded index), or its adcredit.bundle (default: next to adcredit.js). */
  index?: string | URL;
}): Promise<{ schemaVersion: number }>;
export function checkPlan(scenario: Scenario): Promise<Report>;
/** The suggested allocation lines (CONTRACT §8): the same JSON as `adcredit plan --json`. */
export function suggestPlan(scenario: Scenario): Promise<Plan>;
export function canMove(question: MoveQuestion): Promise<Verdict>;
export function search(query: string, options?: { limit?: number }): Promise<SearchResults>;
/** The scenario is read (and validated) only when the question is about moving money and names the BC or one of its accounts. */
export function ask(question: string, scenario?: Scenario, options?: { limit?: number }): Promise<Answer>;

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
    'adcredit-answer': CustomEvent<Answer & { query: string }>;
    'adcredit-report': CustomEvent<Report>;
    'adcredit-verdict': CustomEvent<Verdict>;
    'adcredit-error': CustomEvent<{ code: string; message: string }>;
  }
}
