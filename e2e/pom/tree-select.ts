import type { Locator, Page } from 'playwright-core';

/**
 * Picks a node in an antd TreeSelect (the shared OrgTreeSelect) by typing part of its name, and
 * returns once the choice has landed. Each wait stands for a state the next step needs:
 * - the tree has arrived from the server (no loading icon): typing into a picker whose data is
 *   still on its way filters a list that is then replaced, and the node clicked is detached;
 * - the matching node is visible in the open dropdown (Playwright's click waits for it to be
 *   attached, visible and stable, and retries on a re-rendered node);
 * - the dropdown has closed and the field shows the chosen name, so a following click (a
 *   confirm button, another field) never lands on a closing popup.
 * `which`: several nodes may match (a station and its branch share a word); pick the first or last.
 */
export async function pickTreeNode(page: Page, input: Locator, name: string, which: 'first' | 'last' = 'first'): Promise<void> {
  const field = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await field.locator('.ant-select-arrow-loading').waitFor({ state: 'detached' });
  // The search input sits under the selection text; force the click onto it.
  await input.click({ force: true });
  await input.fill(name);
  const nodes = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper', {
    hasText: name,
  });
  await (which === 'first' ? nodes.first() : nodes.last()).click();
  await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
  await field.locator('.ant-select-selection-item', { hasText: name }).waitFor();
}
