import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package; ORDO_CHROMIUM_PATH points elsewhere. No browser is ever downloaded. */
export const chromiumPath = (): string => process.env.ORDO_CHROMIUM_PATH || '/usr/bin/chromium';

/** Where screenshot() writes, git-ignored. */
export const SCREENSHOTS_DIR = join(__dirname, '..', 'e2e', 'screenshots');

/**
 * Nothing the tests do not ask for: no sandbox (CI runs as root in a container), no GPU, no QUIC, and none of the
 * background traffic (updates, sync, field trials) a first run would start.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A page and what went wrong on it: console errors and uncaught exceptions, in order. Tests assert it stays empty. */
export interface WatchedPage {
  page: Page;
  errors: string[];
}

export interface ConsoleBrowser {
  /** Opens a new tab on `url` and waits for its load event; errors from then on are collected. */
  open(url: string, options?: { viewport?: { width: number; height: number } }): Promise<WatchedPage>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile of its own, so no state (session storage, cache) leaks between test files.
 * Fails with what to install when the browser is missing.
 */
export const launchBrowser = async (): Promise<ConsoleBrowser> => {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is missing at ${executablePath}: install it with apt-get install -y chromium (or set ORDO_CHROMIUM_PATH to a Chromium binary)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'ordo-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

  const open = async (url: string, options: { viewport?: { width: number; height: number } } = {}): Promise<WatchedPage> => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      // A failed load says which file only in its location.
      if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url || url})`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    if (options.viewport) await page.setViewportSize(options.viewport);
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors };
  };

  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };

  return { open, close };
};

/** Writes the whole page to test/e2e/screenshots/<name>.png and answers the file's path. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};
