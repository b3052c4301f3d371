import { entityItem, outboxItem } from '../../../../shared/adapters/dynamodb/engine-items';
import { summaryItem } from '../../../../shared/adapters/dynamodb/availability-summary-items';
import { stockFigureChangeOf, stockFigureChangesOf } from '../../../../shared/adapters/dynamodb/stock-stream-changes';
import type { OutboxRecord } from '../../../../shared/engine/engine-model';
import { anOrderEntity } from '../../../support/order-builder';
import { countItem, reservationItem } from '../../../support/inventory-items';
import { insertOf, modifyOf, removeOf } from '../../../support/stream-records';

const OWNER = { retailerId: 'r1', eventId: 'evt-1' };
const EXPIRES_AT = 1_748_772_000;

const publish: OutboxRecord = {
  id: 'out-1',
  kind: 'PUBLISH',
  eventId: 'evt-1',
  createdOn: '2025-03-14T09:26:50.000Z',
  payload: { retailerId: 'r1', detailType: 'OrderBooked', detail: { note: 'x' } },
};

describe('stockFigureChangeOf', () => {
  describe('a count item', () => {
    it('gives the figures of a count written for the first time', () => {
      // Prepare
      const record = insertOf(countItem('TEE', 'W1', 10, 2));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toEqual({ skuRef: 'TEE', locationRef: 'W1', part: 'count', count: { onHand: 10, safetyStock: 2 } });
    });

    it('gives the figures after the write of a recount, not those before', () => {
      // Prepare
      const record = modifyOf(countItem('TEE', 'W1', 10, 2), countItem('TEE', 'W1', 4, 1));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toEqual({ skuRef: 'TEE', locationRef: 'W1', part: 'count', count: { onHand: 4, safetyStock: 1 } });
    });

    it('gives a count without figures when the count item is removed', () => {
      // Prepare
      const record = removeOf(countItem('TEE', 'W1', 10, 2));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toEqual({ skuRef: 'TEE', locationRef: 'W1', part: 'count' });
    });
  });

  describe('a reservation item', () => {
    it('gives the units reserved when the first reservation is made', () => {
      // Prepare
      const record = insertOf(reservationItem('TEE', 'W1', 3));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toEqual({ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 3 });
    });

    it('gives the units reserved after a release', () => {
      // Prepare
      const record = modifyOf(reservationItem('TEE', 'W1', 3), reservationItem('TEE', 'W1', 1));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toEqual({ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 1 });
    });

    it('gives nothing reserved when the reservation item is removed', () => {
      // Prepare
      const record = removeOf(reservationItem('TEE', 'W1', 3));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toEqual({ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 0 });
    });
  });

  describe('any other item', () => {
    it('gives nothing for an entity', () => {
      // Prepare
      const record = insertOf(entityItem(anOrderEntity('O-1')));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toBeUndefined();
    });

    it('gives nothing for an outbox record', () => {
      // Prepare
      const record = insertOf(outboxItem(OWNER, publish, EXPIRES_AT));

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toBeUndefined();
    });

    it('gives nothing for the availability summary itself, so writing one does not feed back', () => {
      // Prepare
      const before = summaryItem({ skuRef: 'TEE', version: 1, figures: new Map([['W1', { reserved: 1 }]]) });
      const after = summaryItem({ skuRef: 'TEE', version: 2, figures: new Map([['W1', { reserved: 2 }]]) });
      const record = modifyOf(before, after);

      // Act
      const change = stockFigureChangeOf(record);

      // Assess
      expect(change).toBeUndefined();
    });
  });
});

describe('stockFigureChangesOf', () => {
  it('gives the stock changes of a batch in stream order, leaving out other items', () => {
    // Prepare
    const records = [
      insertOf(reservationItem('TEE', 'W1', 1)),
      insertOf(outboxItem(OWNER, publish, EXPIRES_AT)),
      modifyOf(countItem('CAP', 'W2', 5), countItem('CAP', 'W2', 4)),
      modifyOf(reservationItem('TEE', 'W1', 1), reservationItem('TEE', 'W1', 2)),
    ];

    // Act
    const changes = stockFigureChangesOf(records);

    // Assess
    expect(changes).toEqual([
      { skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 1 },
      { skuRef: 'CAP', locationRef: 'W2', part: 'count', count: { onHand: 4, safetyStock: 0 } },
      { skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 2 },
    ]);
  });
});
