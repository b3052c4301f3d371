import { EmfAccountMetrics } from '../../../../shared/adapters/metrics/emf-account-metrics';
import { withLogContext } from '../../../../shared/runtime/log-context';
import { linesWrittenBy } from '../../../support/written-lines';

type Emf = { _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } } & Record<string, unknown>;

const emfOf = async (count: (metrics: EmfAccountMetrics) => void): Promise<Emf[]> =>
  (await linesWrittenBy(() => count(new EmfAccountMetrics('acme-shop')))) as Emf[];

describe('the account metrics as embedded-metric lines', () => {
  it('counts a processed event in EventsProcessed under the Ordo namespace with its outcome as a dimension', async () => {
    // Act
    const [line, ...more] = await emfOf((metrics) => metrics.eventProcessed('NO_MATCH'));

    // Assess
    expect(more).toEqual([]);
    const [directive] = line?._aws.CloudWatchMetrics ?? [];
    expect(directive?.Namespace).toBe('Ordo');
    expect(directive?.Metrics[0]).toEqual({ Name: 'EventsProcessed', Unit: 'Count' });
    expect(directive?.Dimensions).toEqual([['service', 'outcome']]);
    expect(line).toMatchObject({ service: 'ordo', outcome: 'NO_MATCH', EventsProcessed: 1 });
  });

  it('puts the account id in metadata and never in a dimension', async () => {
    // Act
    const [line] = await emfOf((metrics) => metrics.eventProcessed('SUCCESS'));

    // Assess
    expect(line?.accountId).toBe('acme-shop');
    expect(line?._aws.CloudWatchMetrics[0]?.Dimensions.flat()).not.toContain('accountId');
  });

  it('puts the correlation id of the work in progress in metadata', async () => {
    // Act
    const [line] = await linesWrittenBy(() => withLogContext({ correlationId: 'corr-77' }, async () => new EmfAccountMetrics('acme-shop').eventProcessed('SUCCESS')));

    // Assess
    expect(line).toMatchObject({ correlationId: 'corr-77', accountId: 'acme-shop' });
  });

  it('counts created orders in OrdersCreated with no dimension but the service', async () => {
    // Act
    const [line] = await emfOf((metrics) => metrics.ordersCreated(2));

    // Assess
    expect(line?._aws.CloudWatchMetrics[0]).toEqual({ Namespace: 'Ordo', Dimensions: [['service']], Metrics: [{ Name: 'OrdersCreated', Unit: 'Count' }] });
    expect(line).toMatchObject({ OrdersCreated: 2, accountId: 'acme-shop' });
  });

  it('writes nothing when a run created no order', async () => {
    // Act
    const lines = await emfOf((metrics) => metrics.ordersCreated(0));

    // Assess
    expect(lines).toEqual([]);
  });

  it('counts an applied chunk as applied, unchanged and failed records in one line, zeros included', async () => {
    // Act
    const [line, ...more] = await emfOf((metrics) => metrics.chunkApplied({ applied: 480, unchanged: 19, failed: 0 }));

    // Assess
    expect(more).toEqual([]);
    expect(line?._aws.CloudWatchMetrics[0]?.Metrics.map(({ Name }) => Name)).toEqual(['BatchRecordsApplied', 'BatchRecordsUnchanged', 'BatchRecordsFailed']);
    expect(line).toMatchObject({ BatchRecordsApplied: 480, BatchRecordsUnchanged: 19, BatchRecordsFailed: 0, accountId: 'acme-shop' });
  });

  it('counts a webhook attempt in WebhookDeliveries with its result as a dimension', async () => {
    // Act
    const [line] = await emfOf((metrics) => metrics.webhookAttempted('RETRY'));

    // Assess
    expect(line?._aws.CloudWatchMetrics[0]).toEqual({
      Namespace: 'Ordo',
      Dimensions: [['service', 'result']],
      Metrics: [{ Name: 'WebhookDeliveries', Unit: 'Count' }],
    });
    expect(line).toMatchObject({ result: 'RETRY', WebhookDeliveries: 1, accountId: 'acme-shop' });
  });

  it('keeps the dimensions of one line out of the next', async () => {
    // Act
    const [first, second] = await emfOf((metrics) => {
      metrics.webhookAttempted('FAILED');
      metrics.eventProcessed('SUCCESS');
    });

    // Assess
    expect(first).toMatchObject({ result: 'FAILED' });
    expect(second).not.toHaveProperty('result');
    expect(second?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service', 'outcome']]);
  });
});
