// Generated from the Rust types by `cargo test -p adcredit-wasm`. Do not edit:
// change the Rust types and run `UPDATE_TYPES=1 cargo test -p adcredit-wasm typescript`.
// Money and dates are strings: "150.00", "2026-11-24".

export type Money = string;

export type IsoDate = string;

export type Currency = string;

export type Scenario = { 
/**
 * The day the plan would be carried out; expiry is judged against it.
 */
today: IsoDate, 
/**
 * The Business Center role of the person who would carry out the plan.
 */
actor_role: Role, 
/**
 * The Business Center that holds the funds.
 */
business_center: BusinessCenter, 
/**
 * The ad accounts linked to the Business Center.
 */
accounts: Array<Account>, 
/**
 * The proposed allocations of ad credit, in the order they would be made.
 */
allocations?: Array<Allocation>, };

export type BusinessCenter = { 
/**
 * The legal entity the Business Center belongs to.
 */
entity: string, 
/**
 * The Business Center's currency (ISO 4217).
 */
currency: Currency, 
/**
 * Promotional ad credits not yet allocated to any ad account.
 */
ad_credits?: Array<AdCredit>, 
/**
 * Cash balance held at Business Center level.
 */
cash_balance?: Money, 
/**
 * Credit line available to the Business Center.
 */
credit_line?: Money, };

export type AdCredit = { 
/**
 * Identifier used by allocation lines (normalised when read: trimmed, full-width forms and Unicode spaces folded, invisible characters removed).
 */
id: string, 
/**
 * What is left of the credit in the Business Center.
 */
amount: Money, 
/**
 * Last day the credit can be used, if it expires.
 */
expires?: IsoDate | null, };

export type Account = { 
/**
 * Identifier used by allocation lines and move questions (normalised when read: trimmed, full-width forms and Unicode spaces folded, invisible characters removed).
 */
id: string, 
/**
 * Display name; the id is shown when it is absent.
 */
name?: string | null, 
/**
 * The legal entity that owns the account.
 */
entity: string, 
/**
 * The account's currency, fixed when the account was created.
 */
currency: Currency, 
/**
 * Review and enforcement status.
 */
status: Status, 
/**
 * Whether the account is in the Business Center's Payment Portfolio.
 */
in_payment_portfolio?: boolean, 
/**
 * Ad credit already allocated to the account and not yet spent.
 */
ad_credit_balance?: Money, 
/**
 * Cash balance of the account.
 */
cash_balance?: Money, 
/**
 * What the account's campaigns are planned to spend before the credit expires.
 */
planned_spend?: Money | null, };

export type Allocation = { 
/**
 * Id of the Business Center credit to allocate from.
 */
credit: string, 
/**
 * Id of the receiving account.
 */
account: string, 
/**
 * Amount to allocate.
 */
amount: Money, };

export type Role = "admin" | "finance_manager" | "finance_analyst" | "standard" | "operator" | "analyst";

export type Status = "active" | "in_review" | "suspended" | "closed";

export type Report = { 
/**
 * False exactly when some finding has severity `error`.
 */
valid: boolean, 
/**
 * The Business Center's currency, which every amount below is in.
 */
currency: Currency, 
/**
 * Everything worth knowing about the plan, in a stable order.
 */
findings: Array<Finding>, 
/**
 * The state after the applied lines.
 */
after: After, 
/**
 * The manual actions to carry out, in order; each is final.
 */
steps: Array<Step>, };

export type Finding = { 
/**
 * How serious it is.
 */
severity: Severity, 
/**
 * Which rule it comes from.
 */
rule: RuleId, 
/**
 * Index (from 0) of the allocation line it concerns, if any.
 */
allocation?: number, 
/**
 * Id of the account it concerns, if any.
 */
account?: string, 
/**
 * Id of the credit it concerns, if any.
 */
credit?: string, 
/**
 * JSON path of the value at fault, if one value is (`allocations[1].amount`).
 */
path?: string, 
/**
 * A plain-language explanation with the figures.
 */
message: string, 
/**
 * Content id of the FAQ entry that explains the rule.
 */
source: string, };

export type Severity = "error" | "warning" | "info";

export type RuleId = "manual-allocation" | "portfolio-share" | "ad-credit-locked" | "ad-credit-no-return" | "portfolio-excludes-ad-credit" | "different-entity" | "not-in-portfolio" | "role-not-permitted" | "account-suspended" | "account-not-approved" | "currency-mismatch" | "credit-expired" | "insufficient-credit" | "invalid-amount" | "unknown-account" | "unknown-credit" | "exceeds-planned-spend" | "small-leftover" | "one-action-per-allocation" | "expires-soon" | "balance-allocation" | "cash-refund-to-bc" | "insufficient-balance";

export type After = { 
/**
 * What stays in the Business Center.
 */
business_center: BusinessCenterAfter, 
/**
 * What each account holds.
 */
accounts: Array<AccountAfter>, };

export type BusinessCenterAfter = { 
/**
 * Each credit, with what the plan takes from it.
 */
ad_credits: Array<CreditAfter>, };

export type CreditAfter = { 
/**
 * The credit's id.
 */
id: string, 
/**
 * What it held before the plan.
 */
amount: Money, 
/**
 * What the applied lines take from it.
 */
allocated: Money, 
/**
 * What stays in the Business Center: `amount - allocated`.
 */
remaining: Money, 
/**
 * When it expires, if it does.
 */
expires?: IsoDate, };

export type AccountAfter = { 
/**
 * The account's id.
 */
id: string, 
/**
 * Ad credit balance before the plan plus what the plan allocates to it.
 */
ad_credit_balance: Money, 
/**
 * What the plan allocates to it.
 */
received: Money, 
/**
 * Credit beyond the planned spend, which can never move to another account and is lost at
 * expiry; null without a planned spend.
 */
locked_surplus: Money | null, };

export type Step = { 
/**
 * Position in the sequence, from 1.
 */
order: number, 
/**
 * Index (from 0) of the allocation line it carries out.
 */
allocation: number, 
/**
 * Receiving account id.
 */
account: string, 
/**
 * Receiving account's display name.
 */
account_name: string, 
/**
 * Credit id.
 */
credit: string, 
/**
 * Amount to enter.
 */
amount: Money, 
/**
 * Always true: an allocation cannot be undone (F9).
 */
irreversible: boolean, 
/**
 * Where to click (F8).
 */
how: string, };

export type Plan = { 
/**
 * The lines to carry out, soonest-expiring credit first.
 */
allocations: Array<Allocation>, 
/**
 * Credit that stays in the Business Center, with why.
 */
left: Array<Left>, 
/**
 * Accounts that get nothing, with the rule that leaves them out.
 */
skipped: Array<Skipped>, 
/**
 * Every account, in scenario order: what the plan gives it and why.
 */
accounts: Array<AccountShare>, 
/**
 * The report of `check` on the scenario with these lines (CONTRACT §3).
 */
report: Report, };

export type Left = { 
/**
 * The credit's id.
 */
credit: string, 
/**
 * What stays of it.
 */
amount: Money, 
/**
 * When it expires, if it does.
 */
expires?: IsoDate, 
/**
 * Why it stays, and until when it can still be used.
 */
why: string, };

export type Skipped = { 
/**
 * The account's id.
 */
account: string, 
/**
 * The rule that leaves it out.
 */
rule: RuleId, 
/**
 * Why, with the figures.
 */
why: string, };

export type AccountShare = { 
/**
 * The account's id.
 */
account: string, 
/**
 * What the plan allocates to it in total.
 */
amount: Money, 
/**
 * The lines that make it up: which credit, how much.
 */
credits: Array<CreditShare>, 
/**
 * One sentence for a person about to click: why this much.
 */
why: string, };

export type CreditShare = { 
/**
 * The credit's id.
 */
credit: string, 
/**
 * How much of it.
 */
amount: Money, };

export type MoveQuestion = { 
/**
 * Which kind of funds.
 */
fund: Fund, 
/**
 * `"bc"` for the Business Center, or an account id (normalised when read).
 */
from: string, 
/**
 * `"bc"` for the Business Center, or an account id (normalised when read).
 */
to: string, 
/**
 * How much, if known (`""` is not known).
 */
amount?: Money | null, 
/**
 * The setup to judge against; without it the verdict comes from the rules alone.
 */
scenario?: Scenario | null, };

export type Fund = "ad_credit" | "cash" | "credit_line";

export type Verdict = { 
/**
 * Whether the move can be made.
 */
allowed: boolean, 
/**
 * The rule that decides it.
 */
rule: RuleId, 
/**
 * Why, in plain language, with the figures when a scenario gives them.
 */
reason: string, 
/**
 * Content id of the FAQ entry that explains the rule.
 */
source: string, 
/**
 * The question's fund kind.
 */
fund: Fund, 
/**
 * The question's source.
 */
from: string, 
/**
 * The question's target.
 */
to: string, 
/**
 * The question's amount, if any.
 */
amount?: Money, };

export type Hit = { 
/**
 * Content id, e.g. `faq/move-after-allocation`.
 */
id: string, 
/**
 * Display title.
 */
title: string, 
/**
 * FAQ entry or article section.
 */
kind: DocKind, 
/**
 * Ranking score (higher is better).
 */
score: number, 
/**
 * The direct answer (FAQ) or the article's summary.
 */
summary: string, 
/**
 * Plain text around the best cluster of matched words, cut at word boundaries with `…`.
 */
snippet: string, 
/**
 * `[start, end)` of each matched word in `snippet`, in UTF-16 code units (JS string
 * offsets).
 */
highlights: Array<[number, number]>, };

export type DocKind = "faq" | "article";

export type ShardKey = { "kind": "terms", "index": number } | { "kind": "docs", "index": number };

export type SearchResults = { 
/**
 * Knowledge-base entries, best first.
 */
results: Array<Hit>, 
/**
 * False when the knowledge base has no answer to the question: `results` are then only
 * the closest entries (decided by the search from the words the best entry matches).
 */
answered: boolean, };

export type Answer = { 
/**
 * Knowledge-base entries, best first.
 */
results: Array<Hit>, 
/**
 * False when the knowledge base has no answer to the question: `results` are then only
 * the closest entries.
 */
answered: boolean, 
/**
 * The verdict on the move the question describes (in the given scenario, or from the
 * rules alone). An end the question leaves open, when the verdict is the same wherever
 * it is, is `"any"`.
 */
verdict?: Verdict, 
/**
 * The question back, as one sentence, when the question is about a move but something
 * is missing or unclear.
 */
needs?: string, 
/**
 * What `needs` asks for.
 */
asks_for?: AsksFor, 
/**
 * When several places fit the words: each, with the question made explicit for it.
 */
choices?: Array<Choice>, 
/**
 * How the question was read where it matters to the verdict (a role the question
 * states, "all of it", an open end), as sentences.
 */
notes?: Array<string>, 
/**
 * For "how much should X get?": what the suggested plan (CONTRACT §8) gives the account
 * asked about — its amount, the credits it is drawn from, and why.
 */
suggestion?: AccountShare, 
/**
 * For "how do I split the launch voucher?": every account's part of that credit in the
 * suggested plan.
 */
suggestions?: Array<AccountShare>, };

export type MoveAnswer = { 
/**
 * The verdict on the move the question describes (in the given scenario, or from the
 * rules alone). An end the question leaves open, when the verdict is the same wherever
 * it is, is `"any"`.
 */
verdict?: Verdict, 
/**
 * The question back, as one sentence, when the question is about a move but something
 * is missing or unclear.
 */
needs?: string, 
/**
 * What `needs` asks for.
 */
asks_for?: AsksFor, 
/**
 * When several places fit the words: each, with the question made explicit for it.
 */
choices?: Array<Choice>, 
/**
 * How the question was read where it matters to the verdict (a role the question
 * states, "all of it", an open end), as sentences.
 */
notes?: Array<string>, 
/**
 * For "how much should X get?": what the suggested plan (CONTRACT §8) gives the account
 * asked about — its amount, the credits it is drawn from, and why.
 */
suggestion?: AccountShare, 
/**
 * For "how do I split the launch voucher?": every account's part of that credit in the
 * suggested plan.
 */
suggestions?: Array<AccountShare>, };

export type AsksFor = "from" | "to" | "fund" | "place" | "amount";

export type Choice = { 
/**
 * `"bc"` or the account id.
 */
id: string, 
/**
 * The place as people know it: "Germany (de)", "Business Center".
 */
label: string, 
/**
 * The question again, naming this place by its id.
 */
question: string, };

export type SearchOptionsInput = { 
/**
 * How many results (an integer from 1 to 50; default 10 for `search`, 5 for `ask`).
 */
limit?: number | null, };

