import { ForbiddenError, NotFoundError, ValidationError } from '../../../../shared/domain/domain-errors';
import { retailerFor } from '../../../../shared/domain/orchestration/retailer-scope';

describe('retailerFor', () => {
  it('acts for the retailer of a scoped key when the request names none', () => {
    // Act
    const retailerId = retailerFor(undefined, { retailerId: 'R1' });

    // Assess
    expect(retailerId).toBe('R1');
  });

  it('acts for the retailer of a scoped key when the request names the same one', () => {
    // Act
    const retailerId = retailerFor('R1', { retailerId: 'R1' });

    // Assess
    expect(retailerId).toBe('R1');
  });

  it('refuses with ForbiddenError a scoped key that asks for another retailer', () => {
    // Act
    const act = () => retailerFor('R2', { retailerId: 'R1' });

    // Assess
    expect(act).toThrow(ForbiddenError);
  });

  it('acts for the retailer the request names when the key is not scoped', () => {
    // Act
    const retailerId = retailerFor('R2', {});

    // Assess
    expect(retailerId).toBe('R2');
  });

  it('requires an unscoped key to name the retailer, naming retailerId', () => {
    // Act
    const act = () => retailerFor(undefined, {});

    // Assess
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(expect.objectContaining({ field: 'retailerId', code: 'VALIDATION_FAILED' }));
  });

  it('treats an empty retailerId from an unscoped key as missing', () => {
    // Act
    const act = () => retailerFor('', {});

    // Assess
    expect(act).toThrow(ValidationError);
  });
});

describe('retailerFor, for reads', () => {
  it('answers a scoped key that asks for another retailer with NotFoundError, as if nothing were there', () => {
    // Act
    const act = () => retailerFor('R2', { retailerId: 'R1' }, 'hide');

    // Assess
    expect(act).toThrow(NotFoundError);
  });
});
