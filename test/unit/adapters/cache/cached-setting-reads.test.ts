import { CachedSettingReads } from '../../../../shared/adapters/cache/cached-setting-reads';
import { ManualClock } from '../../../support/clock';
import { InMemorySettingStore } from '../../../support/setting-store';

const START = new Date('2025-03-01T10:00:00.000Z');
const NAME = 'order.partialAllocation';

describe('CachedSettingReads', () => {
  let inner: InMemorySettingStore;
  let clock: ManualClock;
  let cached: CachedSettingReads;

  beforeEach(() => {
    inner = new InMemorySettingStore();
    clock = new ManualClock(START);
    cached = new CachedSettingReads(inner, clock, 5_000);
  });

  it('reads a retailer once within the TTL', async () => {
    // Prepare
    await cached.list('R1');
    clock.advance(4_999);

    // Act
    await cached.list('R1');

    // Assess
    expect(inner.reads).toBe(1);
  });

  it('keeps each retailer apart', async () => {
    // Prepare
    await inner.put({ name: NAME, value: true, retailerId: 'R2' });
    await cached.list('R1');

    // Act
    const listed = await cached.list('R2');

    // Assess
    expect(listed).toEqual([{ name: NAME, value: true, retailerId: 'R2' }]);
  });

  it('sees a value set since once the TTL has passed', async () => {
    // Prepare
    await cached.list('R1');
    await inner.put({ name: NAME, value: true, retailerId: 'R1' });
    clock.advance(5_000);

    // Act
    const listed = await cached.list('R1');

    // Assess
    expect(listed).toEqual([{ name: NAME, value: true, retailerId: 'R1' }]);
  });

  it('asks again after a failed read', async () => {
    // Prepare
    const failing = jest.spyOn(inner, 'list').mockRejectedValueOnce(new Error('throttled'));
    await expect(cached.list('R1')).rejects.toThrow('throttled');

    // Act
    const listed = await cached.list('R1');

    // Assess
    expect(listed).toEqual([]);
    expect(failing).toHaveBeenCalledTimes(2);
  });
});
