import * as fc from 'fast-check';
import { RateLimitedError } from '../../../../shared/domain/domain-errors';
import { RATE_WINDOW_MS, admitRequest, rateWindowAt, type RequestRateDeps } from '../../../../shared/domain/accounts/request-rate';
import { ManualClock } from '../../../support/clock';
import { InMemoryAccountRateLimits, InMemoryRequestCounter } from '../../../support/request-counter';

const instants = fc.date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2040-01-01T00:00:00.000Z'), noInvalidDate: true });

const rateDeps = (overrides: Partial<Pick<RequestRateDeps, 'defaultLimit' | 'onCounterFailure'>> = {}) => ({
  counter: new InMemoryRequestCounter(),
  limits: new InMemoryAccountRateLimits(),
  clock: new ManualClock('2025-03-14T09:26:53.250Z'),
  defaultLimit: 3,
  onCounterFailure: () => undefined,
  ...overrides,
});

const admitted = async (accountId: string, deps: RequestRateDeps) =>
  admitRequest(accountId, deps).then(
    () => 'admitted',
    (error: Error) => error.name,
  );

describe('rateWindowAt', () => {
  it('puts every instant in the one-second window that holds it', () => {
    // Assess
    fc.assert(
      fc.property(instants, (now) => {
        const window = rateWindowAt(now);
        expect(window.startsAt % RATE_WINDOW_MS).toBe(0);
        expect(window.startsAt).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime()).toBeLessThan(window.startsAt + RATE_WINDOW_MS);
      }),
    );
  });

  it('gives two instants the same window exactly when they fall in the same second', () => {
    // Assess
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        const sameSecond = Math.floor(a.getTime() / 1000) === Math.floor(b.getTime() / 1000);
        expect(rateWindowAt(a).startsAt === rateWindowAt(b).startsAt).toBe(sameSecond);
      }),
    );
  });

  it('tells a refused caller to retry no sooner than the next window, in whole seconds of at least one', () => {
    // Assess
    fc.assert(
      fc.property(instants, (now) => {
        const window = rateWindowAt(now);
        expect(Number.isInteger(window.retryAfterSeconds)).toBe(true);
        expect(window.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(now.getTime() + window.retryAfterSeconds * 1000).toBeGreaterThanOrEqual(window.startsAt + RATE_WINDOW_MS);
        expect(rateWindowAt(new Date(now.getTime() + window.retryAfterSeconds * 1000)).startsAt).toBeGreaterThan(window.startsAt);
      }),
    );
  });

  it('keeps the counter until after its window has ended, for the TTL to remove', () => {
    // Assess
    fc.assert(
      fc.property(instants, (now) => {
        const window = rateWindowAt(now);
        expect(window.expiresAt * 1000).toBeGreaterThan(window.startsAt + RATE_WINDOW_MS);
      }),
    );
  });
});

describe('admitRequest', () => {
  it('admits as many requests in a second as the limit', async () => {
    // Prepare
    const deps = rateDeps({ defaultLimit: 3 });

    // Act
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await admitted('acme', deps));

    // Assess
    expect(answers).toEqual(['admitted', 'admitted', 'admitted']);
  });

  it('refuses the request over the limit with RATE_LIMITED and the seconds to wait', async () => {
    // Prepare
    const deps = rateDeps({ defaultLimit: 2 });
    await admitRequest('acme', deps);
    await admitRequest('acme', deps);

    // Act
    const attempt = admitRequest('acme', deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(RateLimitedError);
    await expect(attempt).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  });

  it('admits again once the next second starts', async () => {
    // Prepare
    const deps = rateDeps({ defaultLimit: 1 });
    await admitRequest('acme', deps);
    deps.clock.advance(RATE_WINDOW_MS);

    // Act
    const answer = await admitted('acme', deps);

    // Assess
    expect(answer).toBe('admitted');
  });

  it("counts each account on its own: one account's burst leaves another's limit whole", async () => {
    // Prepare
    const deps = rateDeps({ defaultLimit: 1 });
    await admitRequest('acme', deps);

    // Act
    const answers = [await admitted('acme', deps), await admitted('globex', deps)];

    // Assess
    expect(answers).toEqual(['RateLimitedError', 'admitted']);
  });

  it('holds an account to its own limit instead of the default', async () => {
    // Prepare
    const deps = rateDeps({ defaultLimit: 1 });
    deps.limits.limits.set('acme', 3);

    // Act
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await admitted('acme', deps));

    // Assess
    expect(answers).toEqual(['admitted', 'admitted', 'admitted', 'RateLimitedError']);
  });

  it('lets the request go on, and reports why, when the account\'s own limit cannot be read', async () => {
    // Prepare
    const failures: unknown[] = [];
    const deps = rateDeps({ onCounterFailure: (error) => failures.push((error as Error).message) });
    deps.limits.failWith = new Error('ECONNRESET');

    // Act
    const answer = await admitted('acme', deps);

    // Assess
    expect(answer).toBe('admitted');
    expect(failures).toEqual(['ECONNRESET']);
  });

  it('never counts when the limit is switched off', async () => {
    // Prepare
    const deps = rateDeps({ defaultLimit: 0 });

    // Act
    for (let i = 0; i < 5; i++) await admitRequest('acme', deps);

    // Assess
    expect(deps.counter.counts.size).toBe(0);
  });

  it('lets the request go on, and reports why, when the counter cannot be written', async () => {
    // Prepare
    const failures: unknown[] = [];
    const deps = rateDeps({ onCounterFailure: (error, accountId) => failures.push([(error as Error).message, accountId]) });
    deps.counter.failWith = new Error('ProvisionedThroughputExceeded');

    // Act
    const answer = await admitted('acme', deps);

    // Assess
    expect(answer).toBe('admitted');
    expect(failures).toEqual([['ProvisionedThroughputExceeded', 'acme']]);
  });
});
