/**
 * Accessibility audit of one loaded page with axe-core, limited to the WCAG 2.2 A and
 * AA rules the archive promises. Results come back as flat, printable problems so a
 * failing test names the page, the rule and the elements at fault.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The axe tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** One rule broken on one page, with the CSS selectors of the failing elements. */
export interface AxeProblem {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** What one audit found, and how many rules it ran (to print what was covered). */
export interface AxeAudit {
  problems: AxeProblem[];
  rulesRun: number;
}

/**
 * Runs axe on the page as it is now; `label` names the page in the problems. Target size
 * (WCAG 2.5.8, AA) is off in axe by default, so it is turned on here. Axe runs in the page
 * itself (its legacy mode): its default mode also finishes each audit in a blank page of its
 * own, which exists to combine the results of frames from other origins and doubles the time
 * of an audit. The archive's pages have no frames, and an audit of one that has fails.
 */
export async function auditAccessibility(page: Page, label: string): Promise<AxeAudit> {
  if ((await page.locator('iframe, frame').count()) > 0) throw new Error(`${label}: a page with frames`);
  const results = await new AxeBuilder({ page })
    .withTags([...WCAG_TAGS])
    .options({ rules: { 'target-size': { enabled: true } } })
    .setLegacyMode()
    .analyze();
  const problems = results.violations.map((violation) => ({
    page: label,
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }));
  const rulesRun =
    results.passes.length + results.violations.length + results.incomplete.length + results.inapplicable.length;
  return { problems, rulesRun };
}

/** One line per problem: page, rule id, what it means, and the failing elements. */
export function formatAxeProblem(problem: AxeProblem): string {
  return `${problem.page}: ${problem.rule} (${problem.impact}: ${problem.help}) at ${problem.targets.join(', ')}`;
}
