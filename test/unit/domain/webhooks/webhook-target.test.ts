import { ServiceUnavailableError, ValidationError } from '../../../../shared/domain/domain-errors';
import { resolveWebhookTarget } from '../../../../shared/domain/webhooks/webhook-target';
import { FakeHostResolver, UnreachableHostResolver } from '../../../support/host-resolver';

const deployed = { allowInsecureLocal: false };
const local = { allowInsecureLocal: true };

describe('resolveWebhookTarget', () => {
  it('gives every address of a public host, to pin the delivery to', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ 'hooks.example.com': ['93.184.216.34', '2606:4700::1111'] });

    // Act
    const target = await resolveWebhookTarget('https://hooks.example.com/ordo', deployed, resolver);

    // Assess
    expect(target.url.href).toBe('https://hooks.example.com/ordo');
    expect(target.addresses).toEqual(['93.184.216.34', '2606:4700::1111']);
  });

  it('refuses a host that resolves to a private address', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ 'internal.example.com': ['10.0.0.7'] });

    // Act
    const resolving = resolveWebhookTarget('https://internal.example.com/hooks', deployed, resolver);

    // Assess
    await expect(resolving).rejects.toThrow(
      new ValidationError(
        'url host internal.example.com resolves to a private network address (10.0.0.7), which webhooks must not reach',
        'url',
      ),
    );
    await expect(resolving).rejects.toMatchObject({ field: 'url' });
  });

  it('refuses a host that resolves to one public and one private address', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ 'rebind.example.com': ['93.184.216.34', '192.168.0.10'] });

    // Act
    const resolving = resolveWebhookTarget('https://rebind.example.com/hooks', deployed, resolver);

    // Assess
    await expect(resolving).rejects.toThrow(
      'url host rebind.example.com resolves to a private network address (192.168.0.10), which webhooks must not reach',
    );
  });

  it('refuses a host that resolves to the metadata address even on the local stack', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ 'sneaky.example.com': ['169.254.169.254'] });

    // Act
    const resolving = resolveWebhookTarget('http://sneaky.example.com/', local, resolver);

    // Assess
    await expect(resolving).rejects.toThrow(
      'url host sneaky.example.com resolves to a cloud metadata address (169.254.169.254), which webhooks must not reach',
    );
  });

  it('refuses a host that resolves to an IPv4-mapped loopback address on a deployed stage', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ 'mapped.example.com': ['::ffff:127.0.0.1'] });

    // Act
    const resolving = resolveWebhookTarget('https://mapped.example.com/', deployed, resolver);

    // Assess
    await expect(resolving).rejects.toThrow(
      'url host mapped.example.com resolves to a loopback address (::ffff:127.0.0.1), which webhooks must not reach',
    );
  });

  it('lets a host that resolves to loopback through on the local stack', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ localhost: ['::1', '127.0.0.1'] });

    // Act
    const target = await resolveWebhookTarget('http://localhost:3000/hooks', local, resolver);

    // Assess
    expect(target.addresses).toEqual(['::1', '127.0.0.1']);
  });

  it('checks a literal IP host as written without looking it up', async () => {
    // Prepare
    const resolver = new FakeHostResolver();

    // Act
    const target = await resolveWebhookTarget('https://[2606:4700::1111]:8443/hooks', deployed, resolver);

    // Assess
    expect(target.addresses).toEqual(['2606:4700::1111']);
    expect(resolver.lookedUp).toEqual([]);
  });

  it('refuses the URL before looking up its host', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ 'hooks.example.com': ['93.184.216.34'] });

    // Act
    const resolving = resolveWebhookTarget('http://hooks.example.com/', deployed, resolver);

    // Assess
    await expect(resolving).rejects.toThrow('url must use https, not http');
    expect(resolver.lookedUp).toEqual([]);
  });

  it('refuses a host that has no address', async () => {
    // Prepare
    const resolver = new FakeHostResolver();

    // Act
    const resolving = resolveWebhookTarget('https://nowhere.example.com/', deployed, resolver);

    // Assess
    await expect(resolving).rejects.toThrow(new ValidationError('url host nowhere.example.com has no address', 'url'));
  });

  it('refuses a host whose resolver answers with something that is not an IP address', async () => {
    // Prepare
    const resolver = new FakeHostResolver({ 'odd.example.com': ['127.1'] });

    // Act
    const resolving = resolveWebhookTarget('https://odd.example.com/', deployed, resolver);

    // Assess
    await expect(resolving).rejects.toThrow(new ValidationError('url leads to "127.1", which is not an IP address', 'url'));
  });

  it('says the lookup failed, to be tried again, when the resolver gets no answer', async () => {
    // Prepare
    const resolver = new UnreachableHostResolver('EAI_AGAIN');

    // Act
    const resolving = resolveWebhookTarget('https://hooks.example.com/', deployed, resolver);

    // Assess
    await expect(resolving).rejects.toThrow(
      new ServiceUnavailableError('The addresses of url host hooks.example.com could not be looked up (EAI_AGAIN); try again later'),
    );
    await expect(resolving).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
