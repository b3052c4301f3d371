import { AmbiguousRefError, NotFoundError } from '../../../../shared/domain/domain-errors';
import { retailerOfEvent, retailerOfRoot } from '../../../../shared/domain/orchestration/retailer-of-ref';
import type { RetailerClaims } from '../../../../shared/ports/retailer-claims';

/** Claims of ORDER O-1 and event e1 by the given retailers; counts the lookups. */
const claimsBy = (...retailers: string[]) => {
  const asked: string[] = [];
  const claims: RetailerClaims = {
    async retailersOfRoot(rootEntityType, rootRef) {
      asked.push(`${rootEntityType} ${rootRef}`);
      return rootEntityType === 'ORDER' && rootRef === 'O-1' ? retailers : [];
    },
    async retailersOfEvent(eventId) {
      asked.push(`event ${eventId}`);
      return eventId === 'e1' ? retailers : [];
    },
  };
  return { claims, asked };
};

const order = { rootEntityType: 'ORDER', rootRef: 'O-1', what: 'order O-1' };

describe('retailerOfRoot', () => {
  it("gives a retailer-scoped key its own retailer without looking at the claims", async () => {
    // Prepare
    const { claims, asked } = claimsBy('r1', 'r2');

    // Act
    const retailer = await retailerOfRoot(order, undefined, { retailerId: 'r2' }, claims);

    // Assess
    expect(retailer).toBe('r2');
    expect(asked).toEqual([]);
  });

  it('accepts a scoped key naming its own retailer', async () => {
    // Prepare
    const { claims } = claimsBy('r1');

    // Act
    const retailer = await retailerOfRoot(order, 'r1', { retailerId: 'r1' }, claims);

    // Assess
    expect(retailer).toBe('r1');
  });

  it('answers a scoped key naming another retailer with the 404 of a missing order', async () => {
    // Prepare
    const { claims } = claimsBy('r1', 'r2');

    // Act
    const attempt = retailerOfRoot(order, 'r2', { retailerId: 'r1' }, claims);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toThrow('No order O-1 in this account');
  });

  it('takes the retailer an unscoped key names, without looking at the claims', async () => {
    // Prepare
    const { claims, asked } = claimsBy('r1', 'r2');

    // Act
    const retailer = await retailerOfRoot(order, 'r2', {}, claims);

    // Assess
    expect(retailer).toBe('r2');
    expect(asked).toEqual([]);
  });

  it('finds the one retailer holding the ref for an unscoped key that names none', async () => {
    // Prepare
    const { claims } = claimsBy('r2');

    // Act
    const retailer = await retailerOfRoot(order, undefined, {}, claims);

    // Assess
    expect(retailer).toBe('r2');
  });

  it('answers 404 to an unscoped key when no retailer holds the ref', async () => {
    // Prepare
    const { claims } = claimsBy();

    // Act
    const attempt = retailerOfRoot(order, undefined, {}, claims);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No order O-1 in this account' });
  });

  it('answers 409 AMBIGUOUS_REF naming retailerId when several retailers hold the ref', async () => {
    // Prepare
    const { claims } = claimsBy('r1', 'r2');

    // Act
    const attempt = retailerOfRoot(order, undefined, {}, claims);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AmbiguousRefError);
    await expect(attempt).rejects.toMatchObject({ code: 'AMBIGUOUS_REF', field: 'retailerId' });
  });
});

describe('retailerOfEvent', () => {
  it('finds the one retailer with an event of the id', async () => {
    // Prepare
    const { claims, asked } = claimsBy('r1');

    // Act
    const retailer = await retailerOfEvent('e1', undefined, {}, claims);

    // Assess
    expect(retailer).toBe('r1');
    expect(asked).toEqual(['event e1']);
  });

  it('answers 409 AMBIGUOUS_REF when two retailers used the event id', async () => {
    // Prepare
    const { claims } = claimsBy('r1', 'r2');

    // Act
    const attempt = retailerOfEvent('e1', undefined, {}, claims);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'AMBIGUOUS_REF', field: 'retailerId' });
  });

  it('answers 404 naming the event when no retailer has it', async () => {
    // Prepare
    const { claims } = claimsBy('r1');

    // Act
    const attempt = retailerOfEvent('e9', undefined, {}, claims);

    // Assess
    await expect(attempt).rejects.toThrow('No event e9 in this account');
  });
});
