import { resolveWebhookTarget } from '../../../../shared/domain/webhooks/webhook-target';
import type { Environment } from '../../../../shared/domain/accounts/account';
import { FakeHostResolver } from '../../../support/host-resolver';

/** The local stack's gate open, for an account of the given environment; counts the reads of it. */
const localStackFor = (environment: Environment | undefined) => {
  const reads = { count: 0 };
  const policy = {
    allowInsecureLocal: true,
    environment: async () => {
      reads.count += 1;
      return environment;
    },
  };
  return { policy, reads };
};

describe('the webhook target policy of one account', () => {
  it('lets a sandbox account on the local stack subscribe a loopback http url', async () => {
    // Prepare
    const { policy } = localStackFor('sandbox');

    // Act
    const target = await resolveWebhookTarget('http://127.0.0.1:4000/hooks', policy, new FakeHostResolver({}));

    // Assess
    expect(target.addresses).toEqual(['127.0.0.1']);
  });

  it('refuses a loopback url to a production account even on the local stack', async () => {
    // Prepare
    const { policy } = localStackFor('production');

    // Act
    const resolving = resolveWebhookTarget('https://127.0.0.1:4000/hooks', policy, new FakeHostResolver({}));

    // Assess
    await expect(resolving).rejects.toMatchObject({ field: 'url', message: 'url must not point at a loopback address (127.0.0.1)' });
  });

  it('refuses plain http to a production account even on the local stack', async () => {
    // Prepare
    const { policy } = localStackFor('production');

    // Act
    const resolving = resolveWebhookTarget('http://hooks.example.com/ordo', policy, new FakeHostResolver({ 'hooks.example.com': ['93.184.216.34'] }));

    // Assess
    await expect(resolving).rejects.toMatchObject({ field: 'url', message: 'url must use https, not http' });
  });

  it('refuses a loopback url to an account whose environment cannot be found', async () => {
    // Prepare
    const { policy } = localStackFor(undefined);

    // Act
    const resolving = resolveWebhookTarget('http://localhost:4000/hooks', policy, new FakeHostResolver({ localhost: ['127.0.0.1'] }));

    // Assess
    await expect(resolving).rejects.toMatchObject({ field: 'url' });
  });

  it("refuses a loopback url to a sandbox account on a deployed stage, without reading the account", async () => {
    // Prepare
    const { policy, reads } = localStackFor('sandbox');

    // Act
    const resolving = resolveWebhookTarget('https://127.0.0.1/hooks', { ...policy, allowInsecureLocal: false }, new FakeHostResolver({}));

    // Assess
    await expect(resolving).rejects.toMatchObject({ field: 'url', message: 'url must not point at a loopback address (127.0.0.1)' });
    expect(reads.count).toBe(0);
  });
});
