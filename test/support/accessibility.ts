import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The rule sets a screen is held to: WCAG 2.1 A and AA, and axe's best practices. */
const STANDARDS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AccessibilityViolation {
  impact: Impact | null;
  id: string;
  help: string;
  /** CSS selectors of the first few elements at fault. */
  targets: string[];
  /** How many elements are at fault in all. */
  count: number;
}

const FIRST_TARGETS = 3;

let axe: string | undefined;
const axeSource = () => (axe ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/**
 * Runs axe-core in the page and answers what it found. `exclude` lists selectors of regions to leave
 * out of the scan, each with the reason at the call site (markup a library generates and the console
 * cannot change). The scan runs as a string in the page: the tests compile without the DOM's types.
 */
export const accessibilityViolations = async (page: Page, options: { exclude?: string[] } = {}): Promise<AccessibilityViolation[]> => {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) {
    // Evaluated rather than added as a <script>: the console's Content Security Policy refuses inline scripts, as it should.
    await page.evaluate(axeSource());
  }
  const context = JSON.stringify({ include: [['html']], exclude: (options.exclude ?? []).map((selector) => [selector]) });
  return page.evaluate<AccessibilityViolation[]>(`
    window.axe.run(${context}, { runOnly: ${JSON.stringify(STANDARDS)}, resultTypes: ['violations'] }).then((results) =>
      results.violations.map((violation) => ({
        impact: violation.impact ?? null,
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.slice(0, ${FIRST_TARGETS}).map((node) => node.target.join(' ')),
        count: violation.nodes.length,
      })),
    )
  `);
};

const BLOCKING: Impact[] = ['moderate', 'serious', 'critical'];

/** The violations a screen may not have: all but those axe rates minor. */
export const blocking = (violations: AccessibilityViolation[]) => violations.filter((violation) => violation.impact !== null && BLOCKING.includes(violation.impact));

/**
 * One line per violation, saying what and where, so a failing expectation reads as a finding:
 * `serious color-contrast: Elements must meet minimum color contrast ratio thresholds (4 elements: .badge-wait, …)`.
 */
export const describeViolations = (violations: AccessibilityViolation[]): string[] =>
  violations.map(
    (violation) =>
      `${violation.impact ?? 'unrated'} ${violation.id}: ${violation.help} (${violation.count} element${violation.count === 1 ? '' : 's'}: ${violation.targets.join(', ')}${violation.count > violation.targets.length ? ', …' : ''})`,
  );
