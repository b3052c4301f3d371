import { countStuckEvent } from '../../../../shared/adapters/metrics/stuck-event-metrics';

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

describe('the stuck-event metric', () => {
  it('writes a stuck event as one embedded-metric line counting StuckEvents in the Ordo namespace', () => {
    // Act
    const lines = stdoutOf(() => countStuckEvent('acme', 'ProvisionedThroughputExceededException'));

    // Assess
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0] ?? '');
    expect(emf._aws.CloudWatchMetrics).toEqual([{ Namespace: 'Ordo', Dimensions: [['service']], Metrics: [{ Name: 'StuckEvents', Unit: 'Count' }] }]);
    expect(emf).toMatchObject({ service: 'ordo', StuckEvents: 1 });
  });

  it('keeps the account and the last error code in metadata, never as dimensions', () => {
    // Act
    const [line] = stdoutOf(() => countStuckEvent('acme', 'VERSION_CONFLICT'));

    // Assess
    const emf = JSON.parse(line ?? '');
    expect(emf).toMatchObject({ accountId: 'acme', lastErrorCode: 'VERSION_CONFLICT' });
    expect(emf._aws.CloudWatchMetrics[0].Dimensions.flat()).not.toContain('accountId');
  });
});
