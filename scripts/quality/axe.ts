/**
 * Accessibility audit of one loaded page with axe-core, limited to the WCAG 2.2 A and
 * AA rules the archive promises. Results come back as flat, printable problems so a
 * failing test names the page, the rule and the elements at fault.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
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

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The rules whose outcome depends on colours alone: text contrast, and links told from the text around them by colour.
 * On a page whose colour schemes differ only in colour values, these are all another scheme can change.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * Every WCAG A/AA rule, or the colour rules alone. Target size (WCAG 2.5.8, AA) is off in axe by default, so it is
 * turned on. Only violations carry every element: the other result types are counted, not read.
 */
const RUN_OPTIONS: Record<'wcag' | 'colour', RunOptions> = {
  wcag: {
    runOnly: { type: 'tag', values: [...WCAG_TAGS] },
    rules: { 'target-size': { enabled: true } },
    resultTypes: ['violations'],
  },
  colour: { runOnly: { type: 'rule', values: [...COLOUR_RULES] }, resultTypes: ['violations'] },
};

/**
 * Runs axe on the page as it is now; `label` names the page in the problems. axe-core is
 * evaluated in the page once per document and run there, and only the violations' ids,
 * help and element selectors come back: injecting the script on every audit and carrying
 * every result across (as axe's Playwright wrapper does) took most of an audit's time. The
 * archive's pages have no frames, and an audit of one that has fails.
 */
export async function auditAccessibility(
  page: Page,
  label: string,
  rules: keyof typeof RUN_OPTIONS = 'wcag',
): Promise<AxeAudit> {
  if ((await page.locator('iframe, frame').count()) > 0) throw new Error(`${label}: a page with frames`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const { violations, rulesRun } = await page.evaluate(async (options) => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
    };
    const results = await axe.run(document, options);
    return {
      violations: results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      })),
      rulesRun:
        results.passes.length + results.violations.length + results.incomplete.length + results.inapplicable.length,
    };
  }, RUN_OPTIONS[rules]);
  return { problems: violations.map((violation) => ({ page: label, ...violation })), rulesRun };
}

/** One line per problem: page, rule id, what it means, and the failing elements. */
export function formatAxeProblem(problem: AxeProblem): string {
  return `${problem.page}: ${problem.rule} (${problem.impact}: ${problem.help}) at ${problem.targets.join(', ')}`;
}
