import { ForbiddenError } from '../../../../shared/domain/domain-errors';
import { rotateDataKey } from '../../../../shared/domain/privacy/rotate-data-key';
import { FixedDataKeys } from '../../../support/data-keys';

describe('rotateDataKey', () => {
  it('starts the next key of the account and answers its id', async () => {
    // Prepare
    const keys = new FixedDataKeys();

    // Act
    const rotated = await rotateDataKey({}, { accountId: 'acme' }, { dataKeys: keys });

    // Assess
    expect(rotated.keyId).toBe('dk2');
    expect((await keys.currentKey('acme')).keyId).toBe('dk2');
  });

  it('refuses a key scoped to a retailer, since the data key is the whole account\'s', async () => {
    // Prepare
    const keys = new FixedDataKeys();

    // Act
    const attempt = rotateDataKey({}, { accountId: 'acme', retailerId: 'r1' }, { dataKeys: keys });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect((await keys.currentKey('acme')).keyId).toBe('dk1');
  });
});
