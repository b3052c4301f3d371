import { getParameter } from '@aws-lambda-powertools/parameters/ssm';

/**
 * How long a container keeps the hash. Rotating the operator key reaches every warm container
 * within this time; until then operator routes cost no SSM call.
 */
export const OPERATOR_KEY_HASH_MAX_AGE_SECONDS = 300;

/**
 * The operator key's hash from its SSM SecureString, cached by Powertools Parameters for the
 * container. Only operator routes call this, so only they need `ssm:GetParameter` and `kms:Decrypt`.
 */
export const ssmOperatorKeyHash = async (parameterName: string): Promise<string> =>
  (await getParameter(parameterName, { decrypt: true, maxAge: OPERATOR_KEY_HASH_MAX_AGE_SECONDS })) ?? '';
