import { checkHealth } from '../../../../shared/domain/health/check-health';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

describe('checkHealth', () => {
  let controlPlane: InMemoryControlPlaneStore;

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    jest.useFakeTimers({ now: new Date('2025-01-01T00:00:00.000Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('reports ok when the store answers', async () => {
    // Act
    const health = await checkHealth({}, undefined, { controlPlane, version: '1.2.3' });

    // Assess
    expect(health).toMatchObject({ status: 'ok', dynamodb: 'ok' });
  });

  it('reports degraded and an unreachable store when the ping fails', async () => {
    // Prepare
    controlPlane.pingFailure = new Error('connect ECONNREFUSED');

    // Act
    const health = await checkHealth({}, undefined, { controlPlane, version: '1.2.3' });

    // Assess
    expect(health).toMatchObject({ status: 'degraded', dynamodb: 'unreachable' });
  });

  it('reports the version it was given', async () => {
    // Act
    const health = await checkHealth({}, undefined, { controlPlane, version: '4.5.6-rc.1' });

    // Assess
    expect(health.version).toBe('4.5.6-rc.1');
  });

  it('measures how long the store took to answer', async () => {
    // Prepare
    controlPlane.pingDelayMs = 37;

    // Act
    const health = await checkHealth({}, undefined, { controlPlane, version: '1.2.3' });

    // Assess
    expect(health.dynamodbLatencyMs).toBe(37);
  });
});
