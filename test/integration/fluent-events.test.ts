import { handler as postFluentEventAsync } from '../../functions/compat/post-fluent-event-async';
import { handler as postFluentEventSync } from '../../functions/compat/post-fluent-event-sync';
import { invoke } from '../support/api-gateway-event';
import { newAccount, TEST_RETAILERS } from './control-plane-api';
import { orchestrationApi as api } from './orchestration-api';

// Account creation (a new table) and sync runs take seconds on DynamoDB Local beside other suites.
jest.setTimeout(20_000);

const postSync = (apiKey: string, body: unknown) =>
  invoke(postFluentEventSync, { method: 'POST', resource: '/v1/compat/fluent/event/sync', apiKey, body });
const postAsync = (apiKey: string, body: unknown) =>
  invoke(postFluentEventAsync, { method: 'POST', resource: '/v1/compat/fluent/event/async', apiKey, body });

/** Fluent numbers its retailers: a migrated retailer keeps its number as its Ordo id. */
const RETAILER = '1';

/** An order that Fluent's CancelOrder example (below) cancels, keeping the reason it was given. */
const cancellableOrders = {
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: 'HD',
  statuses: [{ name: 'CREATED' }, { name: 'CANCELLED' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'order received' } }] },
    {
      name: 'CancelOrder',
      type: 'ORDER',
      triggers: [{ status: 'CREATED' }],
      rules: [
        { name: 'ordo.core.SetAttributes', props: { fromEvent: ['cancelReason'] } },
        { name: 'ordo.core.SetState', props: { status: 'CANCELLED' } },
      ],
    },
  ],
};

/** A value whose innermost string sits `levels` levels below the value itself. */
const nestedValue = (levels: number): unknown => {
  let value: unknown = 'Stolen Credit Card';
  for (let level = 0; level < levels; level += 1) value = { why: value };
  return value;
};

const createOrder = (ref: string) => ({ name: 'CREATE', retailerId: 1, entityType: 'ORDER', entitySubtype: 'HD', entityRef: ref });

/**
 * Fluent's CancelOrder example event, from
 * https://docs.fluentcommerce.com/by-type/knowledge_tracks/workflow-framework/workflow-event-execution
 * with its attributes in the Event API's list form, `[{name, type, value}]`.
 */
const fluentCancelOrder = {
  name: 'CancelOrder',
  retailerId: '1',
  entityId: '1234',
  entityRef: 'ON-1234',
  entityType: 'ORDER',
  rootEntityType: 'ORDER',
  rootEntityId: '1234',
  rootEntityRef: 'ON-1234',
  attributes: [{ name: 'cancelReason', type: 'STRING', value: 'Stolen Credit Card' }],
};

/**
 * The manual event structure of https://docs.fluentcommerce.com/by-type/manual-event-with-run-once-workflow,
 * its placeholders filled in; its `meta` workflow is accepted and not run.
 */
const fluentManualEvent = {
  accountId: 'ACME',
  retailerId: '1',
  name: 'CancelOrder',
  entityType: 'ORDER',
  entityId: '143',
  entityRef: 'ON-143',
  meta: {
    workflow: {
      retailerId: '1',
      version: '1.0',
      rulesets: [{ name: 'CancelOrder', type: 'ORDER', eventType: 'NORMAL', rules: [], triggers: [], userActions: [] }],
    },
  },
};

describe('Fluent-shaped events, on DynamoDB Local', () => {
  it('runs a sync event whose attributes come as a list, and answers in Fluent’s shape', async () => {
    // Prepare
    const { apiKey } = await newAccount('fluent-sync', { retailers: [...TEST_RETAILERS, RETAILER] });
    expect((await api.putWorkflow(apiKey, 'ORDER', 'HD', cancellableOrders)).status).toBe(201);
    expect((await postSync(apiKey, createOrder('ON-1234'))).body.eventStatus).toBe('COMPLETE');

    // Act
    const response = await postSync(apiKey, fluentCancelOrder);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ eventId: expect.any(String), entityId: 'ON-1234', entityRef: 'ON-1234', eventStatus: 'COMPLETE' });
    const order = await api.getEntity(apiKey, 'ORDER', 'ON-1234', { retailerId: RETAILER });
    expect(order.body).toMatchObject({ status: 'CANCELLED', attributes: { cancelReason: 'Stolen Credit Card' } });
  });

  it('answers an event no ruleset takes with Fluent’s NO_MATCH and the reason', async () => {
    // Prepare
    const { apiKey } = await newAccount('fluent-nomatch', { retailers: [...TEST_RETAILERS, RETAILER] });
    await api.putWorkflow(apiKey, 'ORDER', 'HD', cancellableOrders);
    await postSync(apiKey, createOrder('ON-1234'));
    await postSync(apiKey, fluentCancelOrder);

    // Act
    const again = await postSync(apiKey, { ...fluentCancelOrder, id: 'cancel-twice' });

    // Assess
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ eventId: 'cancel-twice', eventStatus: 'NO_MATCH', errorMessage: expect.any(String) });
  });

  it('queues an async event with Fluent’s accountId and meta, answering 200 PENDING', async () => {
    // Prepare
    const { apiKey } = await newAccount('fluent-async', { retailers: [...TEST_RETAILERS, RETAILER] });

    // Act
    const response = await postAsync(apiKey, { ...fluentManualEvent, id: 'manual-143' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ eventId: 'manual-143', entityId: 'ON-143', entityRef: 'ON-143', eventStatus: 'PENDING' });
    const recorded = await api.getEvent(apiKey, 'manual-143', { retailerId: RETAILER });
    expect(recorded.body).toMatchObject({ name: 'CancelOrder', entityRef: 'ON-143' });
  });

  it('refuses an attribute list naming one attribute twice, naming the second, and writes nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('fluent-dup', { retailers: [...TEST_RETAILERS, RETAILER] });
    const attributes = [...fluentCancelOrder.attributes, { name: 'cancelReason', type: 'STRING', value: 'Changed mind' }];

    // Act
    const response = await postAsync(apiKey, { ...fluentCancelOrder, id: 'dup-attrs', attributes });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'attributes[1].name' } });
    expect((await api.getEvent(apiKey, 'dup-attrs', { retailerId: RETAILER })).status).toBe(404);
  });

  it('keeps a listed attribute nested 16 levels deep on the entity, as deep as Ordo stores', async () => {
    // Prepare
    const { apiKey } = await newAccount('fluent-nested', { retailers: [...TEST_RETAILERS, RETAILER] });
    await api.putWorkflow(apiKey, 'ORDER', 'HD', cancellableOrders);
    await postSync(apiKey, createOrder('ON-1234'));
    const cancelReason = nestedValue(14);

    // Act
    const response = await postSync(apiKey, { ...fluentCancelOrder, attributes: [{ name: 'cancelReason', type: 'OBJECT', value: cancelReason }] });

    // Assess
    expect(response.body).toMatchObject({ eventStatus: 'COMPLETE' });
    const order = await api.getEntity(apiKey, 'ORDER', 'ON-1234', { retailerId: RETAILER });
    expect(order.body).toMatchObject({ status: 'CANCELLED', attributes: { cancelReason } });
  });

  it('refuses a listed attribute nested deeper than Ordo stores with 400 naming the field, and writes nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('fluent-too-deep', { retailers: [...TEST_RETAILERS, RETAILER] });
    await api.putWorkflow(apiKey, 'ORDER', 'HD', cancellableOrders);
    await postSync(apiKey, createOrder('ON-1234'));
    const attributes = [{ name: 'cancelReason', type: 'OBJECT', value: nestedValue(40) }];

    // Act
    const response = await postSync(apiKey, { ...fluentCancelOrder, id: 'too-deep', attributes });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: `attributes.cancelReason${'.why'.repeat(15)}` } });
    expect((await api.getEvent(apiKey, 'too-deep', { retailerId: RETAILER })).status).toBe(404);
    expect((await api.getEntity(apiKey, 'ORDER', 'ON-1234', { retailerId: RETAILER })).body.status).toBe('CREATED');
  });

  it('refuses a field Fluent does not send either, naming it', async () => {
    // Prepare
    const { apiKey } = await newAccount('fluent-unknown', { retailers: [...TEST_RETAILERS, RETAILER] });

    // Act
    const response = await postSync(apiKey, { ...fluentCancelOrder, entityRefs: 'ON-1234' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'entityRefs' } });
  });
});
