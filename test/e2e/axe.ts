// axe-core in a page or one of its frames, as the accessibility suite and the scenarios that add screens use it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations in one document (each frame of ours is its own document, checked
 * on its own: a mail's sandboxed body frame is the mail's, not ours).
 */
export async function violations(target: Page | Frame): Promise<Finding[]> {
  // evaluate() runs through the debugger, which extension pages' CSP (no inline script) does not stop.
  await target.evaluate(`${AXE};0`);
  const found = await target.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }>;
        };
      }
    ).axe;
    // What a reader of the failure needs: the element's given name and the words on it.
    const describe = (target: unknown[]) => {
      const element = typeof target[0] === 'string' ? document.querySelector(target[0]) : null;
      return element
        ? `name=${JSON.stringify(element.getAttribute('aria-label'))} text=${JSON.stringify((element as HTMLElement).innerText.slice(0, 300))}`
        : '';
    };
    const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''} ${describe(node.target)}`),
    }));
  });
  return found.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

export async function expectClean(target: Page | Frame, where: string): Promise<void> {
  const found = await violations(target);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}
