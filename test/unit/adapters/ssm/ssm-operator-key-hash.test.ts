import { clearCaches } from '@aws-lambda-powertools/parameters';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as createAccountRoute } from '../../../../functions/accounts/create-account';
import { ssmOperatorKeyHash } from '../../../../shared/adapters/ssm/ssm-operator-key-hash';
import { operatorKeyHashOf } from '../../../../shared/domain/accounts/operator-key-hash';
import { fakeDependencies } from '../../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../../support/lambda';

const PARAMETER = '/ordo/production/operator-key-hash';
const OPERATOR_KEY = 'ordo_admin_kept-in-a-password-manager';

const ssm = mockClient(SSMClient);

const createAccountOverSsm = () => {
  const deps = fakeDependencies();
  return createAccountRoute.with({
    operatorKeyHash: () => ssmOperatorKeyHash(PARAMETER),
    context: () => ({ ...deps, region: deps.settings.region }),
  });
};

const postAccount = (route: ReturnType<typeof createAccountOverSsm>, accountId: string, key: string) =>
  route(apiGatewayEvent({ method: 'POST', resource: '/v1/accounts', headers: bearer(key), body: { accountId } }), lambdaContext());

describe('the operator key hash in SSM Parameter Store', () => {
  beforeEach(() => {
    ssm.reset();
    clearCaches();
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: PARAMETER, Type: 'SecureString', Value: operatorKeyHashOf(OPERATOR_KEY) } });
  });

  afterAll(() => {
    ssm.restore();
  });

  it('is read decrypted from the named parameter', async () => {
    // Act
    const hash = await ssmOperatorKeyHash(PARAMETER);

    // Assess
    expect(hash).toBe(operatorKeyHashOf(OPERATOR_KEY));
    expect(ssm.commandCalls(GetParameterCommand)[0].args[0].input).toEqual({ Name: PARAMETER, WithDecryption: true });
  });

  it('is read once and then served from the cache to later operator requests', async () => {
    // Prepare
    const route = createAccountOverSsm();

    // Act
    const answers = [];
    for (const accountId of ['acme', 'globex', 'initech']) answers.push((await postAccount(route, accountId, OPERATOR_KEY)).statusCode);

    // Assess
    expect(answers).toEqual([201, 201, 201]);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
  });

  it('refuses a wrong key with 401 UNAUTHENTICATED', async () => {
    // Prepare
    const route = createAccountOverSsm();

    // Act
    const response = await postAccount(route, 'acme', `${OPERATOR_KEY}x`);

    // Assess
    expect(response.statusCode).toBe(401);
    expect(jsonBody<{ error: { code: string } }>(response).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the stored hash itself when sent as the key', async () => {
    // Prepare
    const route = createAccountOverSsm();

    // Act
    const response = await postAccount(route, 'acme', operatorKeyHashOf(OPERATOR_KEY));

    // Assess
    expect(response.statusCode).toBe(401);
  });
});
