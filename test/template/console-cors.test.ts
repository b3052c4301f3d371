import { PACKAGED_REGIONS, packagedTemplate, resourcesOfType } from './packaged-template';

describe.each(PACKAGED_REGIONS)('CORS in the production template packaged for %s', (region) => {
  const template = packagedTemplate(region);

  it('has no OPTIONS method: production lists no console origin, its console is on the API origin', () => {
    // Act
    const options = resourcesOfType(template, 'AWS::ApiGateway::Method').filter(([, method]) => method.Properties?.HttpMethod === 'OPTIONS');

    // Assess
    expect(options.map(([id]) => id)).toEqual([]);
  });

  it('gives no function a console origin, so no answer carries Access-Control-Allow-Origin', () => {
    // Act
    const origins = resourcesOfType(template, 'AWS::Lambda::Function').map(([id, fn]) => [
      id,
      (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables?.ORDO_CONSOLE_ORIGINS,
    ]);

    // Assess
    expect(origins.filter(([, value]) => value !== '')).toEqual([]);
  });
});
