import { countBusEventDropped } from '../../../../shared/adapters/metrics/bus-ingress-metrics';
import { linesWrittenBy } from '../../../support/written-lines';

describe('the bus ingress metrics', () => {
  it('writes a dropped bus event as one embedded-metric line counting BusEventsDropped by reason', async () => {
    // Act
    const lines = await linesWrittenBy(() => countBusEventDropped('WRONG_AWS_ACCOUNT'));

    // Assess
    expect(lines).toHaveLength(1);
    const emf = lines[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(emf._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'Ordo', Dimensions: [expect.arrayContaining(['service', 'reason'])], Metrics: [{ Name: 'BusEventsDropped', Unit: 'Count' }] },
    ]);
    expect(emf).toMatchObject({ service: 'ordo', reason: 'WRONG_AWS_ACCOUNT', BusEventsDropped: 1 });
  });

  it('stamps the line with the time of the drop', async () => {
    // Prepare
    const before = Date.now();

    // Act
    const [emf] = await linesWrittenBy(() => countBusEventDropped('UNKNOWN_SOURCE'));

    // Assess
    expect((emf?._aws as { Timestamp: number }).Timestamp).toBeGreaterThanOrEqual(before);
  });
});
