import { countStuckEvent } from '../../../../shared/adapters/metrics/stuck-event-metrics';
import { linesWrittenBy } from '../../../support/written-lines';

describe('the stuck-event metric', () => {
  it('writes a stuck event as one embedded-metric line counting StuckEvents in the Ordo namespace', async () => {
    // Act
    const lines = await linesWrittenBy(() => countStuckEvent('acme', 'ProvisionedThroughputExceededException'));

    // Assess
    expect(lines).toHaveLength(1);
    const emf = lines[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(emf._aws.CloudWatchMetrics).toEqual([{ Namespace: 'Ordo', Dimensions: [['service']], Metrics: [{ Name: 'StuckEvents', Unit: 'Count' }] }]);
    expect(emf).toMatchObject({ service: 'ordo', StuckEvents: 1 });
  });

  it('keeps the account and the last error code in metadata, never as dimensions', async () => {
    // Act
    const [emf] = await linesWrittenBy(() => countStuckEvent('acme', 'VERSION_CONFLICT'));

    // Assess
    expect(emf).toMatchObject({ accountId: 'acme', lastErrorCode: 'VERSION_CONFLICT' });
    expect((emf?._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] }).CloudWatchMetrics[0].Dimensions.flat()).not.toContain('accountId');
  });
});
