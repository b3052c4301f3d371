import { PACKAGED_REGIONS, packagedFunctions, packagedTemplate, resourcesOfType } from './packaged-template';

describe.each(PACKAGED_REGIONS)('the production template packaged for %s', (region) => {
  it('deploys a Lambda function for every function of the service', () => {
    // Prepare
    const functions = Object.keys(packagedFunctions(region));

    // Act
    const deployed = resourcesOfType(packagedTemplate(region), 'AWS::Lambda::Function');

    // Assess
    expect(deployed).toHaveLength(functions.length);
  });

  it('names every function for the production stage', () => {
    // Prepare
    const functions = Object.values(packagedFunctions(region));

    // Act
    const names = functions.map((fn) => fn.name);

    // Assess
    expect(names.every((name) => name.startsWith('ordo-production-'))).toBe(true);
  });
});
