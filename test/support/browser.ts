import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: no browser is downloaded for the tests. */
const chromiumPath = () => process.env.ORDO_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags keep Chromium off the network it would call at start (updates, sync, field trials):
 * on a machine without internet those calls fail by the dozen and slow every page.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const launchBrowser = async (): Promise<Browser> => {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: install it with \`apt-get install -y chromium\` or set ORDO_CHROMIUM_PATH`);
  }
  // launch() gives the browser a fresh temporary profile of its own and removes it on close.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
};

/** The console the e2e global setup serves beside the stack. */
export const consoleUrl = () => process.env.ORDO_E2E_CONSOLE_URL ?? '';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface ConsolePage {
  page: Page;
  /** Errors the page logged or threw, for a test to assert there were none. */
  problems: string[];
  close: () => Promise<void>;
}

/** A new tab (own session storage) on the console, recording console errors and uncaught exceptions. */
export const openConsole = async (browser: Browser, viewport = DESKTOP): Promise<ConsolePage> => {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  await page.goto(consoleUrl());
  return { page, problems, close: () => context.close() };
};

/** Signs in through the form, as a user would, and waits for the signed-in shell. */
export const signIn = async (page: Page, apiKey: string) => {
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
};

const SCREENSHOTS = join(__dirname, '..', 'e2e', 'screenshots');

/** Writes test/e2e/screenshots/<name>.png (git-ignored), the whole page. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};
