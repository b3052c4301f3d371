import type { Entity, OrdoEvent } from '../../../shared/engine/engine-model';
import { childEntity, entityOfCreateEvent } from '../../../shared/engine/entity-factory';
import { orderWorkflow } from './fixtures/workflows';

const ORIGIN = { id: 'new-id', rootEntityType: 'ORDER', rootRef: 'O-1', at: '2025-01-01T10:00:00.000Z' };

const createEvent = (overrides: Partial<OrdoEvent> = {}): OrdoEvent => ({
  id: 'evt-1',
  name: 'CREATE',
  retailerId: 'R1',
  entityType: 'ORDER',
  entityRef: 'O-1',
  entitySubtype: 'HD',
  attributes: { channel: 'web' },
  ...overrides,
});

const order: Entity = {
  ...entityOfCreateEvent(createEvent(), orderWorkflow({ version: 4 }), ORIGIN),
  retailerId: 'R1',
  status: 'BOOKED',
  version: 2,
};

describe('entityOfCreateEvent', () => {
  it('makes a new entity in the initial status, pinned to the version of the workflow the execution runs', () => {
    // Act
    const entity = entityOfCreateEvent(createEvent(), orderWorkflow({ version: 3, initialStatus: 'BOOKED' }), ORIGIN);

    // Assess
    expect(entity).toEqual({
      retailerId: 'R1',
      entityType: 'ORDER',
      subtype: 'HD',
      ref: 'O-1',
      id: 'new-id',
      status: 'BOOKED',
      attributes: { channel: 'web' },
      workflowRef: 'ORDER::HD',
      workflowVersion: 3,
      version: 0,
      rootEntityType: 'ORDER',
      rootRef: 'O-1',
      createdOn: ORIGIN.at,
      updatedOn: ORIGIN.at,
    });
  });

  it('gives an event without a subtype the default subtype and an unversioned workflow version 1', () => {
    // Act
    const entity = entityOfCreateEvent(createEvent({ entitySubtype: undefined }), orderWorkflow(), ORIGIN);

    // Assess
    expect(entity).toMatchObject({ subtype: 'DEFAULT', workflowVersion: 1, status: 'CREATED' });
  });

  it('copies the event attributes, so a later change to the entity leaves the event as it was', () => {
    // Prepare
    const event = createEvent();

    // Act
    entityOfCreateEvent(event, orderWorkflow(), ORIGIN).attributes.channel = 'store';

    // Assess
    expect(event.attributes).toEqual({ channel: 'web' });
  });
});

describe('childEntity', () => {
  it("makes a child of its parent's retailer, pinned to its parent's workflow whatever the child asks", () => {
    // Act
    const child = childEntity(
      order,
      { entityType: 'FULFILMENT', subtype: 'PICK', ref: 'F-1', attributes: { location: 'L1' } },
      'CREATED',
      { ...ORIGIN, id: 'child-id' },
    );

    // Assess
    expect(child).toMatchObject({
      retailerId: 'R1',
      entityType: 'FULFILMENT',
      subtype: 'PICK',
      ref: 'F-1',
      id: 'child-id',
      status: 'CREATED',
      attributes: { location: 'L1' },
      workflowRef: 'ORDER::HD',
      workflowVersion: 4,
      version: 0,
      rootEntityType: 'ORDER',
      rootRef: 'O-1',
    });
  });

  it('gives a child declared without attributes an empty set', () => {
    // Act
    const child = childEntity(order, { entityType: 'FULFILMENT', subtype: 'PICK', ref: 'F-1' }, 'CREATED', ORIGIN);

    // Assess
    expect(child.attributes).toEqual({});
  });
});
