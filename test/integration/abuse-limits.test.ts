import { peekQueuedEvents, runQueuedEvents } from '../support/events-queue';
import { newAccount } from './control-plane-api';
import { orchestrationApi as api, orderEvent, twoStatusWorkflow } from './orchestration-api';

jest.setTimeout(120_000);

// A small limit keeps the storm short: the handlers read it when they first build their dependencies.
const HOP_LIMIT = 3;
process.env.ORDO_HOP_LIMIT = String(HOP_LIMIT);

const NODES = ['N1', 'N2', 'N3', 'N4'];
const FAN_OUT = NODES.length - 1;

/** PING on a node sends PING to every other node, each a root of its own: a relay storm without end. */
const stormWorkflow = () => ({
  retailerId: 'r1',
  entityType: 'ORDER',
  subtype: 'PING',
  statuses: [{ name: 'CREATED' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'node up' } }] },
    {
      name: 'PING',
      type: 'ORDER',
      rules: NODES.map((node) => ({
        name: 'ordo.core.SendEventIf',
        props: {
          eventName: 'PING',
          target: { entityType: 'ORDER', entityRef: node },
          condition: { source: 'entity', path: 'node', op: 'ne', value: node },
        },
      })),
    },
  ],
});

const nodeEvent = (name: string, node: string, extra: Record<string, unknown> = {}) => ({
  ...orderEvent(name, node),
  entitySubtype: 'PING',
  ...extra,
});

interface ListedEvent {
  eventId: string;
  name: string;
  status: string;
  hops?: number;
  error?: { code: string };
  audit?: { kind: string; props?: Record<string, unknown> }[];
}

/** Every event of the account with the given status, through every page. */
const allEvents = async (apiKey: string, query: Record<string, string>): Promise<ListedEvent[]> => {
  const events: ListedEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listEvents(apiKey, { ...query, limit: '100', ...(cursor ? { cursor } : {}) });
    if (page.status !== 200) throw new Error(`listing events failed: ${page.raw}`);
    events.push(...(page.body.items as ListedEvent[]));
    cursor = page.body.cursor as string | undefined;
  } while (cursor);
  return events;
};

const countBy = <T>(items: T[], key: (item: T) => string | number): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

describe('a relay storm, on DynamoDB Local and the local queue', () => {
  let apiKey: string;
  let accountId: string;
  let pings: ListedEvent[];

  beforeAll(async () => {
    // Prepare
    ({ apiKey, accountId } = await newAccount('storm'));
    const stored = await api.putWorkflow(apiKey, 'ORDER', 'PING', stormWorkflow());
    if (stored.status !== 201) throw new Error(`storm workflow not stored: ${stored.raw}`);
    for (const node of NODES) await api.postEventSync(apiKey, nodeEvent('CREATE', node, { attributes: { node } }));
    const started = await api.postEvent(apiKey, nodeEvent('PING', 'N1', { id: 'storm-start' }));
    if (started.status !== 202) throw new Error(`storm not started: ${started.raw}`);

    // Act
    await runQueuedEvents(accountId);
    pings = (await allEvents(apiKey, {})).filter((event) => event.name === 'PING');
  });

  it('runs one PING at hop 0, then fan-out times as many at each hop up to the limit, and no more', () => {
    // Assess
    const ran = pings.filter((event) => event.status === 'SUCCESS');
    const expected = Object.fromEntries(Array.from({ length: HOP_LIMIT + 1 }, (_, hop) => [hop, FAN_OUT ** hop]));
    expect(countBy(ran, (event) => event.hops ?? 0)).toEqual(expected);
    expect(ran).toHaveLength(1 + 3 + 9 + 27);
  });

  it('ends every event past the limit FAILED with HOP_LIMIT, one for each the last hop sent', () => {
    // Assess
    const failed = pings.filter((event) => event.status === 'FAILED');
    expect(failed).toHaveLength(FAN_OUT ** (HOP_LIMIT + 1));
    expect(new Set(failed.map((event) => `${event.error?.code} at hop ${event.hops}`))).toEqual(new Set([`HOP_LIMIT at hop ${HOP_LIMIT + 1}`]));
    expect(pings).toHaveLength(40 + 81);
  });

  it("shows the HOP_LIMIT audit record in a root's timeline", async () => {
    // Act
    const timeline = await allEvents(apiKey, { rootEntityRef: 'N2', status: 'FAILED', include: 'audit' });

    // Assess
    expect(timeline.length).toBeGreaterThan(0);
    for (const event of timeline) {
      expect(event.audit?.map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'HOP_LIMIT', 'OUTCOME']);
      expect(event.audit?.[1]?.props).toEqual({ limit: HOP_LIMIT, hops: HOP_LIMIT + 1 });
    }
  });

  it('leaves nothing on the queue: the events past the limit relay nothing and are not redelivered', async () => {
    // Assess
    expect(await peekQueuedEvents(accountId)).toEqual([]);
  });
});

describe('limits a caller cannot get around', () => {
  it('refuses an event that sets its own hop count with 400 naming hops, and records nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('hops-forged');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());

    // Act
    const response = await api.postEvent(apiKey, orderEvent('CREATE', 'O-1', { id: 'forged-1', hops: -100 }));

    // Assess
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain('hops');
    expect((await api.getEvent(apiKey, 'forged-1')).status).toBe(404);
  });

  it('refuses a workflow whose loop guard is above 1,000 with 400 naming settings.loopGuard, and stores nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('loop-guard');

    // Act
    const response = await api.putWorkflow(apiKey, 'ORDER', 'HD', { ...twoStatusWorkflow(), settings: { loopGuard: 10_000 } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('settings.loopGuard');
    expect((await api.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'r1' })).status).toBe(404);
  });

  it('refuses a workflow of more than 200 rulesets with 400 naming rulesets, and stores nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('many-rulesets');
    const workflow = twoStatusWorkflow();
    const notes = Array.from({ length: 200 }, (_, index) => ({ name: `NOTE_${index}`, type: 'ORDER', rules: [] }));

    // Act
    const response = await api.putWorkflow(apiKey, 'ORDER', 'HD', { ...workflow, rulesets: [...workflow.rulesets, ...notes] });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('rulesets');
    expect((await api.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'r1' })).status).toBe(404);
  });
});
