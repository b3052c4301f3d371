import { CachedSourcingProfileStore } from '../../../../shared/adapters/cache/cached-sourcing-profile-store';
import type { SourcingProfile } from '../../../../shared/domain/sourcing/sourcing-model';
import type { SourcingProfileStore } from '../../../../shared/ports/sourcing-profile-store';
import { ManualClock } from '../../../support/clock';

const START = new Date('2025-03-01T10:00:00.000Z');
const TTL_MS = 5_000;
const later = (ms: number) => new Date(START.getTime() + ms);

const profile = (maxSplit: number): SourcingProfile => ({
  maxSplit,
  locationTypes: ['STORE', 'WAREHOUSE'],
  ranking: ['SINGLE_LOCATION', 'FEWEST_SPLITS', 'SHORTEST_DISTANCE'],
});

/** A profile store that counts its reads per retailer and can be told to fail the next read. */
class FakeSourcingProfileStore implements SourcingProfileStore {
  readonly profiles = new Map<string, SourcingProfile>();
  readonly reads: string[] = [];
  failNextGet: Error | undefined;

  async put(retailerId: string, p: SourcingProfile): Promise<void> {
    this.profiles.set(retailerId, p);
  }

  async putIfAbsent(retailerId: string, p: SourcingProfile): Promise<boolean> {
    if (this.profiles.has(retailerId)) return false;
    this.profiles.set(retailerId, p);
    return true;
  }

  async get(retailerId: string): Promise<SourcingProfile | undefined> {
    this.reads.push(retailerId);
    const failure = this.failNextGet;
    this.failNextGet = undefined;
    if (failure) throw failure;
    return this.profiles.get(retailerId);
  }
}

describe('CachedSourcingProfileStore', () => {
  let inner: FakeSourcingProfileStore;
  let clock: ManualClock;
  let cached: CachedSourcingProfileStore;

  beforeEach(() => {
    inner = new FakeSourcingProfileStore();
    inner.profiles.set('R1', profile(1));
    inner.profiles.set('R2', profile(2));
    clock = new ManualClock(START);
    cached = new CachedSourcingProfileStore(inner, clock, TTL_MS);
  });

  it('returns the profile of the inner store', async () => {
    // Act
    const found = await cached.get('R1');

    // Assess
    expect(found).toEqual(profile(1));
  });

  it('answers a second read within the TTL without reading the inner store again', async () => {
    // Prepare
    await cached.get('R1');
    clock.set(later(TTL_MS - 1));

    // Act
    const found = await cached.get('R1');

    // Assess
    expect(found).toEqual(profile(1));
    expect(inner.reads).toEqual(['R1']);
  });

  it('reads the inner store again once the TTL has passed', async () => {
    // Prepare
    await cached.get('R1');
    inner.profiles.set('R1', profile(3));
    clock.set(later(TTL_MS + 1));

    // Act
    const found = await cached.get('R1');

    // Assess
    expect(inner.reads).toEqual(['R1', 'R1']);
    expect(found).toEqual(profile(3));
  });

  it('keeps each retailer apart: a cached profile is not returned for another retailer', async () => {
    // Prepare
    await cached.get('R1');

    // Act
    const found = await cached.get('R2');

    // Assess
    expect(found).toEqual(profile(2));
    expect(inner.reads).toEqual(['R1', 'R2']);
  });

  it('shares one inner read between reads of the same retailer made while it is in flight', async () => {
    // Act
    await Promise.all([cached.get('R1'), cached.get('R1')]);

    // Assess
    expect(inner.reads).toEqual(['R1']);
  });

  it('writes a put through to the inner store', async () => {
    // Act
    await cached.put('R1', profile(4));

    // Assess
    expect(inner.profiles.get('R1')).toEqual(profile(4));
  });

  it('forgets the cached profile on put, so the next read within the TTL sees the new one', async () => {
    // Prepare
    await cached.get('R1');

    // Act
    await cached.put('R1', profile(4));
    const found = await cached.get('R1');

    // Assess
    expect(found).toEqual(profile(4));
    expect(inner.reads).toEqual(['R1', 'R1']);
  });

  it('keeps the cached profiles of other retailers on put', async () => {
    // Prepare
    await cached.get('R2');

    // Act
    await cached.put('R1', profile(4));
    await cached.get('R2');

    // Assess
    expect(inner.reads).toEqual(['R2']);
  });

  it('does not cache a failed read: the next read goes to the inner store again', async () => {
    // Prepare
    inner.failNextGet = new Error('Rate exceeded');
    await expect(cached.get('R1')).rejects.toThrow('Rate exceeded');

    // Act
    const found = await cached.get('R1');

    // Assess
    expect(found).toEqual(profile(1));
    expect(inner.reads).toEqual(['R1', 'R1']);
  });

  it('keeps a profile for 5 seconds when no TTL is given', async () => {
    // Prepare
    const byDefault = new CachedSourcingProfileStore(inner, clock);
    await byDefault.get('R1');
    clock.set(later(4_999));
    await byDefault.get('R1');
    clock.set(later(5_001));

    // Act
    await byDefault.get('R1');

    // Assess
    expect(inner.reads).toEqual(['R1', 'R1']);
  });
});
