// Headless Chromium for the end-to-end test, through playwright-core (no browser download: the system's
// /usr/bin/chromium). Without it the test fails in CI and is reported as not run elsewhere.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether the end-to-end test can run here; throws in CI, where Chromium must be installed (.ci/run). */
export function isChromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium is required in CI and is missing at ${CHROMIUM_PATH}`);
  console.warn(`portal e2e: ${CHROMIUM_PATH} not found, the browser test does not run (set CHROMIUM_PATH).`);
  return false;
}

/** Launches Chromium with a fresh profile; `close` removes it. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
