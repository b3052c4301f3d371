import { RuleFailedError } from '../../../shared/engine/engine-errors';
import {
  createCoreRegistry,
  failRule,
  releaseReservationsRule,
  scheduleEventRule,
  sendEventIfRule,
  sendEventRule,
  setAttributesRule,
} from '../../../shared/engine/rules/core/core-rules';
import { ruleContext } from './fixtures/rule-context';

const SEND_CHECKED = [{ type: 'SEND_EVENT', event: { name: 'CHECKED' } }];

describe('ordo.core.SendEventIf', () => {
  const whenEntity = (path: string, op: string, value?: unknown) =>
    sendEventIfRule.props.parse({ eventName: 'CHECKED', condition: { source: 'entity', path, op, value } });

  it.each([
    ['eq', 'total', 10, 10, true],
    ['eq', 'total', 11, 10, false],
    ['eq', 'tags', ['a', 'b'], ['a', 'b'], true],
    ['ne', 'total', 11, 10, true],
    ['ne', 'total', 10, 10, false],
    ['gt', 'total', 9, 10, true],
    ['gt', 'total', 10, 10, false],
    ['gte', 'total', 10, 10, true],
    ['gte', 'total', 11, 10, false],
    ['lt', 'total', 11, 10, true],
    ['lt', 'total', 10, 10, false],
    ['lte', 'total', 10, 10, true],
    ['lte', 'total', 9, 10, false],
    ['gt', 'placedOn', '2025-01-01', '2025-02-01', true],
    ['gt', 'total', '9', 10, false],
    ['in', 'channel', ['WEB', 'APP'], 'APP', true],
    ['in', 'channel', ['WEB', 'APP'], 'POS', false],
    ['exists', 'channel', undefined, 'APP', true],
    ['exists', 'channel', undefined, null, false],
    ['notExists', 'channel', undefined, undefined, true],
    ['notExists', 'channel', undefined, 'APP', false],
  ])('%s on %s against %j with the attribute %j sends the event: %s', (op, path, value, actual, sends) => {
    // Prepare
    const props = whenEntity(path, op, value);
    const ctx = ruleContext({ attributes: { [path]: actual } });

    // Act
    const actions = sendEventIfRule.run(ctx, props);

    // Assess
    expect(actions).toEqual(sends ? SEND_CHECKED : []);
  });

  it('reads dot paths into nested entity attributes', () => {
    // Prepare
    const props = whenEntity('customer.tier', 'eq', 'GOLD');

    // Act
    const actions = sendEventIfRule.run(ruleContext({ attributes: { customer: { tier: 'GOLD' } } }), props);

    // Assess
    expect(actions).toEqual(SEND_CHECKED);
  });

  it("tests the entity's status through the path 'status'", () => {
    // Prepare
    const props = whenEntity('status', 'in', ['BOOKED', 'PICKED']);

    // Act
    const actions = sendEventIfRule.run(ruleContext({ status: 'PICKED', attributes: { status: 'other' } }), props);

    // Assess
    expect(actions).toEqual(SEND_CHECKED);
    expect(sendEventIfRule.statusProps?.(props)).toEqual(['BOOKED', 'PICKED']);
  });

  it("tests the event's attributes when the source is 'event'", () => {
    // Prepare
    const props = sendEventIfRule.props.parse({
      eventName: 'CHECKED',
      condition: { source: 'event', path: 'reason', op: 'eq', value: 'fraud' },
      target: 'ROOT',
    });

    // Act
    const actions = sendEventIfRule.run(ruleContext({ attributes: { reason: 'other' } }, { reason: 'fraud' }), props);

    // Assess
    expect(actions).toEqual([{ type: 'SEND_EVENT', event: { name: 'CHECKED' }, target: 'ROOT' }]);
  });

  it('rejects a comparison without a value and an in without a list, naming the prop', () => {
    // Prepare
    const missingValue = { eventName: 'X', condition: { source: 'entity', path: 'total', op: 'gt' } };
    const scalarIn = { eventName: 'X', condition: { source: 'entity', path: 'total', op: 'in', value: 3 } };

    // Act
    const results = [sendEventIfRule.props.safeParse(missingValue), sendEventIfRule.props.safeParse(scalarIn)];

    // Assess
    expect(results.map((result) => result.error?.issues.map((issue) => issue.path.join('.')))).toEqual([
      ['condition.value'],
      ['condition.value'],
    ]);
  });
});

describe('ordo.core.SendEvent', () => {
  it('sends to the entity itself by default', () => {
    // Prepare
    const props = sendEventRule.props.parse({ eventName: 'NEXT' });

    // Act
    const actions = sendEventRule.run(ruleContext(), props);

    // Assess
    expect(actions).toEqual([{ type: 'SEND_EVENT', event: { name: 'NEXT' } }]);
  });

  it('turns a delay into a scheduled event due that many seconds from now', () => {
    // Prepare
    const props = sendEventRule.props.parse({ eventName: 'NEXT', delaySeconds: 30, target: { entityType: 'LOCATION', entityRef: 'L-1' } });

    // Act
    const actions = sendEventRule.run(ruleContext(), props);

    // Assess
    expect(actions).toEqual([
      { type: 'SCHEDULE_EVENT', event: { name: 'NEXT' }, dueAt: '2025-01-01T10:00:30.000Z', target: { entityType: 'LOCATION', entityRef: 'L-1' } },
    ]);
  });
});

describe('ordo.core.ScheduleEvent', () => {
  it('needs exactly one of delaySeconds and atAttribute', () => {
    // Prepare
    const both = { eventName: 'X', delaySeconds: 5, atAttribute: 'due' };
    const neither = { eventName: 'X' };

    // Act
    const results = [scheduleEventRule.props.safeParse(both), scheduleEventRule.props.safeParse(neither)];

    // Assess
    expect(results.map((result) => result.success)).toEqual([false, false]);
    expect(scheduleEventRule.props.safeParse({ eventName: 'X', delaySeconds: 5 }).success).toBe(true);
  });

  it('throws when the attribute holds no date', () => {
    // Prepare
    const props = scheduleEventRule.props.parse({ eventName: 'X', atAttribute: 'due' });

    // Act
    const run = () => scheduleEventRule.run(ruleContext({ attributes: { due: 'soon' } }), props);

    // Assess
    expect(run).toThrow(RuleFailedError);
  });
});

describe('ordo.core.SetAttributes', () => {
  it('asks for nothing when none of the named event attributes is present', () => {
    // Prepare
    const props = setAttributesRule.props.parse({ fromEvent: ['carrier'] });

    // Act
    const actions = setAttributesRule.run(ruleContext(), props);

    // Assess
    expect(actions).toEqual([]);
  });

  it('needs attributes or fromEvent', () => {
    // Act
    const result = setAttributesRule.props.safeParse({});

    // Assess
    expect(result.success).toBe(false);
  });
});

describe('ordo.core.Fail', () => {
  it('throws a RuleFailedError with its message', () => {
    // Prepare
    const props = failRule.props.parse({ message: 'stop here' });

    // Act
    const run = () => failRule.run(ruleContext(), props);

    // Assess
    expect(run).toThrow(new RuleFailedError('stop here'));
  });
});

describe('ordo.core.ReleaseReservations', () => {
  const reservations = [
    { skuRef: 'S1', locationRef: 'L1', qty: 2 },
    { skuRef: 'S2', locationRef: 'L1', qty: 1 },
  ];

  it('releases every reservation the entity holds', () => {
    // Prepare
    const props = releaseReservationsRule.props.parse({ reason: 'cancelled' });

    // Act
    const actions = releaseReservationsRule.run(ruleContext({ reservations }), props);

    // Assess
    expect(actions).toEqual([
      { type: 'RELEASE_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 2, reason: 'cancelled' },
      { type: 'RELEASE_INVENTORY', skuRef: 'S2', locationRef: 'L1', qty: 1, reason: 'cancelled' },
    ]);
  });

  it('releases only the listed SKUs when skuRefs is given, and nothing for an entity without reservations', () => {
    // Prepare
    const props = releaseReservationsRule.props.parse({ skuRefs: ['S2'] });

    // Act
    const some = releaseReservationsRule.run(ruleContext({ reservations }), props);
    const none = releaseReservationsRule.run(ruleContext(), props);

    // Assess
    expect(some).toEqual([{ type: 'RELEASE_INVENTORY', skuRef: 'S2', locationRef: 'L1', qty: 1 }]);
    expect(none).toEqual([]);
  });
});

describe('createCoreRegistry', () => {
  it('registers every ordo.core rule', () => {
    // Act
    const registry = createCoreRegistry();

    // Assess
    expect(registry.names()).toEqual([
      'ordo.core.Fail',
      'ordo.core.Log',
      'ordo.core.PublishEvent',
      'ordo.core.ReleaseReservations',
      'ordo.core.ScheduleEvent',
      'ordo.core.SendEvent',
      'ordo.core.SendEventIf',
      'ordo.core.SendWebhook',
      'ordo.core.SetAttributes',
      'ordo.core.SetState',
    ]);
  });
});
