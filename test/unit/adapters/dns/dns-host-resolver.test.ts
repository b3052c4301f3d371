import { DnsHostResolver } from '../../../../shared/adapters/dns/dns-host-resolver';

const failingWith = (code: string) => async () => {
  throw Object.assign(new Error(`getaddrinfo ${code} hooks.example.com`), { code });
};

describe('DnsHostResolver', () => {
  it('finds the loopback address of localhost through the operating system', async () => {
    // Prepare
    const resolver = new DnsHostResolver();

    // Act
    const addresses = await resolver.resolve('localhost');

    // Assess
    expect(addresses.some((address) => address === '127.0.0.1' || address === '::1')).toBe(true);
  });

  it('gives every address the lookup found, in the order it found them', async () => {
    // Prepare
    const resolver = new DnsHostResolver(async () => [
      { address: '2606:4700::1111', family: 6 },
      { address: '93.184.216.34', family: 4 },
    ]);

    // Act
    const addresses = await resolver.resolve('hooks.example.com');

    // Assess
    expect(addresses).toEqual(['2606:4700::1111', '93.184.216.34']);
  });

  it.each(['ENOTFOUND', 'ENODATA'])('gives no address when the lookup answers %s', async (code) => {
    // Prepare
    const resolver = new DnsHostResolver(failingWith(code));

    // Act
    const addresses = await resolver.resolve('hooks.example.com');

    // Assess
    expect(addresses).toEqual([]);
  });

  it.each(['EAI_AGAIN', 'ETIMEOUT', 'ESERVFAIL'])('rejects when the lookup fails with %s', async (code) => {
    // Prepare
    const resolver = new DnsHostResolver(failingWith(code));

    // Act
    const resolving = resolver.resolve('hooks.example.com');

    // Assess
    await expect(resolving).rejects.toMatchObject({ code });
  });
});
