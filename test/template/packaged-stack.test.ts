import {
  PACKAGED_REGIONS,
  packagedFunctions,
  packagedNestedTemplates,
  packagedRootTemplate,
  packagedTemplate,
  resourcesOfType,
} from './packaged-template';

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

describe.each(PACKAGED_REGIONS)('the stacks packaged for %s', (region) => {
  /** CloudFormation's limit of resources in one stack. */
  const RESOURCE_LIMIT = 500;

  it('keeps the root stack within CloudFormation\'s resource limit', () => {
    // Act
    const resources = Object.keys(packagedRootTemplate(region).Resources);

    // Assess
    expect(resources.length).toBeLessThanOrEqual(RESOURCE_LIMIT);
  });

  it('keeps every nested stack within CloudFormation\'s resource limit', () => {
    // Act
    const sizes = Object.values(packagedNestedTemplates(region)).map((template) => Object.keys(template.Resources).length);

    // Assess
    expect(Math.max(...sizes)).toBeLessThanOrEqual(RESOURCE_LIMIT);
  });

  it('deploys every resource once, in the root or in one nested stack', () => {
    // Prepare
    const ids = [
      ...Object.keys(packagedRootTemplate(region).Resources),
      ...Object.values(packagedNestedTemplates(region)).flatMap((template) => Object.keys(template.Resources)),
    ];

    // Act
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);

    // Assess
    expect(repeated).toEqual([]);
  });
});
