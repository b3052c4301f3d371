import { assertNoLocalKeyInAws } from '../../../shared/runtime/local-key-guard';

const MASTER_KEY = Buffer.alloc(32, 1).toString('base64');

describe('assertNoLocalKeyInAws', () => {
  it('stops a function deployed to AWS that carries ORDO_MASTER_KEY, naming the setting', () => {
    // Act
    const starting = () => assertNoLocalKeyInAws({ AWS_LAMBDA_FUNCTION_NAME: 'ordo-production-createOrder', ORDO_MASTER_KEY: MASTER_KEY });

    // Assess
    expect(starting).toThrow(/ORDO_MASTER_KEY is set on a function deployed to AWS/);
  });

  it('lets a deployed function without it start', () => {
    // Act
    const starting = () => assertNoLocalKeyInAws({ AWS_LAMBDA_FUNCTION_NAME: 'ordo-production-createOrder', ORDO_KMS_KEY_ID: 'alias/ordo' });

    // Assess
    expect(starting).not.toThrow();
  });

  it.each([
    ['serverless offline', { IS_OFFLINE: 'true' }],
    ['serverless invoke local', { IS_LOCAL: 'true' }],
    ['a test or script outside Lambda', {}],
  ])('lets %s use the local key', (_where, env) => {
    // Act
    const starting = () =>
      assertNoLocalKeyInAws({ ...env, ...('IS_OFFLINE' in env || 'IS_LOCAL' in env ? { AWS_LAMBDA_FUNCTION_NAME: 'ordo-sandbox-health' } : {}), ORDO_MASTER_KEY: MASTER_KEY });

    // Assess
    expect(starting).not.toThrow();
  });
});

describe('assertNoLocalKeyInAws and the operator key', () => {
  it.each(['ORDO_OPERATOR_KEY_HASH', 'ORDO_ADMIN_KEY'])('stops a function deployed to AWS that carries %s, pointing at the SSM parameter', (name) => {
    // Act
    const starting = () => assertNoLocalKeyInAws({ AWS_LAMBDA_FUNCTION_NAME: 'ordo-production-createAccount', [name]: 'a'.repeat(64) });

    // Assess
    expect(starting).toThrow(new RegExp(`${name} is set on a function deployed to AWS.*ORDO_OPERATOR_KEY_PARAMETER`));
  });

  it('lets the local stack pass the operator key hash to serverless offline', () => {
    // Act
    const starting = () =>
      assertNoLocalKeyInAws({ AWS_LAMBDA_FUNCTION_NAME: 'ordo-sandbox-createAccount', IS_OFFLINE: 'true', ORDO_OPERATOR_KEY_HASH: 'a'.repeat(64) });

    // Assess
    expect(starting).not.toThrow();
  });
});
