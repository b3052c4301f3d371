import { handler } from '../../../../functions/engine/mark-stuck-events';
import { listEvents } from '../../../../shared/domain/orchestration/event-queries';
import { submitEvent } from '../../../../shared/domain/orchestration/submit-event';
import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import { logger } from '../../../../shared/runtime/logger';
import { orderEvent, orderFlow } from '../../domain/orchestration/fixtures';
import { lambdaContext } from '../../../support/lambda';
import { InMemoryAccounts } from '../../../support/orchestration';
import { sqsEvent, sqsRecord } from '../../../support/sqs';

let accounts = new InMemoryAccounts([orderFlow()]);
let counted: string[] = [];
const markStuckEvents = handler.with({
  context: () => ({ orchestrationOf: (accountId: string) => accounts.orchestrationFor(accountId), countStuck: (accountId: string) => counted.push(accountId) }),
});

const pendingIn = async (accountId: string, ref: string): Promise<OrdoEvent> => {
  const event = orderEvent('CONFIRM', { entityRef: ref });
  await submitEvent(event, accounts.account(accountId));
  return event;
};

const stuckIds = async (accountId: string) =>
  (await listEvents({ status: 'STUCK', limit: 25 }, {}, accounts.account(accountId))).items.map(({ eventId }) => eventId);

describe('the mark-stuck-events handler', () => {
  beforeEach(() => {
    accounts = new InMemoryAccounts([orderFlow()]);
    counted = [];
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('marks the event of every DLQ message STUCK in its own account and reports no failure', async () => {
    // Prepare
    const [first, second] = [await pendingIn('acme', 'O-1'), await pendingIn('globex', 'O-2')];

    // Act
    const response = await markStuckEvents(
      sqsEvent(sqsRecord('msg-1', { accountId: 'acme', event: first }), sqsRecord('msg-2', { accountId: 'globex', event: second })),
      lambdaContext(),
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect([await stuckIds('acme'), await stuckIds('globex')]).toEqual([[first.id], [second.id]]);
    expect(counted).toEqual(['acme', 'globex']);
  });

  it('reports only the message whose mark could not be written, so that one alone stays in the DLQ', async () => {
    // Prepare
    const [kept, failing] = [await pendingIn('acme', 'O-1'), await pendingIn('globex', 'O-2')];
    accounts.account('globex').stuckEvents.failure = new Error('DynamoDB is down');

    // Act
    const response = await markStuckEvents(
      sqsEvent(sqsRecord('msg-1', { accountId: 'acme', event: kept }), sqsRecord('msg-2', { accountId: 'globex', event: failing })),
      lambdaContext(),
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-2' }] });
    expect(await stuckIds('acme')).toEqual([kept.id]);
    expect(counted).toEqual(['acme']);
  });

  it('reports a message that is not a queued event and logs its failure without its body', async () => {
    // Prepare
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const event = await pendingIn('acme', 'O-1');

    // Act
    const response = await markStuckEvents(
      sqsEvent(sqsRecord('msg-1', '{"secret":"ada@example.com"}'), sqsRecord('msg-2', { accountId: 'acme', event })),
      lambdaContext(),
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }] });
    expect(error).toHaveBeenCalledWith('queue record failed', expect.objectContaining({ consumer: 'markStuckEvents', messageId: 'msg-1' }));
    expect(JSON.stringify(error.mock.calls)).not.toContain('ada@example.com');
    expect(await stuckIds('acme')).toEqual([event.id]);
  });
});
