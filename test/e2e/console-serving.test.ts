import type { Browser } from 'playwright-core';
import { consoleUrl, launchBrowser, openConsole, screenshot } from '../support/browser';
import { baseUrl } from './http-client';

describe('the console served by the local stack, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the console on its sign-in form without a console or page error', async () => {
    // Prepare
    const url = consoleUrl();

    // Act
    const { page, problems, close } = await openConsole(browser);
    await page.getByLabel('API key').waitFor();
    const path = await screenshot(page, 'console-index');

    // Assess
    expect(new URL(page.url()).origin).toBe(new URL(url).origin);
    expect(problems).toEqual([]);
    expect(path).toMatch(/test\/e2e\/screenshots\/console-index\.png$/);
    await close();
  });

  it("points the page at the stack's API through /config.json", async () => {
    // Prepare
    const { page, close } = await openConsole(browser);

    // Act
    const config = await page.evaluate(async () => (await fetch('/config.json')).json());

    // Assess
    expect(config).toEqual({ apiBase: baseUrl(), stage: 'local' });
    await close();
  });
});
