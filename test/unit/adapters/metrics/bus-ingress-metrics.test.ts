import { countBusEventDropped, emfBusEventDropped } from '../../../../shared/adapters/metrics/bus-ingress-metrics';

describe('the bus ingress metrics', () => {
  it('writes a dropped bus event as one embedded-metric line counting BusEventsDropped by reason', () => {
    // Prepare
    const lines: string[] = [];

    // Act
    countBusEventDropped('WRONG_AWS_ACCOUNT', (line) => lines.push(line));

    // Assess
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [{ Namespace: 'Ordo', Dimensions: [['service', 'reason']], Metrics: [{ Name: 'BusEventsDropped', Unit: 'Count' }] }],
      },
      service: 'ordo',
      reason: 'WRONG_AWS_ACCOUNT',
      BusEventsDropped: 1,
    });
  });

  it('stamps the line with the time of the drop in epoch milliseconds', () => {
    // Act
    const line = emfBusEventDropped('UNKNOWN_SOURCE', new Date('2025-03-14T09:26:53.000Z'));

    // Assess
    expect(JSON.parse(line)._aws.Timestamp).toBe(Date.parse('2025-03-14T09:26:53.000Z'));
  });
});
