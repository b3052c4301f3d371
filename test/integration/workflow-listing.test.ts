import { api as controlPlane, newAccount } from './control-plane-api';
import { orchestrationApi as api, twoStatusWorkflow } from './orchestration-api';

interface WorkflowSummaryBody {
  retailerId: string;
  entityType: string;
  subtype: string;
  latestVersion: number;
  versions: { version: number; createdOn: string }[];
}

const itemsOf = (body: Record<string, unknown>) => body.items as WorkflowSummaryBody[];

/** An account whose retailers r1 and r2 each hold an ORDER/HD workflow; r1's has two versions. */
const accountWithWorkflows = async (prefix: string) => {
  const account = await newAccount(prefix);
  await api.putWorkflow(account.apiKey, 'ORDER', 'HD', twoStatusWorkflow('r1'));
  await api.putWorkflow(account.apiKey, 'ORDER', 'HD', { ...twoStatusWorkflow('r1'), name: 'second' });
  await api.putWorkflow(account.apiKey, 'ORDER', 'HD', twoStatusWorkflow('r2'));
  return account;
};

describe('GET /v1/workflows', () => {
  it('lists each workflow of the account once, with its versions newest first', async () => {
    // Prepare
    const account = await accountWithWorkflows('wf-list');

    // Act
    const response = await api.listWorkflows(account.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(itemsOf(response.body)).toEqual([
      {
        retailerId: 'r1',
        entityType: 'ORDER',
        subtype: 'HD',
        latestVersion: 2,
        versions: [
          { version: 2, createdOn: expect.any(String) },
          { version: 1, createdOn: expect.any(String) },
        ],
      },
      { retailerId: 'r2', entityType: 'ORDER', subtype: 'HD', latestVersion: 1, versions: [{ version: 1, createdOn: expect.any(String) }] },
    ]);
  });

  it('leaves the workflow bodies out', async () => {
    // Prepare
    const account = await accountWithWorkflows('wf-lean');

    // Act
    const response = await api.listWorkflows(account.apiKey);

    // Assess
    expect(response.raw).not.toContain('rulesets');
    expect(response.raw).not.toContain('BOOKED');
  });

  it('narrows the list to the retailer the query names', async () => {
    // Prepare
    const account = await accountWithWorkflows('wf-narrow');

    // Act
    const response = await api.listWorkflows(account.apiKey, { retailerId: 'r2' });

    // Assess
    expect(itemsOf(response.body).map((item) => item.retailerId)).toEqual(['r2']);
  });

  it("shows a retailer-scoped key its own retailer's workflows only", async () => {
    // Prepare
    const account = await accountWithWorkflows('wf-scoped');
    const scoped = await controlPlane.createApiKey(account.apiKey, { role: 'READONLY', retailerId: 'r2' });

    // Act
    const response = await api.listWorkflows(scoped.body.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(itemsOf(response.body).map((item) => item.retailerId)).toEqual(['r2']);
  });

  it('lists nothing to a retailer-scoped key that names another retailer', async () => {
    // Prepare
    const account = await accountWithWorkflows('wf-other');
    const scoped = await controlPlane.createApiKey(account.apiKey, { role: 'READONLY', retailerId: 'r2' });

    // Act
    const response = await api.listWorkflows(scoped.body.apiKey, { retailerId: 'r1' });

    // Assess
    expect(response.status).toBe(200);
    expect(itemsOf(response.body)).toEqual([]);
  });

  it('shows no workflow of another account', async () => {
    // Prepare
    await accountWithWorkflows('wf-mine');
    const other = await newAccount('wf-theirs');

    // Act
    const response = await api.listWorkflows(other.apiKey);

    // Assess
    expect(itemsOf(response.body)).toEqual([]);
  });

  it('answers 400 naming retailerId when it is not a retailer id', async () => {
    // Prepare
    const account = await newAccount('wf-bad');

    // Act
    const response = await api.listWorkflows(account.apiKey, { retailerId: 'no spaces allowed' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('retailerId');
  });
});
