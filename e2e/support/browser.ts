import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Browsers launched by this test file, so a failed step can report what their pages showed. */
export const openBrowsers = new Set<Browser>();

/**
 * Debian's Chromium, with the flags this closed network needs (no background fetches); Playwright
 * gives it a fresh profile. Every context it opens prefers reduced motion (see newContext).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const open = browser.newContext.bind(browser);
  browser.newContext = (options: BrowserContextOptions = {}) => open({ reducedMotion: 'reduce', ...options });
  openBrowsers.add(browser);
  browser.on('disconnected', () => openBrowsers.delete(browser));
  return browser;
}

/** What each open page shows (address and visible text), for the report of a failed step. */
export async function describeOpenPages(): Promise<string> {
  const parts: string[] = [];
  for (const browser of openBrowsers) {
    for (const page of browser.contexts().flatMap((context) => context.pages())) {
      const text = await page
        .locator('body')
        .innerText({ timeout: 2000 })
        .catch((error: unknown) => `(text not readable: ${String(error)})`);
      parts.push(`--- ${page.url()}\n${text.replace(/\n{2,}/g, '\n').slice(0, 1500)}`);
    }
  }
  return parts.join('\n');
}

/**
 * A browser context; launchBrowser makes every context prefer reduced motion, so the app turns
 * antd's animations off (AppConfigProvider): a dropdown, modal or drawer is open or gone at once,
 * and a step never acts on an element that is still sliding in or already detached. Page objects
 * still wait for the state they need; this removes the animation frames they would otherwise race.
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext(options);
}

/**
 * Run output goes to an ignored folder, so a test run leaves the working tree clean; the committed
 * e2e/screenshots/ are deliberate copies made with `npm run screenshots:accept` after looking.
 */
export const screenshotDir = path.resolve(import.meta.dirname, '../.artifacts/screenshots');

/** Saves a full-page screenshot under e2e/.artifacts/screenshots/NAME.png. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  // A drawer or modal still sliding in makes a picture nobody can read: wait (a few seconds at
  // most, the picture is not the test) until no finite animation is running. Spinners loop forever
  // and are ignored.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      {
        timeout: 3000,
      },
    )
    .catch(() => undefined);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
