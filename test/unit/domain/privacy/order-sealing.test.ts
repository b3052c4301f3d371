import { orderOpener, orderSealer, sealingContext } from '../../../../shared/domain/privacy/order-sealing';
import { seal } from '../../../../shared/domain/privacy/sealed';
import { FixedDataKeys } from '../../../support/data-keys';

const ORDER = { accountId: 'acme', retailerId: 'r1', ref: 'O-1' };
const customer = { name: 'Ada Lovelace', email: 'ada@example.com' };

describe('order sealing', () => {
  it('binds a value to the account, the retailer and the order', () => {
    // Act
    const context = sealingContext('acme', 'r1', 'O-1');

    // Assess
    expect(context).toBe('acme:r1:ORDER:O-1');
  });

  it('seals with the current key and names it', async () => {
    // Prepare
    const keys = new FixedDataKeys();
    await keys.rotate('acme');

    // Act
    const sealed = (await orderSealer(ORDER, keys))(customer);

    // Assess
    expect(sealed.kid).toBe('dk2');
  });

  it('opens values sealed with an older key after a rotation', async () => {
    // Prepare
    const keys = new FixedDataKeys();
    const older = (await orderSealer(ORDER, keys))(customer);
    await keys.rotate('acme');
    const newer = (await orderSealer(ORDER, keys))(customer);

    // Act
    const open = await orderOpener(ORDER, [older, newer], keys);

    // Assess
    expect([open(older), open(newer)]).toEqual([customer, customer]);
  });

  it('opens a value sealed before key ids, with the first key and the account-and-ref context', async () => {
    // Prepare
    const keys = new FixedDataKeys();
    const unversioned = seal(customer, keys.keyOf('dk1'), 'acme:ORDER:O-1');

    // Act
    const open = await orderOpener(ORDER, [unversioned], keys);

    // Assess
    expect(open(unversioned)).toEqual(customer);
  });

  it('gives back undefined for a value of another order, rather than failing', async () => {
    // Prepare
    const keys = new FixedDataKeys();
    const elsewhere = (await orderSealer({ ...ORDER, retailerId: 'r2' }, keys))(customer);

    // Act
    const open = await orderOpener(ORDER, [elsewhere], keys);

    // Assess
    expect(open(elsewhere)).toBeUndefined();
  });

  it('gives back undefined for a value naming a key the account never had', async () => {
    // Prepare
    const keys = new FixedDataKeys();
    const unknown = { ...(await orderSealer(ORDER, keys))(customer), kid: 'dk7' };

    // Act
    const open = await orderOpener(ORDER, [unknown], keys);

    // Assess
    expect(open(unknown)).toBeUndefined();
  });

  it('gives back a value that is not sealed as it is', async () => {
    // Act
    const open = await orderOpener(ORDER, [customer], new FixedDataKeys());

    // Assess
    expect(open(customer)).toBe(customer);
  });
});
