import type { LocalStack } from '../../scripts/local-stack';

export default async function globalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__ORDO_STACK__ as LocalStack | undefined)?.stop();
}
