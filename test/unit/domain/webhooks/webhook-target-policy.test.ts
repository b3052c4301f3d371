import { ValidationError } from '../../../../shared/domain/domain-errors';
import {
  assertDeliverableAddress,
  checkWebhookUrl,
  type WebhookTargetPolicy,
} from '../../../../shared/domain/webhooks/webhook-target-policy';

const deployed: WebhookTargetPolicy = { allowInsecureLocal: false };
const local: WebhookTargetPolicy = { allowInsecureLocal: true };

/** The error a check throws, so a test can look at its class, its field and its words. */
function refusalOf(check: () => unknown): ValidationError {
  try {
    check();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected the check to refuse, but it accepted');
}

describe('checkWebhookUrl', () => {
  it.each([
    ['https://127.0.0.1/hooks', '127.0.0.1'],
    ['https://127.1/', '127.0.0.1'],
    ['https://0x7f.1/', '127.0.0.1'],
    ['https://0x7f000001/', '127.0.0.1'],
    ['https://2130706433/', '127.0.0.1'],
    ['https://017700000001/', '127.0.0.1'],
    ['https://0177.0.0.1/', '127.0.0.1'],
    ['https://127.0.0.1./', '127.0.0.1'],
    ['https://１２７.０.０.１/', '127.0.0.1'],
    ['https://127。0。0。1/', '127.0.0.1'],
    ['https://127.0.0.0/', '127.0.0.0'],
    ['https://127.255.255.255/', '127.255.255.255'],
    ['https://[::1]/', '::1'],
    ['https://[0:0:0:0:0:0:0:1]/', '::1'],
    ['https://[0000::0001]/', '::1'],
    ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['https://[::ffff:7f00:1]/', '::ffff:7f00:1'],
    ['https://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1'],
    ['https://[::ffff:0:7f00:1]/', '::ffff:0:7f00:1'],
    ['https://[64:ff9b::127.0.0.1]/', '64:ff9b::7f00:1'],
    ['https://localhost:8443/', 'localhost'],
    ['https://LOCALHOST./', 'localhost.'],
    ['https://hooks.localhost/', 'hooks.localhost'],
  ])('refuses %s on a deployed stage as a loopback address', (url, shown) => {
    // Act
    const refusal = refusalOf(() => checkWebhookUrl(url, deployed));

    // Assess
    expect(refusal.field).toBe('url');
    expect(refusal.message).toBe(`url must not point at a loopback address (${shown})`);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://2852039166/', '169.254.169.254'],
    ['http://0xA9FEA9FE/', '169.254.169.254'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
    ['http://0251.0376.0251.0376/', '169.254.169.254'],
    ['http://025177524776/', '169.254.169.254'],
    ['http://169.254.43518/', '169.254.169.254'],
    ['http://169.16689662/', '169.254.169.254'],
    ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe'],
    ['http://[0:0:0:0:0:ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe'],
    ['http://[64:ff9b::a9fe:a9fe]/', '64:ff9b::a9fe:a9fe'],
    ['http://169.254.170.2/v2/credentials', '169.254.170.2'],
    ['http://100.100.100.200/latest/meta-data/', '100.100.100.200'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254'],
    ['http://[fd00:0ec2:0000:0000:0000:0000:0000:0254]/', 'fd00:ec2::254'],
  ])('refuses the metadata address %s even on the local stack', (url, shown) => {
    // Act
    const refusal = refusalOf(() => checkWebhookUrl(url, local));

    // Assess
    expect(refusal.field).toBe('url');
    expect(refusal.message).toBe(`url must not point at a cloud metadata address (${shown})`);
  });

  it.each([
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal'],
    ['http://METADATA.Google.Internal./', 'metadata.google.internal.'],
    ['http://metadata/', 'metadata'],
    ['http://instance-data/latest/meta-data/', 'instance-data'],
  ])('refuses the metadata host name in %s even on the local stack', (url, shown) => {
    // Act
    const refusal = refusalOf(() => checkWebhookUrl(url, local));

    // Assess
    expect(refusal.message).toBe(`url must not point at a cloud metadata service (${shown})`);
  });

  it('refuses the metadata address on a deployed stage', () => {
    // Act
    const refusal = refusalOf(() => checkWebhookUrl('https://169.254.169.254/', deployed));

    // Assess
    expect(refusal.message).toBe('url must not point at a cloud metadata address (169.254.169.254)');
  });

  it.each([
    ['10.0.0.0', 'a private network'],
    ['10.255.255.255', 'a private network'],
    ['172.16.0.0', 'a private network'],
    ['172.31.255.255', 'a private network'],
    ['192.168.0.0', 'a private network'],
    ['192.168.255.255', 'a private network'],
    ['100.64.0.0', 'a carrier-grade NAT'],
    ['100.127.255.255', 'a carrier-grade NAT'],
    ['169.254.0.0', 'a link-local'],
    ['169.254.255.255', 'a link-local'],
    ['224.0.0.0', 'a multicast'],
    ['239.255.255.255', 'a multicast'],
    ['0.0.0.0', 'an unspecified'],
    ['255.255.255.255', 'a broadcast'],
    ['240.0.0.1', 'a reserved'],
    ['192.0.2.10', 'a reserved'],
    ['[fe80::1]', 'a link-local'],
    ['[febf:ffff::1]', 'a link-local'],
    ['[fec0::1]', 'a private network'],
    ['[fc00::]', 'a unique-local IPv6'],
    ['[fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]', 'a unique-local IPv6'],
    ['[ff02::1]', 'a multicast'],
    ['[::]', 'an unspecified'],
    ['[::127.0.0.1]', 'a reserved'],
    ['[2002:7f00:1::]', 'a reserved'],
    ['[2001:db8::1]', 'a reserved'],
    ['[::ffff:10.0.0.1]', 'a private network'],
    ['[::ffff:93.184.216.34]', 'an IPv4-mapped IPv6'],
  ])('refuses the host %s as %s address', (host, range) => {
    // Act
    const refusal = refusalOf(() => checkWebhookUrl(`https://${host}/hooks`, deployed));

    // Assess
    expect(refusal.field).toBe('url');
    expect(refusal.message).toMatch(new RegExp(`^url must not point at ${range} address \\(`));
  });

  it.each([
    '9.255.255.255',
    '11.0.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.255.255',
    '169.255.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '223.255.255.255',
  ])('accepts %s, the first address outside a refused range', (host) => {
    // Act
    const url = checkWebhookUrl(`https://${host}/hooks`, deployed);

    // Assess
    expect(url.hostname).toBe(host);
  });

  it.each([
    'https://93.184.216.34/hooks',
    'https://[2606:4700::1111]/hooks',
    'https://[64:ff9b::5db8:d822]/hooks',
    'https://hooks.example.com:8443/ordo?tenant=1',
  ])('accepts the public target %s on a deployed stage', (raw) => {
    // Act
    const url = checkWebhookUrl(raw, deployed);

    // Assess
    expect(url.href).toBe(raw);
  });

  it('refuses http on a deployed stage', () => {
    // Act
    const refusal = refusalOf(() => checkWebhookUrl('http://hooks.example.com/', deployed));

    // Assess
    expect(refusal.field).toBe('url');
    expect(refusal.message).toBe('url must use https, not http');
  });

  it.each(['http://localhost:3000/hooks', 'http://127.0.0.1:3000/hooks', 'http://[::1]:3000/hooks', 'http://0x7f.1:3000/hooks'])(
    'lets a developer point a webhook at their own machine with %s on the local stack',
    (raw) => {
      // Act
      const url = checkWebhookUrl(raw, local);

      // Assess
      expect(url.port).toBe('3000');
    },
  );

  it.each(['http://10.0.0.5/hooks', 'http://192.168.1.20:3000/hooks', 'http://172.17.0.1/hooks', 'http://100.64.0.1/'])(
    'still refuses the private or shared address in %s on the local stack',
    (raw) => {
      // Act
      const refusal = refusalOf(() => checkWebhookUrl(raw, local));

      // Assess
      expect(refusal.message).toMatch(/^url must not point at a (private network|carrier-grade NAT) address/);
    },
  );

  it.each([
    ['ftp://hooks.example.com/', 'ftp'],
    ['file:///etc/passwd', 'file'],
    ['javascript:alert(1)', 'javascript'],
    ['gopher://hooks.example.com/', 'gopher'],
  ])('refuses the scheme of %s even on the local stack', (raw, scheme) => {
    // Act
    const refusal = refusalOf(() => checkWebhookUrl(raw, local));

    // Assess
    expect(refusal.message).toBe(`url must use http or https, not ${scheme}`);
  });

  it.each(['https://user:secret@hooks.example.com/', 'https://user@hooks.example.com/', 'https://:secret@hooks.example.com/'])(
    'refuses the credentials in %s',
    (raw) => {
      // Act
      const refusal = refusalOf(() => checkWebhookUrl(raw, deployed));

      // Assess
      expect(refusal.message).toBe(
        'url must not contain a user name or password; the webhook signature authenticates each delivery',
      );
    },
  );

  it.each(['', 'not a url', '/relative/path', 'hooks.example.com/path', 'https://exa mple.com/', 'https://[::1/', 'https://256.0.0.1/', 'https://1.2.3.4.5/'])(
    'refuses %p as not an absolute URL',
    (raw) => {
      // Act
      const refusal = refusalOf(() => checkWebhookUrl(raw, deployed));

      // Assess
      expect(refusal.field).toBe('url');
      expect(refusal.message).toBe('url must be an absolute URL such as https://example.com/webhooks');
    },
  );

  it('refuses a URL longer than 2048 characters', () => {
    // Prepare
    const base = 'https://hooks.example.com/';
    const raw = base + 'a'.repeat(2049 - base.length);

    // Act
    const refusal = refusalOf(() => checkWebhookUrl(raw, deployed));

    // Assess
    expect(refusal.message).toBe('url must be at most 2048 characters');
  });

  it('accepts a URL of exactly 2048 characters', () => {
    // Prepare
    const base = 'https://hooks.example.com/';
    const raw = base + 'a'.repeat(2048 - base.length);

    // Act
    const url = checkWebhookUrl(raw, deployed);

    // Assess
    expect(url.href).toBe(raw);
  });
});

describe('assertDeliverableAddress', () => {
  it.each([
    ['10.1.2.3', 'url must not point at a private network address (10.1.2.3)'],
    ['::ffff:127.0.0.1', 'url must not point at a loopback address (::ffff:127.0.0.1)'],
    ['fd12:3456::1', 'url must not point at a unique-local IPv6 address (fd12:3456::1)'],
  ])('refuses the resolved address %s', (ip, message) => {
    // Act
    const refusal = refusalOf(() => assertDeliverableAddress(ip, deployed));

    // Assess
    expect(refusal.message).toBe(message);
  });

  it.each(['127.1', '0x7f000001', '2130706433', 'localhost'])(
    'refuses %s, which is no plain IP address, rather than guess how a socket reads it',
    (ip) => {
      // Act
      const refusal = refusalOf(() => assertDeliverableAddress(ip, local));

      // Assess
      expect(refusal.message).toBe(`url leads to "${ip}", which is not an IP address`);
    },
  );

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('lets the loopback address %s through on the local stack', (ip) => {
    // Act
    const check = () => assertDeliverableAddress(ip, local);

    // Assess
    expect(check).not.toThrow();
  });
});
