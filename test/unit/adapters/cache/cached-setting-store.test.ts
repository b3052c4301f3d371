import { CachedSettingStore } from '../../../../shared/adapters/cache/cached-setting-store';
import { ManualClock } from '../../../support/clock';
import { InMemorySettingStore } from '../../../support/setting-store';

const START = new Date('2025-03-01T10:00:00.000Z');
const NAME = 'order.partialAllocation';

describe('CachedSettingStore', () => {
  let inner: InMemorySettingStore;
  let clock: ManualClock;
  let cached: CachedSettingStore;

  beforeEach(() => {
    inner = new InMemorySettingStore();
    clock = new ManualClock(START);
    cached = new CachedSettingStore(inner, clock, 5_000);
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

  it('sees a value another container set once the TTL has passed', async () => {
    // Prepare
    await cached.list('R1');
    await inner.put({ name: NAME, value: true, retailerId: 'R1' });
    clock.advance(5_000);

    // Act
    const listed = await cached.list('R1');

    // Assess
    expect(listed).toEqual([{ name: NAME, value: true, retailerId: 'R1' }]);
  });

  it('sees its own change at once', async () => {
    // Prepare
    await cached.list('R1');

    // Act
    await cached.put({ name: NAME, value: true });

    // Assess
    expect(await cached.list('R1')).toEqual([{ name: NAME, value: true }]);
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
