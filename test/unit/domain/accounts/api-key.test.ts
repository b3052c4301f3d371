import { hashSecret, issueApiKey, parseApiKey, secretMatches } from '../../../../shared/domain/accounts/api-key';

describe('API key material', () => {
  it('issues a key that parses back into its key id and a secret matching the stored hash', () => {
    // Prepare & Act
    const { keyId, apiKey, secretHash } = issueApiKey();

    // Assess
    const parsed = parseApiKey(apiKey);
    expect(parsed?.keyId).toBe(keyId);
    expect(parsed && secretMatches(parsed.secret, secretHash)).toBe(true);
  });

  it('never stores the secret itself in the hash', () => {
    // Prepare
    const { apiKey, secretHash } = issueApiKey();

    // Act
    const secret = parseApiKey(apiKey)?.secret ?? '';

    // Assess
    expect(secret).not.toBe('');
    expect(secretHash).not.toContain(secret);
    expect(apiKey).not.toContain(secretHash);
  });

  it('issues a different key id and secret on every call', () => {
    // Prepare & Act
    const keys = Array.from({ length: 20 }, () => issueApiKey());

    // Assess
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(keys.length);
    expect(new Set(keys.map((key) => key.apiKey)).size).toBe(keys.length);
  });

  it.each([
    ['an empty string', ''],
    ['a random word', 'password'],
    ['another prefix', issueApiKey().apiKey.replace(/^ordo_/, 'oops_')],
    ['a truncated secret', issueApiKey().apiKey.slice(0, -1)],
    ['an extra character', `${issueApiKey().apiKey}x`],
    ['surrounding whitespace', ` ${issueApiKey().apiKey} `],
  ])('refuses to parse %s', (_label, candidate) => {
    // Act
    const parsed = parseApiKey(candidate);

    // Assess
    expect(parsed).toBeUndefined();
  });

  it('does not match a secret against the hash of another secret', () => {
    // Prepare
    const first = issueApiKey();
    const second = issueApiKey();
    const secondSecret = parseApiKey(second.apiKey)?.secret ?? '';

    // Act
    const matches = secretMatches(secondSecret, first.secretHash);

    // Assess
    expect(matches).toBe(false);
  });

  it('does not match anything against a malformed stored hash', () => {
    // Prepare
    const secret = 'a'.repeat(43);

    // Act
    const matches = secretMatches(secret, hashSecret(secret).slice(0, 10));

    // Assess
    expect(matches).toBe(false);
  });
});
