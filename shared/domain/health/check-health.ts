import type { ControlPlaneStore } from '../../ports/control-plane-store';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  dynamodb: 'ok' | 'unreachable';
  dynamodbLatencyMs: number;
}

/** A real round trip to DynamoDB, so a green health check means the store answers. */
export const checkHealth = async (
  _input: Record<string, never>,
  _caller: unknown,
  deps: { controlPlane: ControlPlaneStore; version: string },
): Promise<Health> => {
  const startedAt = Date.now();
  const reachable = await deps.controlPlane.ping().then(
    () => true,
    () => false,
  );
  return {
    status: reachable ? 'ok' : 'degraded',
    version: deps.version,
    dynamodb: reachable ? 'ok' : 'unreachable',
    dynamodbLatencyMs: Date.now() - startedAt,
  };
};
