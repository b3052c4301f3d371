import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as invokeLocal from '../../../scripts/local-stack/invoke-local';
import { fillPlaceholders } from '../../../scripts/local-stack/sample-placeholders';
import { STACK_STATE_FILE, removeStackState, writeStackState, type LocalStackState } from '../../../scripts/local-stack/stack-state';

interface FakeServerless {
  serviceDir: string;
  processedInput: { commands: string[] };
  service: { provider: { environment: Record<string, unknown> }; functions: Record<string, { environment?: Record<string, unknown> }> };
}
type Hook = () => Promise<void> | void;
type PluginClass = { loadLogic: () => unknown } & (new (serverless: FakeServerless, options: { data?: unknown }, logging: { log: { notice(line: string): void } }) => {
  hooks: Record<string, Hook>;
});

const InvokeLocalStack = jest.requireActual<PluginClass>('../../../infra/plugins/invoke-local-stack.js');
// Jest loads TypeScript itself; the plugin's own tsx loader is for serverless.
InvokeLocalStack.loadLogic = () => invokeLocal;

const RELAY_ARN = { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:ordo-sandbox-relayOutbox' };

const stackState = (overrides: Partial<LocalStackState> = {}): LocalStackState => ({
  pid: process.pid,
  stage: 'sandbox',
  region: 'us-east-1',
  baseUrl: 'http://127.0.0.1:1',
  operatorKey: 'ordo_admin_operator',
  demoAccountId: 'demo',
  demoApiKey: 'ordo_demo_key',
  environment: { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', AWS_ACCESS_KEY_ID: 'local', ORDO_RELAY_FUNCTION_ARN: '' },
  ...overrides,
});

const stateDirWith = (state?: LocalStackState): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-state-'));
  if (state) writeStackState(dir, state);
  return dir;
};

const sampleEvent = (authorization: string) => ({ httpMethod: 'GET', headers: { Authorization: `Bearer ${authorization}` }, body: null });

/** Runs the plugin's hooks as `serverless <commands>` would, against the state in `stateDir`. */
const invokeWithPlugin = async (stateDir: string, event: unknown, commands = ['invoke', 'local']) => {
  const serverless: FakeServerless = {
    serviceDir: process.cwd(),
    processedInput: { commands },
    service: {
      provider: { environment: { ORDO_STAGE: 'sandbox', ORDO_MASTER_KEY: '' } },
      functions: { createAccount: { environment: { ORDO_RELAY_FUNCTION_ARN: RELAY_ARN } }, health: {} },
    },
  };
  const options = { data: event };
  const notes: string[] = [];
  const plugin = new InvokeLocalStack(serverless, options, { log: { notice: (line) => notes.push(line) } });
  const previous = process.env.ORDO_STATE_DIR;
  process.env.ORDO_STATE_DIR = stateDir;
  try {
    await plugin.hooks.initialize();
    await plugin.hooks['before:invoke:local:invoke']();
  } finally {
    if (previous === undefined) delete process.env.ORDO_STATE_DIR;
    else process.env.ORDO_STATE_DIR = previous;
  }
  return { serverless, event: options.data, notes };
};

describe('the invoke-local plugin', () => {
  const savedToken = process.env.AWS_SESSION_TOKEN;
  afterEach(() => {
    if (savedToken === undefined) delete process.env.AWS_SESSION_TOKEN;
    else process.env.AWS_SESSION_TOKEN = savedToken;
  });

  it('fills the demo API key into a sample that says <apiKey>', async () => {
    // Prepare
    const stateDir = stateDirWith(stackState());

    // Act
    const { event } = await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'));

    // Assess
    expect(event).toEqual(sampleEvent('ordo_demo_key'));
  });

  it('fills the operator key into a sample that says <operatorKey>', async () => {
    // Prepare
    const stateDir = stateDirWith(stackState());

    // Act
    const { event } = await invokeWithPlugin(stateDir, sampleEvent('<operatorKey>'));

    // Assess
    expect(event).toEqual(sampleEvent('ordo_admin_operator'));
  });

  it("gives every function the stack's endpoints and credentials", async () => {
    // Prepare
    const stateDir = stateDirWith(stackState());

    // Act
    const { serverless } = await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'));

    // Assess
    expect(serverless.service.provider.environment).toMatchObject({
      ORDO_STAGE: 'sandbox',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      AWS_ACCESS_KEY_ID: 'local',
    });
  });

  it("replaces a function's value that only CloudFormation can resolve with the stack's", async () => {
    // Prepare
    const stateDir = stateDirWith(stackState());

    // Act
    const { serverless } = await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'));

    // Assess
    expect(serverless.service.functions.createAccount.environment).toEqual({ ORDO_RELAY_FUNCTION_ARN: '' });
  });

  it("drops the developer's own session token, which would travel with the local credentials", async () => {
    // Prepare
    const stateDir = stateDirWith(stackState());
    process.env.AWS_SESSION_TOKEN = 'a-real-session-token';

    // Act
    await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'));

    // Assess
    expect(process.env.AWS_SESSION_TOKEN).toBeUndefined();
  });

  it('says in one line that no stack runs, and leaves the event and configuration as they are', async () => {
    // Prepare
    const stateDir = stateDirWith();

    // Act
    const { event, serverless, notes } = await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'));

    // Assess
    expect([event, serverless.service.functions.createAccount.environment, notes]).toEqual([
      sampleEvent('<apiKey>'),
      { ORDO_RELAY_FUNCTION_ARN: RELAY_ARN },
      [`No local Ordo stack is running (no ${join(stateDir, STACK_STATE_FILE)}): invoking with the environment as it is. Start one with npm start.`],
    ]);
  });

  it('takes a stack whose process has gone for no stack at all', async () => {
    // Prepare
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const stateDir = stateDirWith(stackState({ pid: gone }));

    // Act
    const { event, notes } = await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'));

    // Assess
    expect([event, notes[0]]).toEqual([sampleEvent('<apiKey>'), expect.stringContaining(`names process ${gone}, which is no longer running`)]);
  });

  it('changes nothing for a command other than invoke local, such as package', async () => {
    // Prepare
    const stateDir = stateDirWith(stackState());

    // Act
    const { event, serverless, notes } = await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'), ['package']);

    // Assess
    expect([event, serverless.service.provider.environment, notes]).toEqual([
      sampleEvent('<apiKey>'),
      { ORDO_STAGE: 'sandbox', ORDO_MASTER_KEY: '' },
      [],
    ]);
  });
});

describe('the local stack state', () => {
  it('is readable by its owner only, since it holds the operator key', () => {
    // Act
    const stateDir = stateDirWith(stackState());

    // Assess
    expect(statSync(join(stateDir, STACK_STATE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('is gone once the stack has stopped, so nothing invokes against a stopped stack', async () => {
    // Prepare
    const stateDir = stateDirWith(stackState());

    // Act
    removeStackState(stateDir);

    // Assess
    const { notes } = await invokeWithPlugin(stateDir, sampleEvent('<apiKey>'));
    expect(notes[0]).toMatch(/^No local Ordo stack is running/);
  });
});

describe('filling sample placeholders', () => {
  let server: Server;
  let requests: { method: string; url: string; authorization: string; body: unknown }[];

  beforeAll(async () => {
    // Prepare
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization ?? '', body: JSON.parse(body || 'null') });
        const answer = request.url === '/v1/jobs' ? { jobId: 'job-7' } : request.url === '/v1/jobs/job-7/batches' ? { batchId: 'batch-3' } : {};
        response.writeHead(request.url?.startsWith('/v1/jobs') ? 201 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  beforeEach(() => (requests = []));
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const state = () => stackState({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });

  it('makes a job and a batch of it, with the demo key, for a sample that names both', async () => {
    // Prepare
    const event = { path: '/v1/jobs/<jobId>/batches/<batchId>', pathParameters: { jobId: '<jobId>', batchId: '<batchId>' } };

    // Act
    const filled = await fillPlaceholders(event, state());

    // Assess
    expect([filled, requests.map(({ method, url, authorization }) => `${method} ${url} ${authorization}`)]).toEqual([
      { path: '/v1/jobs/job-7/batches/batch-3', pathParameters: { jobId: 'job-7', batchId: 'batch-3' } },
      ['POST /v1/jobs Bearer ordo_demo_key', 'POST /v1/jobs/job-7/batches Bearer ordo_demo_key'],
    ]);
  });

  it('fills a placeholder inside a JSON body as well as in the path', async () => {
    // Prepare
    const event = { body: JSON.stringify({ accountId: 'demo', jobId: '<jobId>' }) };

    // Act
    const filled = await fillPlaceholders(event, state());

    // Assess
    expect(JSON.parse(filled.body)).toEqual({ accountId: 'demo', jobId: 'job-7' });
  });

  it('leaves a placeholder it does not know as it is, and calls nothing for it', async () => {
    // Prepare
    const event = { pathParameters: { ref: '<orderRef>' } };

    // Act
    const filled = await fillPlaceholders(event, state());

    // Assess
    expect([filled, requests]).toEqual([event, []]);
  });
});
