import { runSmokeChecks, smokeResultLine } from '../../../shared/domain/operations/smoke-check';
import { dryRunCheck, healthCheck, stageSmokeChecks, webhookCheck } from '../../../shared/domain/operations/stage-smoke-checks';
import { generateWebhookSecret } from '../../../shared/domain/webhooks/webhook-secret';
import { FakeStageApi, FakeWebhookInbox, healthyStage } from '../../support/stage-api';

const API_KEY = 'ordo_canary_key';

describe('the stage smoke checks', () => {
  it('pass on a healthy stage, the webhook received through the local inbox and verified', async () => {
    // Prepare
    const inbox = new FakeWebhookInbox();
    const api = healthyStage(inbox);

    // Act
    const results = await runSmokeChecks(stageSmokeChecks({ api, apiKey: API_KEY, inbox: async () => inbox }));

    // Assess
    expect(results.map((result) => [result.name, result.passed])).toEqual([
      ['GET /v1/health', true],
      ['POST /v1/events/dry-run', true],
      ['signed webhook round trip', true],
    ]);
    expect(results[2].detail).toMatch(/received at http:\/\/127\.0\.0\.1:4999\/smoke and verified/);
  });

  it('delete the temporary subscription and close the inbox after the round trip', async () => {
    // Prepare
    const inbox = new FakeWebhookInbox();
    const api = healthyStage(inbox);

    // Act
    await runSmokeChecks([webhookCheck({ api, apiKey: API_KEY, inbox: async () => inbox })]);

    // Assess
    expect(api.calls.map(({ method, path }) => `${method} ${path}`)).toContain('DELETE /v1/webhooks/wh_smoke');
    expect(inbox.closed).toBe(true);
  });

  it('fail the round trip when the message is signed with another secret', async () => {
    // Prepare
    const inbox = new FakeWebhookInbox();
    const api = healthyStage(inbox, { signWith: generateWebhookSecret() });

    // Act
    const [result] = await runSmokeChecks([webhookCheck({ api, apiKey: API_KEY, inbox: async () => inbox })]);

    // Assess
    expect(result).toMatchObject({ passed: false, detail: expect.stringMatching(/does not verify/) });
    expect(api.calls.map(({ method, path }) => `${method} ${path}`)).toContain('DELETE /v1/webhooks/wh_smoke');
  });

  it('sign and verify in process, and say so, when the stage cannot reach a local receiver', async () => {
    // Prepare
    const api = new FakeStageApi();

    // Act
    const [result] = await runSmokeChecks([webhookCheck({ api, apiKey: API_KEY })]);

    // Assess
    expect(result).toMatchObject({ passed: true, detail: expect.stringMatching(/in process/) });
    expect(api.calls).toEqual([]);
  });

  it('fail the health check when a dependency is not ok', async () => {
    // Prepare
    const api = new FakeStageApi().on('GET', '/v1/health', () => ({ status: 503, body: { status: 'degraded', dynamodb: 'unreachable' } }));

    // Act
    const [result] = await runSmokeChecks([healthCheck({ api })]);

    // Assess
    expect(result).toMatchObject({ passed: false, detail: 'GET /v1/health answered 503, expected 200' });
  });

  it('send the dry run with the canary key and a draft workflow, so it needs nothing stored', async () => {
    // Prepare
    const api = healthyStage(new FakeWebhookInbox());

    // Act
    await runSmokeChecks([dryRunCheck({ api, apiKey: API_KEY })]);

    // Assess
    const [call] = api.calls;
    expect(call).toMatchObject({ method: 'POST', path: '/v1/events/dry-run', apiKey: API_KEY, body: { name: 'CREATE', workflow: { subtype: 'SMOKE' } } });
  });

  it('fail the dry run without a key, naming where a key comes from', async () => {
    // Prepare
    const api = healthyStage(new FakeWebhookInbox());

    // Act
    const [result] = await runSmokeChecks([dryRunCheck({ api })]);

    // Assess
    expect(result).toMatchObject({ passed: false, detail: expect.stringMatching(/--key, ORDO_SMOKE_KEY/) });
  });

  it('print one line per check with a tick or a cross and the duration', () => {
    // Prepare
    const passed = { name: 'GET /v1/health', passed: true, durationMs: 12, detail: 'version 1.2.3' };
    const failed = { name: 'POST /v1/events/dry-run', passed: false, durationMs: 40, detail: 'answered 500' };

    // Act
    const lines = [passed, failed].map(smokeResultLine);

    // Assess
    expect(lines).toEqual(['✔ GET /v1/health (12 ms) version 1.2.3', '✘ POST /v1/events/dry-run (40 ms) answered 500']);
  });
});
