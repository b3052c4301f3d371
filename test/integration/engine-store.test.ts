import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { DynamoEventLog } from '../../shared/adapters/dynamodb/dynamo-event-log';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import { DynamoWorkflowRepository } from '../../shared/adapters/dynamodb/dynamo-workflow-repository';
import { VersionConflictError } from '../../shared/engine/engine-errors';
import { Engine } from '../../shared/engine/engine';
import type { Entity, EventRecord, OrdoEvent, UnitOfWork } from '../../shared/engine/engine-model';
import { createCoreRegistry } from '../../shared/engine/rules/core/core-rules';
import type { Ruleset, Workflow, WorkflowRule } from '../../shared/engine/workflow';
import { systemClock } from '../../shared/adapters/clock/system-clock';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';

const TABLE = `ordo-sandbox-acct-engine-${process.pid}-${Date.now()}`;
const RETAILER = 'R1';

const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
const documents = createDocumentClient(raw);
const store = new DynamoEngineStore(documents, TABLE, 30);
const workflows = new DynamoWorkflowRepository(documents, TABLE, store);
const eventLog = new DynamoEventLog(documents, TABLE);

/** A real engine over the account table, with a workflow cache of its own. */
const newEngine = (engineStore: DynamoEngineStore = store) =>
  new Engine({ store: engineStore, registry: createCoreRegistry(), clock: systemClock, ids: randomUUID });

const rule = (name: string, props: Record<string, unknown>): WorkflowRule => ({ name: `ordo.core.${name}`, props });
const setState = (status: string) => rule('SetState', { status });
const sendEvent = (eventName: string) => rule('SendEvent', { eventName });
const setAttributes = (attributes: Record<string, unknown>) => rule('SetAttributes', { attributes });
const ruleset = (name: string, rules: WorkflowRule[], triggers?: string[]): Ruleset => ({
  name,
  type: 'ORDER',
  rules,
  ...(triggers ? { triggers: triggers.map((status) => ({ status })) } : {}),
});

/** An ORDER workflow under its own subtype, so each test's uploads keep to themselves. */
const orderWorkflow = (subtype: string, statuses: string[], rulesets: Ruleset[], loopGuard?: number): Workflow => ({
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype,
  statuses: statuses.map((name) => ({ name })),
  rulesets,
  ...(loopGuard ? { settings: { loopGuard } } : {}),
});

const upload = (workflow: Workflow) => workflows.saveNewVersion(workflow, new Date().toISOString());

const newRef = () => `O-${randomUUID().slice(0, 8)}`;

const orderEvent = (name: string, ref: string, subtype: string): OrdoEvent => ({
  id: randomUUID(),
  name,
  retailerId: RETAILER,
  entityType: 'ORDER',
  entityRef: ref,
  entitySubtype: subtype,
  source: 'API',
});

/** The order's item as stored, with its table keys. */
const storedOrder = async (ref: string): Promise<Entity & Record<string, unknown>> => {
  const { Item } = await documents.send(
    new GetCommand({ TableName: TABLE, Key: { PK: `ROOT#${RETAILER}#ORDER#${ref}`, SK: `ENTITY#ORDER#${ref}` }, ConsistentRead: true }),
  );
  return Item as Entity & Record<string, unknown>;
};

/** Every item of the account table, keyed by PK and SK. */
const snapshot = async (): Promise<Map<string, Record<string, unknown>>> => {
  const items = new Map<string, Record<string, unknown>>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true, ExclusiveStartKey }));
    for (const item of page.Items ?? []) items.set(`${item.PK} | ${item.SK}`, item);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

/** Keys of the items added, changed or removed between two snapshots. */
const changedKeys = (before: Map<string, Record<string, unknown>>, after: Map<string, Record<string, unknown>>) =>
  [...new Set([...before.keys(), ...after.keys()])].filter(
    (key) => JSON.stringify(before.get(key)) !== JSON.stringify(after.get(key)),
  );

const auditKinds = async (eventId: string) => (await eventLog.get(RETAILER, eventId))?.audit.map((record) => record.kind);

beforeAll(async () => {
  await raw.send(new CreateTableCommand(accountTableSchema(TABLE)));
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: TABLE }));
  raw.destroy();
});

describe('Engine over DynamoEngineStore', () => {
  describe('a CREATE then a second event', () => {
    const subtype = 'BASIC';
    const engine = newEngine();

    beforeAll(async () => {
      await upload(
        orderWorkflow(subtype, ['CREATED', 'BOOKED'], [
          ruleset('CREATE', [setAttributes({ channel: 'web' })]),
          ruleset('BOOK', [setState('BOOKED')], ['CREATED']),
        ]),
      );
    });

    it('moves the order from CREATED to BOOKED and stores it at version 2', async () => {
      // Prepare
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const createdOrder = await storedOrder(ref);

      // Act
      const result = await engine.process(orderEvent('BOOK', ref, subtype));

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      expect(createdOrder).toMatchObject({ status: 'CREATED', version: 1, attributes: { channel: 'web' } });
      expect(await storedOrder(ref)).toMatchObject({ status: 'BOOKED', version: 2, attributes: { channel: 'web' } });
    });

    it('reads back the audit trail of the second event as EVENT_RECEIVED, RULESET, RULE, STATE_CHANGE, OUTCOME', async () => {
      // Prepare
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const book = orderEvent('BOOK', ref, subtype);

      // Act
      await engine.process(book);

      // Assess
      const logged = await eventLog.get(RETAILER, book.id);
      expect(logged?.audit.map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'RULESET', 'RULE', 'STATE_CHANGE', 'OUTCOME']);
      expect(logged?.audit.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(logged?.audit[3]).toMatchObject({ from: 'CREATED', to: 'BOOKED' });
      expect(logged?.event).toMatchObject({ outcome: 'SUCCESS', attempts: 1, event: book });
    });

    it('changes the state once when the same event id is processed twice, and answers DUPLICATE the second time', async () => {
      // Prepare
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const book = orderEvent('BOOK', ref, subtype);
      await engine.process(book);
      const before = await snapshot();

      // Act
      const again = await engine.process(book);

      // Assess
      expect(again.outcome).toBe('DUPLICATE');
      expect(await storedOrder(ref)).toMatchObject({ status: 'BOOKED', version: 2 });
      expect(changedKeys(before, await snapshot())).toEqual([]);
    });

    it('lists an event that matched no ruleset under status NO_MATCH', async () => {
      // Prepare
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const unknown = orderEvent('REFUND', ref, subtype);
      await engine.process(unknown);

      // Act
      const { items } = await eventLog.list({ status: 'NO_MATCH', limit: 10 });

      // Assess
      expect(items.map((item) => item.event.id)).toContain(unknown.id);
      expect(items.every((item) => item.outcome === 'NO_MATCH')).toBe(true);
      expect(items.find((item) => item.event.id === unknown.id)?.error).toMatchObject({ code: 'NO_MATCHING_RULESET' });
    });
  });

  describe('a rule that throws halfway', () => {
    const subtype = 'FAILING';
    const engine = newEngine();

    beforeAll(async () => {
      await upload(
        orderWorkflow(subtype, ['CREATED', 'BOOKED', 'SHIPPED'], [
          ruleset('CREATE', [setState('BOOKED')]),
          ruleset('SHIP', [
            setState('SHIPPED'),
            rule('PublishEvent', { detailType: 'OrderShipped' }),
            rule('Fail', { message: 'warehouse offline' }),
          ]),
        ]),
      );
    });

    it('leaves entity, outbox and audit as they were, adding only the FAILED event record, its audit and its claim', async () => {
      // Prepare
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const ship = orderEvent('SHIP', ref, subtype);
      const before = await snapshot();

      // Act
      const result = await engine.process(ship);

      // Assess
      expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'RULE_FAILED', message: 'warehouse offline' } });
      const changed = changedKeys(before, await snapshot());
      // The event record and its three audit records, and the claim of the event id by its retailer.
      expect(changed.filter((key) => !key.startsWith(`EVENT#${RETAILER}#${ship.id} |`))).toEqual([`EVENTID#${ship.id} | ${RETAILER}`]);
      expect(changed).toHaveLength(1 + 3 + 1);
      expect(await auditKinds(ship.id)).toEqual(['EVENT_RECEIVED', 'EXCEPTION', 'OUTCOME']);
      expect(await store.getEvent(RETAILER, ship.id)).toMatchObject({ outcome: 'FAILED', attempts: 1 });
    });

    it('is still FAILED after a retry with nothing fixed, with attempts counted to 2 and the first receivedOn kept', async () => {
      // Prepare
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const ship = orderEvent('SHIP', ref, subtype);
      await engine.process(ship);
      const first = (await store.getEvent(RETAILER, ship.id)) as EventRecord;

      // Act
      const retry = await engine.process({ ...ship, source: 'RETRY' });

      // Assess
      expect(retry.outcome).toBe('FAILED');
      expect(await store.getEvent(RETAILER, ship.id)).toMatchObject({ outcome: 'FAILED', attempts: 2, receivedOn: first.receivedOn });
      expect(await storedOrder(ref)).toMatchObject({ status: 'BOOKED', version: 1 });
    });
  });

  describe('a cyclic workflow', () => {
    const subtype = 'CYCLIC';
    const engine = newEngine();

    beforeAll(async () => {
      await upload(
        orderWorkflow(
          subtype,
          ['CREATED', 'PINGED', 'PONGED'],
          [
            ruleset('CREATE', []),
            ruleset('PING', [setState('PINGED'), sendEvent('PONG')]),
            ruleset('PONG', [setState('PONGED'), sendEvent('PING')]),
          ],
          10,
        ),
      );
    });

    it('trips the loop guard and commits nothing but the FAILED event record, its audit and its claim', async () => {
      // Prepare
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const ping = orderEvent('PING', ref, subtype);
      const before = await snapshot();

      // Act
      const result = await engine.process(ping);

      // Assess
      expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'LOOP_GUARD' } });
      const changed = changedKeys(before, await snapshot());
      // The event record and its three audit records, and the claim of the event id by its retailer.
      expect(changed.filter((key) => !key.startsWith(`EVENT#${RETAILER}#${ping.id} |`))).toEqual([`EVENTID#${ping.id} | ${RETAILER}`]);
      expect(changed).toHaveLength(1 + 3 + 1);
      expect(await auditKinds(ping.id)).toEqual(['EVENT_RECEIVED', 'LOOP_GUARD', 'OUTCOME']);
      expect(await storedOrder(ref)).toMatchObject({ status: 'CREATED', version: 1 });
    });
  });

  describe('two engines on one root at once', () => {
    const subtype = 'RACING';

    /** Holds each store's first load until both have loaded, so both run on the same version. */
    class RacingStore extends DynamoEngineStore {
      conflicts = 0;
      private gate: (() => Promise<void>) | undefined;

      constructor(gate: () => Promise<void>) {
        super(documents, TABLE, 30);
        this.gate = gate;
      }

      override async loadRoot(retailerId: string, rootEntityType: string, rootRef: string): Promise<Entity[]> {
        const entities = await super.loadRoot(retailerId, rootEntityType, rootRef);
        const gate = this.gate;
        this.gate = undefined;
        await gate?.();
        return entities;
      }

      override async commit(uow: UnitOfWork): Promise<void> {
        try {
          await super.commit(uow);
        } catch (error) {
          if (error instanceof VersionConflictError) this.conflicts += 1;
          throw error;
        }
      }
    }

    const bothLoaded = () => {
      let arrived = 0;
      let open: () => void = () => undefined;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return async () => {
        arrived += 1;
        if (arrived === 2) open();
        await opened;
      };
    };

    beforeAll(async () => {
      await upload(
        orderWorkflow(subtype, ['CREATED'], [
          ruleset('CREATE', []),
          ruleset('GIFT_WRAP', [setAttributes({ giftWrap: true })]),
          ruleset('ADD_NOTE', [setAttributes({ note: 'leave at the door' })]),
        ]),
      );
    });

    it('both succeed, the loser re-running on a fresh load, and the order moves on by two versions', async () => {
      // Prepare
      const ref = newRef();
      await newEngine().process(orderEvent('CREATE', ref, subtype));
      const gate = bothLoaded();
      const storeA = new RacingStore(gate);
      const storeB = new RacingStore(gate);

      // Act
      const results = await Promise.all([
        newEngine(storeA).process(orderEvent('GIFT_WRAP', ref, subtype)),
        newEngine(storeB).process(orderEvent('ADD_NOTE', ref, subtype)),
      ]);

      // Assess
      expect(results.map((result) => result.outcome)).toEqual(['SUCCESS', 'SUCCESS']);
      expect(storeA.conflicts + storeB.conflicts).toBeGreaterThanOrEqual(1);
      expect(await storedOrder(ref)).toMatchObject({ version: 3, attributes: { giftWrap: true, note: 'leave at the door' } });
    });
  });

  describe('an execution with more than 100 audit records', () => {
    const subtype = 'CHAIN';
    const steps = 60;

    beforeAll(async () => {
      const chain = Array.from({ length: steps }, (_, i) =>
        ruleset(`STEP_${i + 1}`, [setAttributes({ step: i + 1 }), i + 1 < steps ? sendEvent(`STEP_${i + 2}`) : setState('DONE')]),
      );
      await upload(
        orderWorkflow(
          subtype,
          ['CREATED', 'DONE'],
          [ruleset('CREATE', []), ruleset('START', [setAttributes({ step: 0 }), sendEvent('STEP_1')]), ...chain],
          // 61 rulesets in one execution; the loop guard must allow them.
          100,
        ),
      );
    });

    it('commits, and every audit record reads back in seq order', async () => {
      // Prepare
      const engine = newEngine();
      const ref = newRef();
      await engine.process(orderEvent('CREATE', ref, subtype));
      const start = orderEvent('START', ref, subtype);

      // Act
      const result = await engine.process(start);

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      const written = result.unitOfWork?.audit ?? [];
      expect(written.length).toBeGreaterThan(100);
      const audit = (await eventLog.get(RETAILER, start.id))?.audit ?? [];
      expect(audit.map((record) => record.seq)).toEqual(written.map((_, i) => i + 1));
      expect(audit).toEqual(written);
      expect(await storedOrder(ref)).toMatchObject({ status: 'DONE', version: 2, attributes: { step: steps } });
    });
  });

  describe('workflow versions', () => {
    /** Version 1 ships an order; version 2 holds it instead. */
    const versions = (subtype: string) => {
      const statuses = ['CREATED', 'SHIPPED', 'HELD'];
      return [
        orderWorkflow(subtype, statuses, [ruleset('CREATE', []), ruleset('SHIP', [setState('SHIPPED')])]),
        orderWorkflow(subtype, statuses, [ruleset('CREATE', []), ruleset('SHIP', [setState('HELD')])]),
      ];
    };

    it('numbers uploads of one workflow 1, then 2', async () => {
      // Prepare
      const [version1, version2] = versions('NUMBERED');

      // Act
      const first = await upload(version1);
      const second = await upload(version2);

      // Assess
      expect([first, second]).toEqual([1, 2]);
      expect(await workflows.get(version1)).toMatchObject({ version: 2, rulesets: version2.rulesets });
      expect(await workflows.get(version1, 1)).toMatchObject({ version: 1, rulesets: version1.rulesets });
    });

    it('gives two uploads at the same time versions 1 and 2', async () => {
      // Prepare
      const [version1, version2] = versions('CONCURRENT');

      // Act
      const numbers = await Promise.all([upload(version1), upload(version2)]);

      // Assess
      expect([...numbers].sort()).toEqual([1, 2]);
      expect(await workflows.get(version1)).toMatchObject({ version: 2 });
    });

    it("keeps running version 1's rulesets for an order created under version 1 after version 2 is uploaded", async () => {
      // Prepare
      const subtype = 'PINNED';
      const [version1, version2] = versions(subtype);
      await upload(version1);
      const ref = newRef();
      await newEngine().process(orderEvent('CREATE', ref, subtype));
      await upload(version2);

      // Act
      const result = await newEngine().process(orderEvent('SHIP', ref, subtype));

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      expect(await storedOrder(ref)).toMatchObject({ status: 'SHIPPED', workflowVersion: 1 });
    });

    it('creates a new order under version 2 once it is uploaded', async () => {
      // Prepare
      const subtype = 'UPGRADED';
      const [version1, version2] = versions(subtype);
      await upload(version1);
      await upload(version2);
      const ref = newRef();

      // Act
      await newEngine().process(orderEvent('CREATE', ref, subtype));
      await newEngine().process(orderEvent('SHIP', ref, subtype));

      // Assess
      expect(await storedOrder(ref)).toMatchObject({ status: 'HELD', workflowVersion: 2 });
    });
  });

  describe('event records outside the engine', () => {
    const subtype = 'RECORDS';

    beforeAll(async () => {
      await upload(orderWorkflow(subtype, ['CREATED'], [ruleset('CREATE', [])]));
    });

    it('records an event accepted for later processing as PENDING, before it runs', async () => {
      // Prepare
      const ref = newRef();
      const accepted = orderEvent('CREATE', ref, subtype);
      const record: EventRecord = {
        event: accepted,
        outcome: 'PENDING',
        receivedOn: new Date().toISOString(),
        rootEntityType: 'ORDER',
        rootRef: ref,
        attempts: 0,
      };

      // Act
      await store.recordPending(record);

      // Assess
      expect(await store.getEvent(RETAILER, accepted.id)).toMatchObject({ outcome: 'PENDING', event: accepted });
    });

    it('runs an event recorded as PENDING and moves its record from PENDING to the outcome', async () => {
      // Prepare
      const ref = newRef();
      const accepted = orderEvent('CREATE', ref, subtype);
      const receivedOn = new Date().toISOString();
      await store.recordPending({ event: accepted, outcome: 'PENDING', receivedOn, rootEntityType: 'ORDER', rootRef: ref, attempts: 0 });

      // Act
      const result = await newEngine().process(accepted);

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      expect(await store.getEvent(RETAILER, accepted.id)).toMatchObject({ outcome: 'SUCCESS', receivedOn, attempts: 1 });
      const pending = await eventLog.list({ status: 'PENDING', limit: 100 });
      expect(pending.items.map((item) => item.event.id)).not.toContain(accepted.id);
    });

    it('notes a redelivery of a processed event on its record and trail', async () => {
      // Prepare
      const ref = newRef();
      const create = orderEvent('CREATE', ref, subtype);
      const engine = newEngine();
      await engine.process(create);
      await engine.process(create);

      // Act
      await store.recordDuplicate(RETAILER, create.id, new Date().toISOString());

      // Assess
      const logged = await eventLog.get(RETAILER, create.id);
      expect(logged?.event).toMatchObject({ outcome: 'SUCCESS', duplicateDeliveries: 1, attempts: 1 });
      expect(logged?.audit.at(-1)).toMatchObject({ kind: 'OUTCOME', outcome: 'DUPLICATE' });
    });
  });
});
