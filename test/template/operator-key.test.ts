import { PACKAGED_REGIONS, PACKAGED_STAGE, packagedTemplate, resourcesOfType } from './packaged-template';

const environmentsOf = (region: string) =>
  resourcesOfType(packagedTemplate(region), 'AWS::Lambda::Function').map(([id, resource]) => {
    const environment = (resource.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
    return [id, environment] as const;
  });

describe.each(PACKAGED_REGIONS)('the operator key in the packaged %s template', (region) => {
  it('gives every function the name of the SSM parameter that holds its hash', () => {
    // Act
    const parameters = new Set(environmentsOf(region).map(([, environment]) => environment.ORDO_OPERATOR_KEY_PARAMETER));

    // Assess
    expect([...parameters]).toEqual([`/ordo/${PACKAGED_STAGE}/operator-key-hash`]);
  });

  it('gives no function the key, its hash or the local master key', () => {
    // Act
    const carrying = environmentsOf(region).flatMap(([id, environment]) =>
      ['ORDO_ADMIN_KEY', 'ORDO_OPERATOR_KEY_HASH', 'ORDO_MASTER_KEY'].filter((name) => environment[name]).map((name) => `${id} ${name}`),
    );

    // Assess
    expect(carrying).toEqual([]);
  });
});
