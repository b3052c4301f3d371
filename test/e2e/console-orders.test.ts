import type { Browser, Page } from 'playwright-core';
import { DEMO_RETAILER } from '../../scripts/local-stack/demo-catalog';
import { referenceWorkflows } from '../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { consoleUrl, DESKTOP, launchBrowser, openConsole, PHONE, screenshot, signIn, type ConsolePage } from '../support/browser';
import { hdOrder } from '../support/order-builder';
import { waitFor } from '../support/wait-for';
import { demoKey, http, registerRetailer } from './http-client';

/**
 * The Orders and Events screens in Chromium, against the local stack and the console it serves:
 * what an operator sees and can do, with the demo key, a READONLY key and a retailer-scoped key.
 */
const run = Date.now() % 1_000_000;
const DEMO_ORDER = 'DEMO-HD-1001';
const BROWSER_TEST_MS = 90_000;

let browser: Browser;
const opened: ConsolePage[] = [];

/** A new tab on the console, signed in with `apiKey` through the form. */
const signedIn = async (apiKey: string, viewport = DESKTOP): Promise<ConsolePage> => {
  const tab = await openConsole(browser, viewport);
  opened.push(tab);
  await signIn(tab.page, apiKey);
  return tab;
};

/** Follows a console link the way a bookmark would: the hash route below the console's address. */
const visit = (page: Page, route: string) => page.goto(new URL(route, consoleUrl()).toString());

/**
 * The texts of one column of a listing table once every row passes `check`: the list shown
 * before a search is sent passes for none, so this waits for the filtered answer.
 */
const listedOnly = (page: Page, table: string, column: number, check: (text: string) => boolean, description: string) =>
  waitFor(() => page.getByRole('table', { name: table }).locator(`tbody tr td:nth-child(${column})`).allTextContents(), {
    description,
    until: (texts) => texts.length > 0 && texts.every(check),
    timeoutMs: 20_000,
    intervalMs: 200,
  });

const issueKey = async (body: { role: string; retailerId?: string }): Promise<string> => {
  const issued = await http('POST', '/v1/api-keys', { apiKey: demoKey(), body });
  expect(issued.status).toBe(201);
  return issued.body.apiKey as string;
};

const placeOrder = async (ref: string, retailerId = DEMO_RETAILER) => {
  const placed = await http('POST', '/v1/orders?mode=sync', {
    apiKey: demoKey(),
    body: hdOrder(ref, [{ skuRef: 'SKU-003', qty: 1 }], { retailerId }),
  });
  expect(placed.status).toBe(201);
  return placed.body;
};

describe('the console’s Orders and Events screens in Chromium', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((tab) => tab.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in with the demo key and shows the account name, its role, all retailers and the demo orders', async () => {
    // Prepare
    const account = await http('GET', '/v1/account', { apiKey: demoKey() });
    const tab = await openConsole(browser, DESKTOP);
    opened.push(tab);
    const { page, problems } = tab;
    await page.getByLabel('API key').waitFor();
    await screenshot(page, '01-sign-in');

    // Act
    await signIn(page, demoKey());
    await page.getByRole('link', { name: DEMO_ORDER }).waitFor();
    await screenshot(page, '02-orders');

    // Assess
    expect(await page.getByTestId('account-name').textContent()).toBe(account.body.name);
    expect(await page.getByTestId('account-role').textContent()).toBe('ADMIN');
    expect(await page.getByTestId('retailer-scope').textContent()).toBe('all retailers');
    expect(await page.getByRole('link', { name: /^DEMO-/ }).count()).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);

  it('finds the demo order by searching its ref and shows its timeline from the audit log, oldest first', async () => {
    // Prepare
    const { page, problems } = await signedIn(demoKey());

    // Act
    await page.getByLabel('Order ref begins with').fill(DEMO_ORDER);
    await page.getByRole('button', { name: 'Search' }).click();
    const found = await listedOnly(page, 'Orders', 1, (ref) => ref.startsWith(DEMO_ORDER), `orders whose ref begins with ${DEMO_ORDER}`);
    await page.getByRole('link', { name: DEMO_ORDER }).click();
    const timeline = page.getByRole('list', { name: `Events of order ${DEMO_ORDER}, oldest first` });
    await timeline.waitFor();
    await screenshot(page, '03-order');

    // Assess
    expect(found).toEqual([DEMO_ORDER]);
    expect(page.url()).toContain(`#/orders/${DEMO_ORDER}`);
    const first = timeline.locator(':scope > li').first();
    expect(await first.getByRole('link').first().textContent()).toBe('CREATE');
    expect(await first.textContent()).toContain(`ORDER ${DEMO_ORDER}: CREATED → BOOKED`);
    expect(await first.textContent()).toContain('ordo.order.SourceOrder');
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);

  it('posts a user action the order’s status offers and shows the order’s new status and the event in its timeline', async () => {
    // Prepare
    const ref = `CONSOLE-HD-${run}`;
    const placed = await placeOrder(ref);
    const { page, problems } = await signedIn(demoKey());
    await visit(page, `#/orders/${ref}?retailerId=${DEMO_RETAILER}`);
    const status = page.getByTestId('order-status');
    await status.getByText(placed.status, { exact: true }).waitFor();

    // Act
    await page.getByRole('button', { name: `CANCEL order ${ref}` }).click();

    // Assess
    await status.getByText('CANCELLED', { exact: true }).waitFor();
    const timeline = page.getByRole('list', { name: `Events of order ${ref}, oldest first` });
    await timeline.getByText(`ORDER ${ref}: ${placed.status} → CANCELLED`).waitFor();
    expect(await page.getByRole('status').filter({ hasText: `CANCEL on order ${ref}` }).textContent()).toContain('SUCCESS');
    expect((await http('GET', `/v1/orders/${ref}`, { apiKey: demoKey() })).body.status).toBe('CANCELLED');
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);

  it('shows a READONLY key the customer masked, says why, and offers it no actions', async () => {
    // Prepare
    const readOnlyKey = await issueKey({ role: 'READONLY' });
    const asTheApiShowsIt = (await http('GET', `/v1/orders/${DEMO_ORDER}?retailerId=${DEMO_RETAILER}`, { apiKey: readOnlyKey })).body;
    const inClear = (await http('GET', `/v1/orders/${DEMO_ORDER}?retailerId=${DEMO_RETAILER}`, { apiKey: demoKey() })).body;
    const { page, problems } = await signedIn(readOnlyKey);

    // Act
    await visit(page, `#/orders/${DEMO_ORDER}?retailerId=${DEMO_RETAILER}`);
    await page.getByRole('heading', { name: 'Customer' }).waitFor();

    // Assess
    const name = await page.getByTestId('customer-name').textContent();
    expect(name).toBe(asTheApiShowsIt.customer.name);
    expect(name).not.toBe(inClear.customer.name);
    expect(await page.getByTestId('customer-email').textContent()).toBe(asTheApiShowsIt.customer.email);
    expect(await page.getByText('Masked: this key may not read customer data.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Actions' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^CANCEL / }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);

  it('lists only its own retailer’s orders to a key scoped to that retailer', async () => {
    // Prepare
    const otherRetailer = `console-${run}`;
    await registerRetailer(demoKey(), otherRetailer);
    for (const workflow of referenceWorkflows(otherRetailer)) {
      expect((await http('PUT', `/v1/workflows/ORDER/${workflow.subtype}`, { apiKey: demoKey(), body: workflow })).status).toBe(201);
    }
    const ref = `CONSOLE-OTHER-${run}`;
    await placeOrder(ref, otherRetailer);
    const scopedKey = await issueKey({ role: 'READONLY', retailerId: otherRetailer });

    // Act
    const { page, problems } = await signedIn(scopedKey);
    await page.getByRole('link', { name: ref }).waitFor();

    // Assess
    expect(await page.getByTestId('retailer-scope').textContent()).toBe(`retailer ${otherRetailer}`);
    const rows = page.getByRole('table', { name: 'Orders' }).locator('tbody tr');
    const retailers = await rows.evaluateAll((cells) => cells.map((row) => row.querySelectorAll('td')[1]?.textContent));
    expect(new Set(retailers)).toEqual(new Set([otherRetailer]));
    expect(await page.getByRole('link', { name: DEMO_ORDER }).count()).toBe(0);
    expect(await page.getByLabel('Retailer', { exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);

  it('lists an event that matched no rule under the NO_MATCH filter and shows its audit trail on its page', async () => {
    // Prepare
    const ref = `CONSOLE-NM-${run}`;
    await placeOrder(ref);
    const posted = await http('POST', '/v1/events/sync', {
      apiKey: demoKey(),
      body: { id: `console-no-match-${run}`, name: 'NOT_IN_THE_WORKFLOW', retailerId: DEMO_RETAILER, entityType: 'ORDER', entitySubtype: 'HD', entityRef: ref },
    });
    expect(posted.body.status).toBe('NO_MATCH');
    const { page, problems } = await signedIn(demoKey());
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Events' }).click();

    // Act
    await page.getByLabel('Status').selectOption('NO_MATCH');
    await page.getByLabel('Root ref (order)').fill(ref);
    await page.getByRole('button', { name: 'Search' }).click();
    const statuses = await listedOnly(page, 'Events', 3, (status) => status.startsWith('NO_MATCH'), 'NO_MATCH events only');
    await screenshot(page, '04-events');
    await page.getByRole('table', { name: 'Events' }).getByRole('link', { name: 'NOT_IN_THE_WORKFLOW' }).click();
    const trail = page.getByRole('region', { name: 'Audit trail' });
    await trail.getByText('NO_MATCH', { exact: true }).first().waitFor();
    await screenshot(page, '05-event');

    // Assess
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatch(/^NO_MATCH/);
    expect(page.url()).toContain(`#/events/console-no-match-${run}`);
    expect(await page.getByTestId('event-status').textContent()).toContain('NO_MATCH');
    expect(await trail.textContent()).toContain('EVENT_RECEIVED');
    expect(await page.getByRole('link', { name: `Order ${ref}` }).getAttribute('href')).toBe(`#/orders/${ref}?retailerId=${DEMO_RETAILER}`);
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);

  it('retries a FAILED event once its cause is fixed and shows its new outcome', async () => {
    // Prepare: a CREATE for a kind of order the retailer has no workflow for fails; the workflow then arrives.
    const subtype = `CON${run}`;
    const eventId = `console-retry-${run}`;
    const failed = await http('POST', '/v1/events/sync', {
      apiKey: demoKey(),
      body: { id: eventId, name: 'CREATE', retailerId: DEMO_RETAILER, entityType: 'ORDER', entitySubtype: subtype, entityRef: `CONSOLE-RETRY-${run}` },
    });
    expect(failed.body).toMatchObject({ status: 'FAILED', error: { code: 'WORKFLOW_NOT_FOUND' } });
    const workflow = {
      retailerId: DEMO_RETAILER,
      entityType: 'ORDER',
      subtype,
      statuses: [{ name: 'CREATED' }],
      rulesets: [{ name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'received' } }] }],
    };
    expect((await http('PUT', `/v1/workflows/ORDER/${subtype}`, { apiKey: demoKey(), body: workflow })).status).toBe(201);
    const { page, problems } = await signedIn(demoKey());
    await visit(page, `#/events/${eventId}?retailerId=${DEMO_RETAILER}`);
    await page.getByText('WORKFLOW_NOT_FOUND').first().waitFor();

    // Act
    await page.getByRole('button', { name: 'Retry' }).click();

    // Assess
    const outcome = page.getByRole('status').filter({ hasText: 'Retried: the event is now' });
    await outcome.waitFor({ timeout: 100_000 });
    expect(await outcome.textContent()).toContain('SUCCESS');
    // The page reloads the event once the retry has its outcome: the status follows within moments.
    await page.getByTestId('event-status').filter({ hasText: 'SUCCESS' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('event-status').textContent()).toContain('SUCCESS');
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 150_000);

  it('keeps the orders list within a phone’s width', async () => {
    // Prepare
    const { page, problems } = await signedIn(demoKey(), PHONE);

    // Act
    await page.getByRole('link', { name: DEMO_ORDER }).waitFor();
    await screenshot(page, '06-orders-phone');

    // Assess
    // A string, evaluated in the page: the test project compiles without the DOM's types.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole('link', { name: DEMO_ORDER }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);
});
