import { Webhook } from 'standardwebhooks';
import { runCli } from '../../../scripts/cli/main';
import { generateWebhookSecret } from '../../../shared/domain/webhooks/webhook-secret';
import { waitFor } from '../../support/wait-for';
import { captureIo } from './cli-test-support';
import { startFakeOrdoServer, type FakeOrdoServer } from './fake-ordo-server';

const SUBSCRIPTIONS = [
  { webhookId: 'wh_1', url: 'https://erp.example.com/hooks', events: ['order.created', 'order.status_changed'], status: 'ENABLED', createdOn: '2025-03-01T10:00:00.000Z' },
  { webhookId: 'wh_2', url: 'http://127.0.0.1:4000/hooks', events: ['*'], status: 'DISABLED', createdOn: '2025-03-01T10:00:00.000Z' },
];

describe('ordo webhooks listen', () => {
  it('receives and checks messages until it is stopped, then exits 0', async () => {
    // Prepare
    const secret = generateWebhookSecret();
    const { io, output } = captureIo();
    const stop = new AbortController();
    const running = runCli(['webhooks', 'listen', '--port', '0', '--secret', secret], { ...io, stop: stop.signal }, {});
    const url = await waitFor(() => /Listening on (\S+)/.exec(output.stderr)?.[1], { description: 'the listener to say where it listens', intervalMs: 10 });
    const body = JSON.stringify({ type: 'webhook.test', timestamp: '2025-03-14T09:26:53.000Z', data: { hello: 'ordo' } });
    const at = new Date();
    const headers = {
      'webhook-id': 'msg_dGVzdC1tZXNzYWdlLTAwMDAwMDAwMDAwMDAw',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_dGVzdC1tZXNzYWdlLTAwMDAwMDAwMDAwMDAw', at, body),
    };
    const answered = await fetch(`${url}/hooks`, { method: 'POST', headers, body });

    // Act
    stop.abort();
    const exitCode = await running;

    // Assess
    expect([answered.status, exitCode]).toEqual([204, 0]);
    expect(output.stdout).toContain('type        webhook.test\nwebhook-id  msg_dGVzdC1tZXNzYWdlLTAwMDAwMDAwMDAwMDAw\nverified    yes\n');
    expect(output.stderr).toContain('Stopped after 1 request.');
  });

  it('listens on 127.0.0.1 only', async () => {
    // Prepare
    const { io, output } = captureIo();
    const stop = new AbortController();
    const running = runCli(['webhooks', 'listen', '--port', '0'], { ...io, stop: stop.signal }, {});

    // Act
    const url = await waitFor(() => /Listening on (\S+)/.exec(output.stderr)?.[1], { description: 'the listener to say where it listens', intervalMs: 10 });
    stop.abort();
    await running;

    // Assess
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('exits 64 for a secret that is not a whsec_ secret, listening on nothing', async () => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['webhooks', 'listen', '--port', '0', '--secret', 'hunter2'], io, {});

    // Assess
    expect([exitCode, output.stderr]).toEqual([64, expect.stringContaining('--secret must be the whsec_')]);
    expect(output.stderr).not.toContain('Listening');
  });

  it('exits 64 for a port out of range', async () => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['webhooks', 'listen', '--port', '70000'], io, {});

    // Assess
    expect([exitCode, output.stderr]).toEqual([64, expect.stringContaining('--port must be a whole number from 0 to 65535')]);
  });
});

describe('ordo webhooks list', () => {
  let server: FakeOrdoServer;

  const runList = async (argv: string[] = []) => {
    const { io, output } = captureIo();
    const exitCode = await runCli(['webhooks', 'list', '--account', 'test-key', '--url', server.url, ...argv], io, {});
    return { exitCode, ...output };
  };

  afterEach(() => server.close());

  it("prints the account's subscriptions as a table of id, url, events and status", async () => {
    // Prepare
    server = await startFakeOrdoServer({ webhooks: SUBSCRIPTIONS });

    // Act
    const { exitCode, stdout } = await runList();

    // Assess
    expect(exitCode).toBe(0);
    expect(stdout).toBe(
      [
        'id    url                            events                              status',
        'wh_1  https://erp.example.com/hooks  order.created,order.status_changed  ENABLED',
        'wh_2  http://127.0.0.1:4000/hooks    *                                   DISABLED',
        '',
      ].join('\n'),
    );
  });

  it('says so when the account has no subscription', async () => {
    // Prepare
    server = await startFakeOrdoServer({ webhooks: [] });

    // Act
    const { stdout } = await runList();

    // Assess
    expect(stdout).toBe('No webhook subscriptions.\n');
  });

  it('prints the subscriptions as the API returns them with --json', async () => {
    // Prepare
    server = await startFakeOrdoServer({ webhooks: SUBSCRIPTIONS });

    // Act
    const { stdout } = await runList(['--json']);

    // Assess
    expect(JSON.parse(stdout)).toEqual(SUBSCRIPTIONS);
  });

  it('exits 1 with the API error for a key it refuses', async () => {
    // Prepare
    server = await startFakeOrdoServer({ apiKey: 'another-key', webhooks: SUBSCRIPTIONS });

    // Act
    const { exitCode, stderr } = await runList();

    // Assess
    expect([exitCode, stderr]).toEqual([1, expect.stringContaining('[HTTP 401 UNAUTHENTICATED')]);
  });
});

describe('ordo webhooks', () => {
  it('exits 64 with the usage for an unknown subcommand', async () => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['webhooks', 'send'], io, {});

    // Assess
    expect([exitCode, output.stderr]).toEqual([64, expect.stringMatching(/^ordo: unknown webhooks command "send"/)]);
  });
});
