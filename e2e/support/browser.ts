import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium, with the flags this closed network needs (no background fetches); Playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  return chromium.launch({
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
}

/**
 * Run output goes to an ignored folder, so a test run leaves the working tree clean; the committed
 * e2e/screenshots/ are deliberate copies made with `npm run screenshots:accept` after looking.
 */
/**
 * A browser context that prefers reduced motion, so the app turns antd's animations off
 * (AppConfigProvider): a dropdown, modal or drawer is open or gone at once, and a step never acts
 * on an element that is still sliding in or already detached. Page objects still wait for the
 * state they need; this removes the animation frames they would otherwise race.
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ reducedMotion: 'reduce', ...options });
}

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
