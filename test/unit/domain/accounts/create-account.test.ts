import { authenticateApiKey } from '../../../../shared/domain/accounts/authenticate';
import { createAccount, createAccountInputSchema, type CreateAccountDeps } from '../../../../shared/domain/accounts/create-account';
import type { OperatorPrincipal } from '../../../../shared/domain/accounts/principal';
import { ConflictError, ValidationError } from '../../../../shared/domain/domain-errors';
import { validate } from '../../../../shared/http/request-body';
import { InMemoryAccountProfileStore, InMemoryAccountTables } from '../../../support/account-tables';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { InMemoryRoleStore } from '../../../support/roles';

const OPERATOR: OperatorPrincipal = { kind: 'operator' };

describe('createAccount', () => {
  const now = new Date('2025-03-14T09:26:53.000Z');
  let controlPlane: InMemoryControlPlaneStore;
  let tables: InMemoryAccountTables;
  let profiles: InMemoryAccountProfileStore;
  let deps: CreateAccountDeps;

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    tables = new InMemoryAccountTables();
    profiles = new InMemoryAccountProfileStore(tables);
    deps = { controlPlane, tables, profiles, clock: new ManualClock(now), stage: 'unit', region: 'eu-west-1' };
  });

  it('returns an API key that authenticates as ADMIN of the new account', async () => {
    // Act
    const created = await createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    const principal = await authenticateApiKey(created.apiKey, { controlPlane, roles: new InMemoryRoleStore(), clock: deps.clock, stage: 'unit' });
    expect(principal).toMatchObject({ kind: 'account', accountId: 'acme', keyId: created.keyId, role: 'ADMIN' });
  });

  it('gives the principal of the new key the table ordo-<stage>-acct-<id>', async () => {
    // Act
    const created = await createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    const principal = await authenticateApiKey(created.apiKey, { controlPlane, roles: new InMemoryRoleStore(), clock: deps.clock, stage: 'unit' });
    expect(principal.tableName).toBe('ordo-unit-acct-acme');
    expect(created.tableName).toBe(principal.tableName);
  });

  it('provisions the account table and writes the profile into it', async () => {
    // Act
    const created = await createAccount({ accountId: 'acme', name: 'Acme Ltd', environment: 'production' }, OPERATOR, deps);

    // Assess
    expect([...tables.tables]).toEqual([created.tableName]);
    expect(await profiles.get(created.tableName)).toEqual({
      accountId: 'acme',
      name: 'Acme Ltd',
      environment: 'production',
      createdOn: now.toISOString(),
    });
  });

  it('records the account as ACTIVE in the region it was created in', async () => {
    // Act
    await createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    expect(await controlPlane.getAccount('acme')).toMatchObject({
      accountId: 'acme',
      status: 'ACTIVE',
      region: 'eu-west-1',
      tableName: 'ordo-unit-acct-acme',
      createdOn: now.toISOString(),
    });
  });

  it('defaults to a sandbox account named after its id', async () => {
    // Act
    const created = await createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    expect(created.environment).toBe('sandbox');
    expect(await controlPlane.getAccount('acme')).toMatchObject({ name: 'acme', environment: 'sandbox' });
  });

  it('keeps only a hash of the returned key in the store', async () => {
    // Act
    const created = await createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    const stored = JSON.stringify([...controlPlane.apiKeys.values()]);
    expect(stored).toContain(created.keyId);
    expect(stored).not.toContain(created.apiKey);
    // Everything after the key id is the secret, which may itself hold "_".
    expect(stored).not.toContain(created.apiKey.slice(`ordo_${created.keyId}_`.length));
  });

  it('reports a duplicate account id as a conflict naming accountId', async () => {
    // Prepare
    await createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Act
    const attempt = createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ field: 'accountId' });
  });

  it('issues no second key and provisions nothing when the account id is taken', async () => {
    // Prepare
    await createAccount({ accountId: 'acme' }, OPERATOR, deps);
    const keysBefore = controlPlane.apiKeys.size;
    const provisionsBefore = tables.provisioned.length;

    // Act
    await createAccount({ accountId: 'acme' }, OPERATOR, deps).catch(() => undefined);

    // Assess
    expect(controlPlane.apiKeys.size).toBe(keysBefore);
    expect(tables.provisioned).toHaveLength(provisionsBefore);
  });

  it('leaves the account PROVISIONING and issues no key when the table cannot be created', async () => {
    // Prepare
    tables.failure = new Error('throttled');

    // Act
    const attempt = createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    await expect(attempt).rejects.toThrow('throttled');
    expect(await controlPlane.getAccount('acme')).toMatchObject({ status: 'PROVISIONING' });
    expect(controlPlane.apiKeys.size).toBe(0);
  });

  it('finishes a half-provisioned account when the operator retries', async () => {
    // Prepare
    tables.failure = new Error('throttled');
    await createAccount({ accountId: 'acme' }, OPERATOR, deps).catch(() => undefined);
    tables.failure = undefined;

    // Act
    const created = await createAccount({ accountId: 'acme' }, OPERATOR, deps);

    // Assess
    expect(await controlPlane.getAccount('acme')).toMatchObject({ status: 'ACTIVE' });
    expect(controlPlane.apiKeys.get(created.keyId)).toMatchObject({ accountId: 'acme', role: 'ADMIN' });
  });
});

describe('createAccountInputSchema', () => {
  it.each([
    ['capital letters', 'Acme'],
    ['too few characters', 'ab'],
    ['too many characters', 'a'.repeat(33)],
    ['an underscore', 'acme_ltd'],
    ['a slash that could escape the table name', 'acme/../other'],
  ])('rejects an account id with %s, naming accountId', (_label, accountId) => {
    // Act
    const attempt = () => validate(createAccountInputSchema, { accountId });

    // Assess
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'accountId' }));
  });

  it('rejects an environment other than sandbox or production, naming environment', () => {
    // Act
    const attempt = () => validate(createAccountInputSchema, { accountId: 'acme', environment: 'staging' });

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'environment' }));
  });

  it('rejects a blank name, naming name', () => {
    // Act
    const attempt = () => validate(createAccountInputSchema, { accountId: 'acme', name: '   ' });

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'name' }));
  });

  it('rejects a field it does not know, naming it', () => {
    // Act
    const attempt = () => validate(createAccountInputSchema, { accountId: 'acme', tableName: 'ordo-prod-acct-other' });

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'tableName' }));
  });

  it('accepts a well-formed account id and trims the name', () => {
    // Act
    const input = validate(createAccountInputSchema, { accountId: 'acme-42', name: '  Acme  ' });

    // Assess
    expect(input).toEqual({ accountId: 'acme-42', name: 'Acme' });
  });
});
