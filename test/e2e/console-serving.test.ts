import { launchBrowser, screenshot, type ConsoleBrowser } from '../support/browser';
import { baseUrl, consoleUrl } from './http-client';

describe('the console served by the local stack, in Chromium', () => {
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the console and shows it without a console or page error', async () => {
    // Prepare
    const url = consoleUrl();

    // Act
    const { page, errors } = await browser.open(url);
    // A string: the tests' TypeScript knows no DOM. Text in the body means the page (or its script) drew something.
    await page.waitForFunction('document.body.innerText.trim().length > 0');
    const path = await screenshot(page, 'console-index');

    // Assess
    expect(new URL(page.url()).origin).toBe(new URL(url).origin);
    expect(errors).toEqual([]);
    expect(path).toMatch(/test\/e2e\/screenshots\/console-index\.png$/);
  });

  it("points the page at the stack's API through /config.json", async () => {
    // Prepare
    const { page } = await browser.open(consoleUrl());

    // Act
    const config = await page.evaluate(async () => (await fetch('/config.json')).json());

    // Assess
    expect(config).toEqual({ apiBase: baseUrl(), stage: 'local' });
  });
});
