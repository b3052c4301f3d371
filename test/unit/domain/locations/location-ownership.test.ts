import { ForbiddenError } from '../../../../shared/domain/domain-errors';
import { setInventoryCount } from '../../../../shared/domain/inventory/inventory-positions';
import { putLocation } from '../../../../shared/domain/locations/locations';
import type { LocationInput } from '../../../../shared/domain/locations/location';
import { ManualClock } from '../../../support/clock';
import { InMemoryLocationStore } from '../../../support/jobs';

const store: LocationInput = { type: 'STORE', name: 'Leeds', lat: 53.8, lon: -1.55, status: 'ACTIVE' };
const clock = new ManualClock(new Date('2026-01-05T10:00:00.000Z'));

describe('location ownership', () => {
  let locations: InMemoryLocationStore;

  beforeEach(async () => {
    locations = new InMemoryLocationStore();
    await putLocation({ ref: 'SHARED', location: store }, {}, { locations, clock });
    await putLocation({ ref: 'R2-STORE', location: { ...store, retailerId: 'R2' } }, {}, { locations, clock });
  });

  it('makes a location created by a scoped key owned by its retailer', async () => {
    // Act
    const created = await putLocation({ ref: 'R1-STORE', location: store }, { retailerId: 'R1' }, { locations, clock });

    // Assess
    expect(created.retailerId).toBe('R1');
    expect((await locations.get('R1-STORE'))?.retailerId).toBe('R1');
  });

  it('refuses a scoped key that would change a shared location, and keeps it as it was', async () => {
    // Act
    const put = putLocation({ ref: 'SHARED', location: { ...store, status: 'INACTIVE' } }, { retailerId: 'R1' }, { locations, clock });

    // Assess
    await expect(put).rejects.toBeInstanceOf(ForbiddenError);
    expect((await locations.get('SHARED'))?.status).toBe('ACTIVE');
  });

  it("refuses a scoped key that would change another retailer's location", async () => {
    // Act
    const put = putLocation({ ref: 'R2-STORE', location: store }, { retailerId: 'R1' }, { locations, clock });

    // Assess
    await expect(put).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a scoped key that names another retailer as the owner', async () => {
    // Act
    const put = putLocation({ ref: 'NEW', location: { ...store, retailerId: 'R2' } }, { retailerId: 'R1' }, { locations, clock });

    // Assess
    await expect(put).rejects.toBeInstanceOf(ForbiddenError);
    expect(await locations.get('NEW')).toBeUndefined();
  });

  it('lets a key of the whole account change any location and its owner', async () => {
    // Act
    const changed = await putLocation({ ref: 'R2-STORE', location: { ...store, retailerId: 'R1' } }, {}, { locations, clock });

    // Assess
    expect(changed.retailerId).toBe('R1');
  });

  it("refuses a scoped key's count at a shared location, writing nothing", async () => {
    // Prepare
    const inventory = { setCount: jest.fn() };

    // Act
    const set = setInventoryCount({ locationRef: 'SHARED', skuRef: 'SKU-1', onHand: 0 }, { retailerId: 'R1' }, {
      inventory: inventory as never,
      locations,
      clock,
    });

    // Assess
    await expect(set).rejects.toBeInstanceOf(ForbiddenError);
    expect(inventory.setCount).not.toHaveBeenCalled();
  });
});
