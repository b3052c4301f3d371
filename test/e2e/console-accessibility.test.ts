import type { Browser, Page } from 'playwright-core';
import { DEMO_RETAILER } from '../../scripts/local-stack/demo-catalog';
import { accessibilityViolations, blocking, describeViolations } from '../support/accessibility';
import { consoleUrl, DESKTOP, launchBrowser, openConsole, PHONE, screenshot, signIn, type ConsolePage } from '../support/browser';
import { hdOrder } from '../support/order-builder';
import { waitFor } from '../support/wait-for';
import { answerWith, WebhookReceiver } from '../support/webhook-receiver';
import { demoKey, http } from './http-client';

/**
 * Every screen of the console, at a desktop's and a phone's size, checked the way a user with a
 * screen reader, a keyboard or a small screen meets it: axe-core finds nothing above minor, the page
 * never scrolls sideways, and the console logs no error.
 */
const run = Date.now().toString(36).toUpperCase();
const DEMO_ORDER = 'DEMO-HD-1001';
const BROWSER_TEST_MS = 90_000;

let browser: Browser;
let receiver: WebhookReceiver;
const prepared = { orderRef: `A11Y-HD-${run}`, eventId: `a11y-no-match-${run}`, jobId: '', webhookId: '' };

interface Screen {
  name: string;
  route: () => string;
  /** Resolves once the screen shows what it is for, not its loading state. */
  ready: (page: Page) => Promise<unknown>;
}

const table = (name: string) => (page: Page) => page.getByRole('table', { name }).waitFor();

const screens: Screen[] = [
  { name: 'orders', route: () => '#/orders', ready: (page) => page.getByRole('link', { name: DEMO_ORDER }).waitFor() },
  {
    name: 'order',
    route: () => `#/orders/${DEMO_ORDER}?retailerId=${DEMO_RETAILER}`,
    ready: (page) => page.getByRole('list', { name: `Events of order ${DEMO_ORDER}, oldest first` }).waitFor(),
  },
  { name: 'events', route: () => '#/events', ready: table('Events') },
  {
    name: 'event',
    route: () => `#/events/${prepared.eventId}?retailerId=${DEMO_RETAILER}`,
    ready: (page) => page.getByRole('region', { name: 'Audit trail' }).getByText('NO_MATCH', { exact: true }).first().waitFor(),
  },
  { name: 'workflows', route: () => '#/workflows', ready: table('Workflows') },
  {
    name: 'workflow',
    route: () => `#/workflows/ORDER/HD?retailerId=${DEMO_RETAILER}`,
    ready: (page) => page.getByRole('region', { name: 'Workflow state diagram' }).locator('svg').waitFor(),
  },
  {
    name: 'inventory',
    route: () => '#/inventory?skuRef=SKU-001',
    ready: async (page) => {
      await table('Inventory positions')(page);
      await page.getByLabel('Retailer').fill(DEMO_RETAILER);
      await page.getByLabel('Delivery latitude').fill('52.2053');
      await page.getByLabel('Delivery longitude').fill('0.1218');
      await page.getByLabel('SKU of line 1').fill('SKU-002');
      await page.getByLabel('Quantity of line 1').fill('3');
      await page.getByRole('button', { name: 'Check availability' }).click();
      await page.getByRole('img', { name: /^Plan 1: / }).waitFor();
    },
  },
  { name: 'jobs', route: () => '#/jobs', ready: table('Jobs') },
  { name: 'job', route: () => `#/jobs/${prepared.jobId}`, ready: table('Batches') },
  { name: 'webhooks', route: () => '#/webhooks', ready: table('Webhook subscriptions') },
  { name: 'subscription', route: () => `#/webhooks/${prepared.webhookId}`, ready: table('Deliveries') },
];

/** What a user of `page` would trip over: axe findings above minor, sideways scrolling, logged errors. */
const barriers = async (page: Page, problems: string[]) => ({
  violations: describeViolations(blocking(await accessibilityViolations(page))),
  // Evaluated in the page as strings: the tests' TypeScript has no DOM types.
  scrollsSideways: await page.evaluate<boolean>('document.documentElement.scrollWidth > innerWidth'),
  problems,
});

const NO_BARRIERS = { violations: [], scrollsSideways: false, problems: [] };

const focusedElement = (page: Page) =>
  page.evaluate<{ tag: string; id: string; text: string; outline: string }>(`(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return { tag: element.tagName.toLowerCase(), id: element.id, text: element.textContent.trim(), outline: style.outlineStyle + ' ' + style.outlineWidth };
  })()`);

/** The focused element once focus has left the link followed (and the body it falls to while the page changes). */
const focusAfterFollowing = (page: Page, link: string) =>
  waitFor(() => focusedElement(page), {
    description: `focus to leave the link "${link}"`,
    until: (focused) => focused.tag !== 'body' && !(focused.tag === 'a' && focused.text === link),
    timeoutMs: 5_000,
    intervalMs: 50,
  });

/** Presses Tab until the focused element's text is `text`, as a keyboard user would, at most `limit` times. */
const tabTo = async (page: Page, text: string, limit = 40) => {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedElement(page)).text === text) return;
  }
  throw new Error(`Tab never reached "${text}" in ${limit} presses`);
};

beforeAll(async () => {
  browser = await launchBrowser();
  const placed = await http('POST', '/v1/orders?mode=sync', { apiKey: demoKey(), body: hdOrder(prepared.orderRef, [{ skuRef: 'SKU-003', qty: 1 }], { retailerId: DEMO_RETAILER }) });
  const posted = await http('POST', '/v1/events/sync', {
    apiKey: demoKey(),
    body: { id: prepared.eventId, name: 'NOT_IN_THE_WORKFLOW', retailerId: DEMO_RETAILER, entityType: 'ORDER', entitySubtype: 'HD', entityRef: prepared.orderRef },
  });
  const job = await http('POST', '/v1/jobs', { apiKey: demoKey(), body: { name: `a11y count ${run}`, retailerId: DEMO_RETAILER } });
  prepared.jobId = job.body.jobId;
  const batch = await http('POST', `/v1/jobs/${prepared.jobId}/batches`, {
    apiKey: demoKey(),
    body: { entityType: 'INVENTORY', action: 'UPSERT', entities: [{ skuRef: `A11Y-${run}`, locationRef: 'WH-NORTH', qty: 4 }] },
  });
  receiver = await WebhookReceiver.start(answerWith(204));
  const subscribed = await http('POST', '/v1/webhooks', { apiKey: demoKey(), body: { url: receiver.url().href, events: ['order.cancelled'], retailerId: DEMO_RETAILER } });
  prepared.webhookId = subscribed.body.webhookId;
  const tested = await http('POST', `/v1/webhooks/${prepared.webhookId}/test`, { apiKey: demoKey() });
  expect([placed.status, posted.body.status, job.status, batch.status, subscribed.status, tested.status]).toEqual([201, 'NO_MATCH', 201, 202, 201, 200]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (prepared.webhookId) await http('DELETE', `/v1/webhooks/${prepared.webhookId}`, { apiKey: demoKey() });
  await receiver?.close();
}, 30_000);

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('the console on a %s', (size, viewport) => {
  let tab: ConsolePage;

  beforeAll(async () => {
    tab = await openConsole(browser, viewport);
  }, 30_000);

  afterAll(async () => {
    await tab?.close();
  });

  it('offers a sign-in form with no accessibility violation above minor, no sideways scrolling and no error', async () => {
    // Prepare
    const { page, problems } = tab;
    await page.getByLabel('API key').waitFor();

    // Act
    const found = await barriers(page, problems);
    await screenshot(page, `a11y-sign-in-${size}`);

    // Assess
    expect(found).toEqual(NO_BARRIERS);
  });

  it.each(screens.map((screen) => [screen.name, screen] as const))(
    'shows the %s screen with no accessibility violation above minor, no sideways scrolling and no error',
    async (name, screen) => {
      // Prepare
      const { page, problems } = tab;
      if (!(await page.getByRole('navigation', { name: 'Screens' }).isVisible())) await signIn(page, demoKey());
      problems.splice(0);

      // Act
      await page.goto(new URL(screen.route(), consoleUrl()).toString());
      await screen.ready(page);
      const found = await barriers(page, problems);
      await screenshot(page, `a11y-${name}-${size}`);

      // Assess
      expect(found).toEqual(NO_BARRIERS);
    },
    BROWSER_TEST_MS,
  );
});

describe('the accessibility scan', () => {
  it('reports an unlabelled field as a critical violation, naming the rule and the element', async () => {
    // Prepare
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="en"><title>Scan</title><main><h1>Form</h1><input id="nameless"></main></html>');

    // Act
    const found = describeViolations(blocking(await accessibilityViolations(page)));
    await page.close();

    // Assess
    expect(found).toEqual([expect.stringMatching(/^critical label: .*\(1 element: #nameless\)$/)]);
  });
});

describe('the console with only a keyboard', () => {
  let tab: ConsolePage;

  beforeEach(async () => {
    tab = await openConsole(browser, DESKTOP);
  });

  afterEach(async () => {
    await tab.close();
  });

  it('signs in, opens the Orders screen and an order with Tab and Enter, moving focus to each new page’s heading', async () => {
    // Prepare
    const { page, problems } = tab;
    await page.getByLabel('API key').waitFor();

    // Act
    await page.keyboard.press('Tab');
    const keyField = await focusedElement(page);
    await page.keyboard.type(demoKey());
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: DEMO_ORDER }).waitFor();
    await tabTo(page, 'Orders');
    const ordersLink = await focusedElement(page);
    await page.keyboard.press('Enter');
    const onOrders = await focusAfterFollowing(page, 'Orders');
    await tabTo(page, DEMO_ORDER);
    await page.keyboard.press('Enter');
    const onOrder = await focusAfterFollowing(page, DEMO_ORDER);
    await screenshot(page, 'a11y-keyboard-order');

    // Assess
    expect(keyField.id).toBe('api-key');
    expect(ordersLink.outline).toMatch(/^solid [1-9]/);
    expect(onOrders).toMatchObject({ tag: 'h1', text: 'Orders' });
    expect(onOrder).toMatchObject({ tag: 'h1', text: `Order ${DEMO_ORDER}` });
    expect(page.url()).toContain(`#/orders/${DEMO_ORDER}`);
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);

  it('shows the skip link on the first Tab, with a visible outline, and Enter on it moves focus to the main content', async () => {
    // Prepare
    const { page, problems } = tab;
    await signIn(page, demoKey());
    await page.goto(new URL('#/orders', consoleUrl()).toString());
    await page.reload();
    await page.getByRole('link', { name: DEMO_ORDER }).waitFor();

    // Act
    await page.keyboard.press('Tab');
    const skipLink = await focusedElement(page);
    const skipLinkShown = await page.getByRole('link', { name: 'Skip to content' }).isVisible();
    await screenshot(page, 'a11y-skip-link');
    await page.keyboard.press('Enter');
    const landed = await focusedElement(page);
    await page.keyboard.press('Tab');
    const next = await focusedElement(page);

    // Assess
    expect(skipLink.text).toBe('Skip to content');
    expect(skipLink.outline).toMatch(/^solid [1-9]/);
    expect(skipLinkShown).toBe(true);
    expect(landed).toMatchObject({ tag: 'main', id: 'main' });
    expect(await page.locator('#main').getByText(next.text, { exact: true }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, BROWSER_TEST_MS);
});
