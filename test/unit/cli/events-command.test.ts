import { runCli } from '../../../scripts/cli/main';
import { captureIo } from './cli-test-support';
import { startFakeEventsServer, stuckEvent, type FakeEventsServer } from './fake-events-server';

const API_KEY = 'ordo_test_key';

describe('ordo events redrive', () => {
  let server: FakeEventsServer;

  afterEach(async () => {
    await server?.close();
  });

  const redrive = (...args: string[]) => {
    const { io, output } = captureIo();
    return { output, running: runCli(['events', 'redrive', '--account', API_KEY, '--url', server.url, ...args], io, {}) };
  };

  it('lists the stuck events without re-driving any when neither --all nor --event is given, and says how to', async () => {
    // Prepare
    server = await startFakeEventsServer({ apiKey: API_KEY, stuck: [stuckEvent('e1'), stuckEvent('e2')] });

    // Act
    const { output, running } = redrive();
    const exitCode = await running;

    // Assess
    expect(exitCode).toBe(0);
    expect(server.retries).toEqual([]);
    expect(output.stdout).toContain('e1     r1        BOOK  ORDER O-e1  2025-03-14T09:15:00.000Z  ProvisionedThroughputExceededException');
    expect(output.stdout).toContain('2 stuck events. Pass --all to re-drive them, or --event <eventId> for one.');
  });

  it('re-drives every stuck event of every page with --all, each with its retailer, and prints a summary', async () => {
    // Prepare
    const stuck = Array.from({ length: 120 }, (_, i) => stuckEvent(`e${i}`, i % 2 ? 'r1' : 'r2'));
    server = await startFakeEventsServer({ apiKey: API_KEY, stuck });

    // Act
    const { output, running } = redrive('--all');
    const exitCode = await running;

    // Assess
    expect(exitCode).toBe(0);
    expect(server.pages).toBe(2);
    expect(server.retries).toEqual(stuck.map(({ eventId, retailerId }) => `${eventId}?retailerId=${retailerId}`));
    expect(output.stdout).toBe('Re-driven 120 of 120 stuck events.\n');
    expect(output.stderr).toContain('progress 100% 120/120 events');
  }, 20_000);

  it('re-drives only the named retailer\'s stuck events with --retailer', async () => {
    // Prepare
    server = await startFakeEventsServer({ apiKey: API_KEY, stuck: [stuckEvent('e1', 'r1'), stuckEvent('e2', 'r2')] });

    // Act
    const { running } = redrive('--all', '--retailer', 'r2');
    await running;

    // Assess
    expect(server.retries).toEqual(['e2?retailerId=r2']);
  });

  it('goes on past an event the API refuses, names it in the summary and exits 2', async () => {
    // Prepare
    server = await startFakeEventsServer({
      apiKey: API_KEY,
      stuck: [stuckEvent('e1'), stuckEvent('e2'), stuckEvent('e3')],
      refuse: { e2: { status: 409, code: 'CONFLICT' } },
    });

    // Act
    const { output, running } = redrive('--all');
    const exitCode = await running;

    // Assess
    expect(exitCode).toBe(2);
    expect(server.retries.map((retry) => retry.split('?')[0])).toEqual(['e1', 'e2', 'e3']);
    expect(output.stdout).toBe('Re-driven 2 of 3 stuck events.\nNot re-driven (1):\n  e2: CONFLICT refused e2\n');
  });

  it('re-drives the one event --event names, in the retailer --retailer names', async () => {
    // Prepare
    server = await startFakeEventsServer({ apiKey: API_KEY, stuck: [] });

    // Act
    const { output, running } = redrive('--event', 'evt-9', '--retailer', 'r7', '--json');
    const exitCode = await running;

    // Assess
    expect(exitCode).toBe(0);
    expect(server.retries).toEqual(['evt-9?retailerId=r7']);
    expect(JSON.parse(output.stdout)).toEqual({ stuck: 1, redriven: ['evt-9'], failed: [] });
  });

  it('refuses --all with --event as a usage error, calling nothing', async () => {
    // Prepare
    server = await startFakeEventsServer({ apiKey: API_KEY, stuck: [stuckEvent('e1')] });

    // Act
    const { output, running } = redrive('--all', '--event', 'e1');
    const exitCode = await running;

    // Assess
    expect(exitCode).toBe(64);
    expect(output.stderr).toContain('ordo: pass --all or --event <eventId>, not both');
    expect(server.pages + server.retries.length).toBe(0);
  });
});
