// A consumer of the published types (dist/adcredit.d.ts), type-checked by `cargo xtask test`
// with `tsc --strict` (web/tsconfig.consumer.json). Never run: it only has to compile.
import { init, search, ask, checkPlan, canMove, AdcreditHelp } from 'adcredit';
import type { Answer, Hit, Report, Scenario, SearchResults, Verdict, DocKind, AdcreditError } from 'adcredit';

const scenario: Scenario = {
  today: '2026-11-24',
  actor_role: 'admin',
  business_center: { entity: 'Acme GmbH', currency: 'EUR', ad_credits: [{ id: 'promo', amount: '100.00', expires: '2027-01-31' }] },
  accounts: [{ id: 'de', entity: 'Acme GmbH', currency: 'EUR', status: 'active' }],
  allocations: [{ credit: 'promo', account: 'de', amount: '50.00' }],
};

export async function consume(): Promise<string[]> {
  const { schemaVersion }: { schemaVersion: number } = await init({ base: '/help/', index: '/help/' });
  const found: SearchResults = await search('move credit', { limit: 5 });
  const first: Hit | undefined = found.results[0];
  const kind: DocKind | undefined = first?.kind;
  const spans: Array<[number, number]> = first?.highlights ?? [];
  const reply: Answer = await ask('can I move credit from de to bc?', scenario, { limit: 3 });
  const verdict: Verdict | undefined = reply.verdict;
  const report: Report = await checkPlan(scenario);
  const move: Verdict = await canMove({ fund: 'ad_credit', from: 'de', to: 'bc', amount: '10.00', scenario });
  const el: AdcreditHelp = document.createElement('adcredit-help');
  el.addEventListener('adcredit-answer', (ev) => ev.detail.query.toUpperCase());
  try {
    await search('');
  } catch (e) {
    const code: string = (e as AdcreditError).code;
    return [code];
  }
  return [
    String(schemaVersion),
    kind ?? 'none',
    String(spans.length),
    verdict?.rule ?? reply.needs ?? '',
    String(report.valid),
    move.allowed ? move.reason : move.rule,
    el.scenario.today,
  ];
}
