import { countBusEventDropped } from '../../../../shared/adapters/metrics/bus-ingress-metrics';

/** Every line written to stdout while `run` runs. */
const stdoutOf = (run: () => void): string[] => {
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    run();
  } finally {
    write.mockRestore();
  }
  return lines;
};

describe('the bus ingress metrics', () => {
  it('writes a dropped bus event as one embedded-metric line counting BusEventsDropped by reason', () => {
    // Act
    const lines = stdoutOf(() => countBusEventDropped('WRONG_AWS_ACCOUNT'));

    // Assess
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0] ?? '');
    expect(emf._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'Ordo', Dimensions: [expect.arrayContaining(['service', 'reason'])], Metrics: [{ Name: 'BusEventsDropped', Unit: 'Count' }] },
    ]);
    expect(emf).toMatchObject({ service: 'ordo', reason: 'WRONG_AWS_ACCOUNT', BusEventsDropped: 1 });
  });

  it('stamps the line with the time of the drop', () => {
    // Prepare
    const before = Date.now();

    // Act
    const [line] = stdoutOf(() => countBusEventDropped('UNKNOWN_SOURCE'));

    // Assess
    expect(JSON.parse(line ?? '')._aws.Timestamp).toBeGreaterThanOrEqual(before);
  });
});
