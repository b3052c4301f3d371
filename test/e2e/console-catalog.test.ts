import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_RETAILER, demoLocations } from '../../scripts/local-stack/demo-catalog';
import { launchBrowser, openConsole, PHONE, screenshot, signIn, type ConsolePage } from '../support/browser';
import { answerWith, WebhookReceiver } from '../support/webhook-receiver';
import { demoKey, http } from './http-client';

/**
 * The console's Workflows, Inventory, Jobs and Webhooks screens in Chromium, signed in with the
 * demo key, on the demo account's reference workflows, locations and stock.
 */
const WAREHOUSES = demoLocations.filter((location) => location.type === 'WAREHOUSE').map((location) => location.ref);
const run = Date.now().toString(36).toUpperCase();

let browser: Browser;
const tabs: ConsolePage[] = [];
const receivers: WebhookReceiver[] = [];
const subscriptions: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'ordo-console-catalog-'));

/** A new tab on the console, signed in with the demo key or the one given. */
const signedIn = async (viewport?: typeof PHONE, apiKey = demoKey()): Promise<ConsolePage> => {
  const tab = await openConsole(browser, viewport);
  tabs.push(tab);
  await signIn(tab.page, apiKey);
  return tab;
};

const openScreen = async (page: Page, name: string) => {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
};

/** The demo retailer's ORDER HD workflow, opened from the Workflows list. */
const openDemoWorkflow = async (page: Page) => {
  await openScreen(page, 'Workflows');
  await page.getByRole('row').filter({ hasText: DEMO_RETAILER }).getByRole('link', { name: 'ORDER HD' }).click();
  await page.getByRole('heading', { level: 1, name: 'Workflow ORDER HD' }).waitFor();
};

const diagramOf = (page: Page) => page.getByRole('region', { name: 'Workflow state diagram' });

const subscribe = async (retailerId: string, receiver: WebhookReceiver): Promise<string> => {
  const reply = await http('POST', '/v1/webhooks', { apiKey: demoKey(), body: { url: receiver.url().href, events: ['order.cancelled'], retailerId } });
  if (reply.status !== 201) throw new Error(`subscribing answered ${reply.status}: ${reply.text}`);
  subscriptions.push(reply.body.webhookId);
  return reply.body.webhookId;
};

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const tab of tabs) await tab.close();
  await browser?.close();
  for (const webhookId of subscriptions) await http('DELETE', `/v1/webhooks/${webhookId}`, { apiKey: demoKey() });
  await Promise.all(receivers.map((receiver) => receiver.close()));
  rmSync(scratch, { recursive: true, force: true });
}, 30_000);

describe('the console Workflows screen', () => {
  it("lists the demo retailer's workflows and draws ORDER HD's state diagram as an SVG with its states", async () => {
    // Prepare
    const { page, problems } = await signedIn();

    // Act
    await openScreen(page, 'Workflows');
    await page.getByRole('table', { name: 'Workflows' }).waitFor();
    await screenshot(page, '07-workflows');
    const listed = await page.getByRole('row').filter({ hasText: DEMO_RETAILER }).getByRole('link').allTextContents();
    await openDemoWorkflow(page);
    const svg = diagramOf(page).locator('svg');
    await svg.waitFor();
    await screenshot(page, '08-workflow');

    // Assess
    expect(listed).toEqual(expect.arrayContaining(['ORDER HD', 'ORDER CC']));
    expect(await svg.locator('g.node').count()).toBeGreaterThan(0);
    expect(await svg.textContent()).toEqual(expect.stringContaining('ALLOCATED'));
    expect(await page.getByRole('combobox', { name: 'Version' }).inputValue()).toMatch(/^\d+$/);
    expect(problems).toEqual([]);
  });

  it("dry-runs the prefilled CREATE event, shows the actions it would take, and writes no order", async () => {
    // Prepare
    const { page, problems } = await signedIn();
    await openDemoWorkflow(page);
    const ref = `E2E-CONSOLE-DRY-${run}`;
    await page.getByLabel('Entity ref', { exact: true }).fill(ref);

    // Act
    await page.getByRole('button', { name: 'Run dry run' }).click();
    const actions = page.getByRole('table', { name: 'Actions' });
    await actions.waitFor();
    await screenshot(page, '09-dry-run');

    // Assess
    expect(await actions.getByRole('cell', { name: 'SET_STATE' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: 'State changes' }).textContent()).toEqual(expect.stringContaining('BOOKED'));
    expect((await http('GET', `/v1/orders/${ref}?retailerId=${DEMO_RETAILER}`, { apiKey: demoKey() })).status).toBe(404);
    expect(problems).toEqual([]);
  });

  it("shows the API's refusal of a dry run, naming the field at fault", async () => {
    // Prepare
    const { page, problems } = await signedIn();
    await openDemoWorkflow(page);
    await page.getByLabel('Retailer', { exact: true }).fill('no such retailer!');

    // Act
    await page.getByRole('button', { name: 'Run dry run' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();

    // Assess
    expect(await refusal.textContent()).toEqual(expect.stringMatching(/^VALIDATION_FAILED .*\(field retailerId\)/));
    expect(await page.getByRole('table', { name: 'Actions' }).count()).toBe(0);
    // Chromium logs the 400 answer itself: that line and nothing else, the page throws nothing.
    expect(problems).toEqual([expect.stringContaining('status of 400')]);
  });

  it('keeps the workflow page within the width of a phone, the diagram scrolling in its own frame', async () => {
    // Prepare
    const { page, problems } = await signedIn(PHONE);

    // Act
    await openDemoWorkflow(page);
    await diagramOf(page).locator('svg').waitFor();
    await screenshot(page, '15-workflow-phone');

    // Assess
    // Evaluated in the page: the test's own TypeScript has no DOM types.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  });
});

describe('the console Inventory screen', () => {
  it("shows a demo SKU's stock across the warehouses, with its total", async () => {
    // Prepare
    const { page, problems } = await signedIn();
    await openScreen(page, 'Inventory');

    // Act
    await page.getByLabel('SKU', { exact: true }).fill('SKU-001');
    await page.getByRole('button', { name: 'Show stock' }).click();
    const positions = page.getByRole('table', { name: 'Inventory positions' });
    await positions.waitFor();
    await screenshot(page, '10-inventory');

    // Assess
    const text = await positions.textContent();
    for (const warehouse of WAREHOUSES) expect(text).toContain(warehouse);
    expect(await positions.getByRole('rowheader', { name: /^Total SKU-001 \(\d+ locations\)$/ }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it("checks availability and draws the chosen plan's locations with their distances, as in its table", async () => {
    // Prepare
    const { page, problems } = await signedIn();
    await openScreen(page, 'Inventory');
    await page.getByLabel('Retailer').fill(DEMO_RETAILER);
    // Cambridge: no demo location is there, so the drawing shows the routes to the chosen ones.
    await page.getByLabel('Delivery latitude').fill('52.2053');
    await page.getByLabel('Delivery longitude').fill('0.1218');
    await page.getByLabel('SKU of line 1').fill('SKU-002');
    await page.getByLabel('Quantity of line 1').fill('3');

    // Act
    await page.getByRole('button', { name: 'Check availability' }).click();
    const drawing = page.getByRole('img', { name: /^Plan 1: / });
    await drawing.waitFor();
    await screenshot(page, '11-availability');

    // Assess
    const rows = page.getByRole('table', { name: 'Plan 1 locations and distances' }).getByRole('row');
    const tabled = (await rows.allTextContents()).slice(1);
    const markers = await drawing.getByTestId('chosen-location').locator('text').allTextContents();
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.length).toBe(tabled.length);
    tabled.forEach((row, index) => {
      expect(row).toContain(markers[index]);
      expect(row).toMatch(/\d+(\.\d)? km/);
    });
    expect(await drawing.textContent()).toContain('Delivery point');
    expect(problems).toEqual([]);
  });
});

describe('the console Jobs screen', () => {
  it('uploads a CSV as a batch and shows the job complete with the bad record listed', async () => {
    // Prepare
    const skus = [1, 2, 3, 4].map((n) => `E2E-CSV-${run}-${n}`);
    const file = join(scratch, 'stock-count.csv');
    writeFileSync(file, ['skuRef,locationRef,qty', `${skus[0]},WH-NORTH,7`, `${skus[1]},WH-SOUTH,8`, `${skus[2]},WH-MIDLANDS,ten`, `${skus[3]},ST-LEEDS,9`].join('\n'));
    const { page, problems } = await signedIn();
    await openScreen(page, 'Jobs');

    // Act
    await page.getByLabel('Retailer').fill(DEMO_RETAILER);
    await page.getByLabel('Stock file (CSV)').setInputFiles(file);
    await page.getByRole('table', { name: 'Records read from the file' }).waitFor();
    await screenshot(page, '12-jobs');
    await page.getByRole('button', { name: 'Send 4 records' }).click();
    await page.getByRole('heading', { level: 1, name: 'Job upload stock-count.csv' }).waitFor();
    await page.getByRole('table', { name: 'Batches' }).getByText('PARTIAL', { exact: true }).waitFor({ timeout: 90_000 });
    const failed = page.getByRole('table', { name: 'Failed records' });
    await failed.waitFor();
    await screenshot(page, '13-job');

    // Assess
    const failedRows = (await failed.getByRole('row').allTextContents()).slice(1);
    expect(failedRows).toHaveLength(1);
    expect(failedRows[0]).toEqual(expect.stringContaining(skus[2]));
    expect(failedRows[0]).toEqual(expect.stringContaining('INVALID_RECORD'));
    const stored = await http('GET', `/v1/inventory?skuRef=${skus[0]}`, { apiKey: demoKey() });
    expect(stored.body.items).toEqual([expect.objectContaining({ locationRef: 'WH-NORTH', onHand: 7 })]);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('the console Webhooks screen', () => {
  it("opens a subscription from the list, sends a test and shows its delivery", async () => {
    // Prepare
    const receiver = await WebhookReceiver.start(answerWith(204));
    receivers.push(receiver);
    const webhookId = await subscribe(`console-e2e-${run}`, receiver);
    const { page, problems } = await signedIn();
    await openScreen(page, 'Webhooks');

    // Act
    await page.getByRole('link', { name: receiver.url().href }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhook subscription' }).waitFor();
    await page.getByRole('button', { name: 'Send test' }).click();
    // The list read on opening the page can land while the test message is being sent, and show it PENDING until
    // the read the test's answer starts comes back.
    const delivery = page.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: 'webhook.test' }).filter({ hasText: 'DELIVERED' });
    await delivery.waitFor();
    await screenshot(page, '14-webhooks');

    // Assess
    expect(await delivery.textContent()).toContain('DELIVERED');
    expect(receiver.received.map((received) => JSON.parse(received.body).type)).toEqual(['webhook.test']);
    expect(await page.getByText(webhookId).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('retries a FAILED delivery on request and shows it DELIVERED once the endpoint answers', async () => {
    // Prepare: the endpoint refuses every scheduled attempt (2, 5 and 10 s apart locally), then takes the retry.
    const receiver = await WebhookReceiver.start(answerWith(500), answerWith(500), answerWith(500), answerWith(500), answerWith(204));
    receivers.push(receiver);
    const webhookId = await subscribe(`console-e2e-retry-${run}`, receiver);
    const tested = await http('POST', `/v1/webhooks/${webhookId}/test`, { apiKey: demoKey() });
    const messageId: string = tested.body.messageId;
    for (let waited = 0; waited < 60_000; waited += 1000) {
      const listed = await http('GET', `/v1/webhooks/${webhookId}/deliveries?status=FAILED`, { apiKey: demoKey() });
      if (listed.body.items.some((item: { messageId: string }) => item.messageId === messageId)) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const { page, problems } = await signedIn();
    await page.goto(`${page.url().split('#')[0]}#/webhooks/${webhookId}?status=FAILED`);
    const row = page.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: messageId });
    await row.waitFor();

    // Act
    await row.getByRole('button', { name: `Retry message ${messageId}` }).click();
    await row.getByText('DELIVERED', { exact: true }).waitFor();

    // Assess
    expect(receiver.received).toHaveLength(5);
    expect(await row.textContent()).toContain('204');
    expect(problems).toEqual([]);
  }, 90_000);
});

describe('the console for a READONLY key', () => {
  it('offers no dry run, no upload and no webhooks, saying which permission they need', async () => {
    // Prepare
    const issued = await http('POST', '/v1/api-keys', { apiKey: demoKey(), body: { role: 'READONLY' } });
    const { page, problems } = await signedIn(undefined, issued.body.apiKey);

    // Act
    await openDemoWorkflow(page);
    await diagramOf(page).locator('svg').waitFor();
    const dryRunButtons = await page.getByRole('button', { name: 'Run dry run' }).count();
    const dryRunNote = await page.getByText('A dry run needs a key with EVENT_CREATE.').count();
    await openScreen(page, 'Jobs');
    await page.getByRole('heading', { level: 2, name: 'Recent jobs' }).waitFor();
    const uploads = await page.getByLabel('Stock file (CSV)').count();
    await openScreen(page, 'Webhooks');
    const webhooksNote = await page.getByRole('status').filter({ hasText: 'WEBHOOK_MANAGE' }).count();

    // Assess
    expect(issued.status).toBe(201);
    expect([dryRunButtons, dryRunNote, uploads, webhooksNote]).toEqual([0, 1, 0, 1]);
    expect(problems).toEqual([]);
  });
});
