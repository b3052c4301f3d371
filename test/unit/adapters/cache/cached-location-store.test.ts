import { CachedLocationStore } from '../../../../shared/adapters/cache/cached-location-store';
import type { Location } from '../../../../shared/domain/locations/location';
import type { LocationStore } from '../../../../shared/ports/location-store';
import { ManualClock } from '../../../support/clock';

const START = new Date('2025-03-01T10:00:00.000Z');
const TTL_MS = 5_000;
const later = (ms: number) => new Date(START.getTime() + ms);

const location = (ref: string, overrides: Partial<Location> = {}): Location => ({
  ref,
  type: 'STORE',
  name: `Store ${ref}`,
  lat: 51.5,
  lon: -0.12,
  status: 'ACTIVE',
  updatedOn: START.toISOString(),
  ...overrides,
});

/** A location store that counts its reads and can be told to fail the next list. */
class FakeLocationStore implements LocationStore {
  readonly locations = new Map<string, Location>();
  lists = 0;
  gets = 0;
  failNextList: Error | undefined;

  async put(l: Location): Promise<boolean> {
    this.locations.set(l.ref, l);
    return true;
  }

  async get(ref: string): Promise<Location | undefined> {
    this.gets++;
    return this.locations.get(ref);
  }

  async list(): Promise<Location[]> {
    this.lists++;
    const failure = this.failNextList;
    this.failNextList = undefined;
    if (failure) throw failure;
    return [...this.locations.values()];
  }
}

describe('CachedLocationStore', () => {
  let inner: FakeLocationStore;
  let clock: ManualClock;
  let cached: CachedLocationStore;

  beforeEach(() => {
    inner = new FakeLocationStore();
    inner.locations.set('S-1', location('S-1'));
    clock = new ManualClock(START);
    cached = new CachedLocationStore(inner, clock, TTL_MS);
  });

  it('lists the locations of the inner store', async () => {
    // Act
    const locations = await cached.list();

    // Assess
    expect(locations).toEqual([location('S-1')]);
  });

  it('answers a second list within the TTL without reading the inner store again', async () => {
    // Prepare
    await cached.list();
    clock.set(later(TTL_MS - 1));

    // Act
    const locations = await cached.list();

    // Assess
    expect(locations).toEqual([location('S-1')]);
    expect(inner.lists).toBe(1);
  });

  it('reads the inner store again once the TTL has passed', async () => {
    // Prepare
    await cached.list();
    inner.locations.set('S-2', location('S-2'));
    clock.set(later(TTL_MS + 1));

    // Act
    const locations = await cached.list();

    // Assess
    expect(inner.lists).toBe(2);
    expect(locations.map((l) => l.ref)).toEqual(['S-1', 'S-2']);
  });

  it('shares one inner read between lists made while it is in flight', async () => {
    // Act
    await Promise.all([cached.list(), cached.list(), cached.list()]);

    // Assess
    expect(inner.lists).toBe(1);
  });

  it('writes a put through to the inner store', async () => {
    // Act
    await cached.put(location('S-2'));

    // Assess
    expect(inner.locations.get('S-2')).toEqual(location('S-2'));
  });

  it('forgets the cached list on put, so the next list within the TTL sees the change', async () => {
    // Prepare
    await cached.list();

    // Act
    await cached.put(location('S-1', { status: 'INACTIVE' }));
    const locations = await cached.list();

    // Assess
    expect(inner.lists).toBe(2);
    expect(locations).toEqual([location('S-1', { status: 'INACTIVE' })]);
  });

  it('does not cache a failed read: the next list reads the inner store again', async () => {
    // Prepare
    inner.failNextList = new Error('Rate exceeded');
    await expect(cached.list()).rejects.toThrow('Rate exceeded');

    // Act
    const locations = await cached.list();

    // Assess
    expect(inner.lists).toBe(2);
    expect(locations).toEqual([location('S-1')]);
  });

  it('reads a single location from the inner store every time', async () => {
    // Prepare
    await cached.get('S-1');

    // Act
    const found = await cached.get('S-1');

    // Assess
    expect(found).toEqual(location('S-1'));
    expect(inner.gets).toBe(2);
  });

  it('keeps a list for 5 seconds when no TTL is given', async () => {
    // Prepare
    const byDefault = new CachedLocationStore(inner, clock);
    await byDefault.list();
    clock.set(later(4_999));
    await byDefault.list();
    clock.set(later(5_001));

    // Act
    await byDefault.list();

    // Assess
    expect(inner.lists).toBe(2);
  });
});
