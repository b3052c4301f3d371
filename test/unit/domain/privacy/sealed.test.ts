import { randomBytes } from 'node:crypto';
import { isSealed, seal, unseal } from '../../../../shared/domain/privacy/sealed';

const KEY = randomBytes(32);
const CONTEXT = 'acme:ORDER:O-1:customer';
const customer = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' };

describe('sealed values', () => {
  it('unseals to the value that was sealed', () => {
    // Prepare
    const sealed = seal(customer, KEY, CONTEXT);

    // Act
    const opened = unseal<typeof customer>(sealed, KEY, CONTEXT);

    // Assess
    expect(opened).toEqual(customer);
  });

  it('round-trips a plain string', () => {
    // Prepare
    const sealed = seal('10 Downing Street', KEY, CONTEXT);

    // Act
    const opened = unseal<string>(sealed, KEY, CONTEXT);

    // Assess
    expect(opened).toBe('10 Downing Street');
  });

  it('stores none of the customer data in the clear', () => {
    // Act
    const sealed = seal(customer, KEY, CONTEXT);

    // Assess
    const stored = JSON.stringify(sealed);
    for (const value of Object.values(customer)) expect(stored).not.toContain(value);
    expect(Buffer.from(sealed.data, 'base64').toString('utf8')).not.toContain(customer.email);
  });

  it('describes itself as version 1 AES-256-GCM', () => {
    // Act
    const sealed = seal(customer, KEY, CONTEXT);

    // Assess
    expect(sealed).toMatchObject({ v: 1, alg: 'A256GCM' });
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
  });

  it('seals the same value differently each time', () => {
    // Act
    const first = seal(customer, KEY, CONTEXT);
    const second = seal(customer, KEY, CONTEXT);

    // Assess
    expect(first.iv).not.toBe(second.iv);
    expect(first.data).not.toBe(second.data);
  });

  it('cannot be unsealed in another context, so it cannot be moved to another record', () => {
    // Prepare
    const sealed = seal(customer, KEY, CONTEXT);

    // Act
    const attempt = () => unseal(sealed, KEY, 'acme:ORDER:O-2:customer');

    // Assess
    expect(attempt).toThrow();
  });

  it('cannot be unsealed with another key', () => {
    // Prepare
    const sealed = seal(customer, KEY, CONTEXT);

    // Act
    const attempt = () => unseal(sealed, randomBytes(32), CONTEXT);

    // Assess
    expect(attempt).toThrow();
  });

  it('cannot be unsealed once its ciphertext was altered', () => {
    // Prepare
    const sealed = seal(customer, KEY, CONTEXT);
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 0x01;

    // Act
    const attempt = () => unseal({ ...sealed, data: data.toString('base64') }, KEY, CONTEXT);

    // Assess
    expect(attempt).toThrow();
  });

  it('carries the id of the data key it was sealed with', () => {
    // Act
    const sealed = seal(customer, KEY, CONTEXT, 'dk2');

    // Assess
    expect(sealed.kid).toBe('dk2');
    expect(unseal(sealed, KEY, CONTEXT)).toEqual(customer);
  });

  it('carries no key id when none is given, as values sealed before rotation existed', () => {
    // Act
    const sealed = seal(customer, KEY, CONTEXT);

    // Assess
    expect(sealed).not.toHaveProperty('kid');
  });

  describe('isSealed', () => {
    it('recognises a sealed value', () => {
      // Act
      const result = isSealed(seal(customer, KEY, CONTEXT));

      // Assess
      expect(result).toBe(true);
    });

    it('recognises a sealed value read back from JSON', () => {
      // Prepare
      const stored = JSON.parse(JSON.stringify(seal(customer, KEY, CONTEXT))) as unknown;

      // Act
      const result = isSealed(stored);

      // Assess
      expect(result).toBe(true);
    });

    it.each([
      ['plain customer data', customer],
      ['a string', 'A256GCM'],
      ['null', null],
      ['undefined', undefined],
      ['an object of another version', { v: 2, alg: 'A256GCM', iv: '', tag: '', data: '' }],
      ['an object of another algorithm', { v: 1, alg: 'A128GCM', iv: '', tag: '', data: '' }],
    ])('does not take %s for a sealed value', (_kind, value) => {
      // Act
      const result = isSealed(value);

      // Assess
      expect(result).toBe(false);
    });
  });
});
