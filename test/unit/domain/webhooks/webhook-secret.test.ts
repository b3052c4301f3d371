import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { ValidationError } from '../../../../shared/domain/domain-errors';
import {
  SECRET_ROTATION_GRACE_MS,
  assertWebhookSecret,
  generateWebhookSecret,
  isWebhookSecret,
  signingSecrets,
} from '../../../../shared/domain/webhooks/webhook-secret';

const secretOf = (bytes: number): string => `whsec_${randomBytes(bytes).toString('base64')}`;

describe('generateWebhookSecret', () => {
  it('makes whsec_ and the base64 of 32 random bytes', () => {
    // Act
    const secret = generateWebhookSecret();

    // Assess
    expect(secret).toMatch(/^whsec_/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
  });

  it('makes a different secret each time', () => {
    // Act
    const secrets = new Set(Array.from({ length: 20 }, generateWebhookSecret));

    // Assess
    expect(secrets.size).toBe(20);
  });

  it('makes secrets the standardwebhooks library accepts as a key', () => {
    // Act
    const create = (): Webhook => new Webhook(generateWebhookSecret());

    // Assess
    expect(create).not.toThrow();
  });
});

describe('isWebhookSecret', () => {
  it('accepts a generated secret', () => {
    // Assess
    expect(isWebhookSecret(generateWebhookSecret())).toBe(true);
  });

  it('accepts keys of 24 to 64 bytes', () => {
    // Assess
    expect([24, 33, 64].map((bytes) => isWebhookSecret(secretOf(bytes)))).toEqual([true, true, true]);
  });

  it.each([
    ['too short a key', secretOf(23)],
    ['too long a key', secretOf(65)],
    ['no whsec_ prefix', randomBytes(32).toString('base64')],
    ['a key that is not base64', `whsec_${'!'.repeat(44)}`],
    ['base64url instead of base64', `whsec_${'-_'.repeat(22)}`],
    ['a key with whitespace', `whsec_ ${randomBytes(32).toString('base64')}`],
    ['an empty string', ''],
    ['a number', 42],
  ])('refuses %s', (_case, value) => {
    // Assess
    expect(isWebhookSecret(value)).toBe(false);
  });
});

describe('assertWebhookSecret', () => {
  it('refuses a bad secret with a ValidationError naming the field and not repeating the value', () => {
    // Prepare
    const bad = 'whsec_not-a-secret';

    // Act
    let error: unknown;
    try {
      assertWebhookSecret(bad, 'secret');
    } catch (thrown) {
      error = thrown;
    }

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'secret' });
    expect((error as Error).message).not.toContain(bad);
  });
});

describe('signingSecrets', () => {
  const ROTATED = new Date('2025-01-01T10:00:00.000Z');
  const current = secretOf(32);
  const previous = { secret: secretOf(32), rotatedOn: ROTATED };

  it('signs with the current secret alone when there was no rotation', () => {
    // Act
    const secrets = signingSecrets({ current }, ROTATED);

    // Assess
    expect(secrets).toEqual([current]);
  });

  it('signs with the current and the previous secret within 24 hours of the rotation', () => {
    // Act
    const secrets = signingSecrets({ current, previous }, new Date(ROTATED.getTime() + SECRET_ROTATION_GRACE_MS - 1));

    // Assess
    expect(secrets).toEqual([current, previous.secret]);
  });

  it('drops the previous secret once 24 hours have passed', () => {
    // Act
    const secrets = signingSecrets({ current, previous }, new Date(ROTATED.getTime() + 24 * 60 * 60 * 1000));

    // Assess
    expect(secrets).toEqual([current]);
  });
});
