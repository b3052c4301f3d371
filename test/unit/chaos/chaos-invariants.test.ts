import { checkInvariants, type AccountScan, type RunFacts } from '../../chaos/invariants';

/**
 * One account, `acme`, with one back-and-forth order `acme.O0` that CREATE then BOOK moved to version 2, the TICK its
 * BOOK scheduled, and a fulfilment holding 2 of the 2 units reserved at TEE@CAMDEN.
 */
const consistentScan = (): AccountScan[] => [
  {
    account: { accountId: 'acme', roots: ['acme.O0'] },
    items: [
      { PK: 'ROOT#r1#ORDER#acme.O0', SK: 'ENTITY#ORDER#acme.O0', ref: 'acme.O0', version: 2 },
      { PK: 'EVENT#r1#acme.O0.e0', SK: 'EVENT', event: { id: 'acme.O0.e0', name: 'CREATE' }, outcome: 'SUCCESS', rootRef: 'acme.O0' },
      { PK: 'EVENT#r1#acme.O0.e0', SK: 'AUDIT#t0#000002', kind: 'OUTCOME', outcome: 'SUCCESS', eventId: 'acme.O0.e0', rootRef: 'acme.O0' },
      { PK: 'EVENT#r1#acme.O0.e1', SK: 'EVENT', event: { id: 'acme.O0.e1', name: 'BOOK' }, outcome: 'SUCCESS', rootRef: 'acme.O0' },
      { PK: 'EVENT#r1#acme.O0.e1', SK: 'AUDIT#t1#000001', kind: 'STATE_CHANGE', eventId: 'acme.O0.e1', rootRef: 'acme.O0' },
      { PK: 'EVENT#r1#acme.O0.e1', SK: 'AUDIT#t1#000002', kind: 'OUTCOME', outcome: 'SUCCESS', eventId: 'acme.O0.e1', rootRef: 'acme.O0' },
      { PK: 'EVENT#r1#tick-1', SK: 'EVENT', event: { id: 'tick-1', name: 'TICK' }, outcome: 'SUCCESS', rootRef: 'acme.O0' },
      { PK: 'EVENT#r1#tick-1', SK: 'AUDIT#t2#000002', kind: 'OUTCOME', outcome: 'SUCCESS', eventId: 'tick-1', rootRef: 'acme.O0' },
      { PK: 'SKU#TEE', SK: 'LOC#CAMDEN', skuRef: 'TEE', locationRef: 'CAMDEN', onHand: 5 },
      { PK: 'SKU#TEE', SK: 'RES#CAMDEN', skuRef: 'TEE', locationRef: 'CAMDEN', reserved: 2 },
      { PK: 'ROOT#shop#ORDER#acme.S0', SK: 'ENTITY#FULFILMENT#acme.S0-F1', reservations: [{ skuRef: 'TEE', locationRef: 'CAMDEN', qty: 2 }] },
    ],
  },
];

const facts = (overrides: Partial<RunFacts> = {}): RunFacts => ({
  accepted: new Set(['acme.O0.e0', 'acme.O0.e1']),
  deadLettered: new Map(),
  webhooks: [
    { webhookId: 'msg_1', body: '{"a":1}', status: 500 },
    { webhookId: 'msg_1', body: '{"a":1}', status: 204 },
  ],
  relayGaveUp: 0,
  ...overrides,
});

/** The names of the invariants that broke. */
const broken = (scans: AccountScan[], runFacts = facts()) =>
  checkInvariants(scans, runFacts)
    .verdicts.filter((verdict) => !verdict.holds)
    .map((verdict) => verdict.name);

const withItems = (change: (items: AccountScan['items']) => AccountScan['items'], scans = consistentScan()): AccountScan[] =>
  scans.map((scan) => ({ ...scan, items: change(scan.items) }));

describe('the chaos invariants', () => {
  it('all hold on a consistent account', () => {
    // Act
    const result = broken(consistentScan());

    // Assess
    expect(result).toEqual([]);
  });

  it('catch an order whose version counts an event twice', () => {
    // Prepare
    const scans = withItems((items) => items.map((item) => (item.SK === 'ENTITY#ORDER#acme.O0' ? { ...item, version: 3 } : item)));

    // Act
    const result = broken(scans);

    // Assess
    expect(result).toEqual(['every event applied exactly once (versions)', 'audit trails agree with versions']);
  });

  it('catch an accepted event that has no record and is not in the DLQ', () => {
    // Act
    const result = broken(consistentScan(), facts({ accepted: new Set(['acme.O0.e0', 'acme.O0.e1', 'acme.O0.e2']) }));

    // Assess
    expect(result).toEqual(['no accepted event lost']);
  });

  it('catch an event the workflow scheduled that never arrived', () => {
    // Prepare
    const scans = withItems((items) => items.filter((item) => item.PK !== 'EVENT#r1#tick-1'));

    // Act
    const result = broken(scans);

    // Assess
    expect(result).toEqual(['sent and scheduled events arrived once']);
  });

  it('count a scheduled event in the events DLQ as arrived, stuck and re-drivable, though it has no record', () => {
    // Prepare: every delivery of the TICK failed before its commit, so the DLQ holds it and no record exists.
    const scans = withItems((items) => items.filter((item) => item.PK !== 'EVENT#r1#tick-1'));
    const runFacts = facts({ deadLettered: new Map([['tick-1', { accountId: 'acme', name: 'TICK' }]]) });

    // Act
    const result = broken(scans, runFacts);

    // Assess
    expect(result).toEqual([]);
  });

  it("catch an event the workflow sent that arrived twice, one of them in the DLQ under another id, or in another account's DLQ", () => {
    // Prepare
    const twice = facts({ deadLettered: new Map([['tick-2', { accountId: 'acme', name: 'TICK' }]]) });
    const elsewhere = facts({ deadLettered: new Map([['tick-1', { accountId: 'other', name: 'TICK' }]]) });
    const missing = withItems((items) => items.filter((item) => item.PK !== 'EVENT#r1#tick-1'));

    // Act
    const result = [broken(consistentScan(), twice), broken(missing, elsewhere)];

    // Assess
    expect(result).toEqual([['sent and scheduled events arrived once'], ['sent and scheduled events arrived once']]);
  });

  it('catch a position with more reserved than on hand, and reservations nobody holds', () => {
    // Prepare
    const scans = withItems((items) => items.map((item) => (item.SK === 'RES#CAMDEN' ? { ...item, reserved: 6 } : item)));

    // Act
    const result = broken(scans);

    // Assess
    expect(result).toEqual(['stock reserved ≤ on hand everywhere', 'reservations equal what fulfilments hold']);
  });

  it('catch a cancelled fulfilment that still holds its units, though the position counts them', () => {
    // Prepare
    const scans = withItems((items) => items.map((item) => (item.SK === 'ENTITY#FULFILMENT#acme.S0-F1' ? { ...item, status: 'CANCELLED' } : item)));

    // Act
    const result = checkInvariants(scans, facts()).verdicts.find((verdict) => !verdict.holds);

    // Assess
    expect(result).toMatchObject({ name: 'reservations equal what fulfilments hold', detail: expect.stringContaining('CANCELLED and holds 2') });
  });

  it('catch an outbox record left behind', () => {
    // Prepare
    const scans = withItems((items) => [...items, { PK: 'EVENT#r1#acme.O0.e1', SK: 'OUTBOX#t1#w1' }]);

    // Act
    const result = broken(scans);

    // Assess
    expect(result).toEqual(['outbox empty']);
  });

  it('catch a scheduled event whose record the sweep left behind', () => {
    // Prepare
    const scans = withItems((items) => [...items, { PK: 'SCHEDULED', SK: '2026-12-05T15:00:01.000Z#tick-1', event: { id: 'tick-1', name: 'TICK' } }]);

    // Act
    const result = broken(scans);

    // Assess
    expect(result).toEqual(['no scheduled event left']);
  });

  it('catch a webhook message the endpoint never accepted, and a resend with another body', () => {
    // Prepare
    const webhooks = [
      { webhookId: 'msg_1', body: '{"a":1}', status: 500 },
      { webhookId: 'msg_1', body: '{"a":2}', status: 500 },
    ];

    // Act
    const result = checkInvariants(consistentScan(), facts({ webhooks })).verdicts.find((verdict) => verdict.name.startsWith('every webhook'));

    // Assess
    expect(result).toMatchObject({ holds: false, detail: expect.stringContaining('never accepted') });
    expect(result?.detail).toContain('different bodies');
  });

  it('catch an item naming another account’s ref', () => {
    // Prepare
    const scans: AccountScan[] = [...consistentScan(), { account: { accountId: 'other', roots: [] }, items: [{ PK: 'ROOT#r1#ORDER#acme.O0', SK: 'ENTITY#ORDER#acme.O0' }] }];

    // Act
    const result = broken(scans);

    // Assess
    expect(result).toEqual(['no cross-account write']);
  });
});
