import { CachedAccountRateLimits } from '../../../../shared/adapters/cache/cached-account-rate-limits';
import { seedAccount } from '../../../support/api-keys';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

const countingControlPlane = () => {
  const controlPlane = new InMemoryControlPlaneStore();
  const reads: string[] = [];
  const store = {
    getAccountRateLimit: (accountId: string) => {
      reads.push(accountId);
      return controlPlane.getAccountRateLimit(accountId);
    },
  };
  return { controlPlane, reads, store };
};

describe('CachedAccountRateLimits', () => {
  it('reads an account limit once a minute, however many requests ask', async () => {
    // Prepare
    const { controlPlane, reads, store } = countingControlPlane();
    seedAccount(controlPlane, 'acme');
    await controlPlane.setAccountRateLimit('acme', 7);
    const limits = new CachedAccountRateLimits(store, new ManualClock());

    // Act
    const answers = await Promise.all([1, 2, 3].map(() => limits.limitOf('acme')));

    // Assess
    expect(answers).toEqual([7, 7, 7]);
    expect(reads).toEqual(['acme']);
  });

  it('sees a changed limit once a minute has passed', async () => {
    // Prepare
    const { controlPlane, store } = countingControlPlane();
    seedAccount(controlPlane, 'acme');
    const clock = new ManualClock();
    const limits = new CachedAccountRateLimits(store, clock);
    await limits.limitOf('acme');
    await controlPlane.setAccountRateLimit('acme', 9);
    clock.advance(60_000);

    // Act
    const limit = await limits.limitOf('acme');

    // Assess
    expect(limit).toBe(9);
  });

  it('asks again after a failed read instead of keeping the failure', async () => {
    // Prepare
    let fail = true;
    const limits = new CachedAccountRateLimits(
      { getAccountRateLimit: async () => (fail ? Promise.reject(new Error('throttled')) : 3) },
      new ManualClock(),
    );
    await limits.limitOf('acme').catch(() => undefined);
    fail = false;

    // Act
    const limit = await limits.limitOf('acme');

    // Assess
    expect(limit).toBe(3);
  });
});
