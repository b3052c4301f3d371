/**
 * Settings that belong to the local stack alone. `ORDO_MASTER_KEY` is its stand-in for KMS: set in
 * AWS it would silently seal every account's customer data with a key that lives in the function's
 * configuration. `ORDO_OPERATOR_KEY_HASH` (and the older `ORDO_ADMIN_KEY`) would put the operator's
 * credential there too, where SSM Parameter Store should hold it.
 */
const LOCAL_ONLY: ReadonlyArray<readonly [name: string, instead: string]> = [
  ['ORDO_MASTER_KEY', 'account data keys are wrapped with ORDO_KMS_KEY_ID'],
  ['ORDO_OPERATOR_KEY_HASH', 'the operator key hash is read from the SSM parameter ORDO_OPERATOR_KEY_PARAMETER'],
  ['ORDO_ADMIN_KEY', 'the operator key hash is read from the SSM parameter ORDO_OPERATOR_KEY_PARAMETER'],
];

/**
 * A function deployed with a local-only setting refuses to start. Serverless offline (`IS_OFFLINE`)
 * and `serverless invoke local` (`IS_LOCAL`) are not AWS.
 */
export const assertNoLocalKeyInAws = (env: NodeJS.ProcessEnv): void => {
  const inAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME) && !env.IS_OFFLINE && !env.IS_LOCAL;
  const found = LOCAL_ONLY.find(([name]) => env[name]);
  if (inAws && found) {
    const [name, instead] = found;
    throw new Error(
      `${name} is set on a function deployed to AWS. It belongs to the local stack and must never be deployed: remove it, and ${instead}.`,
    );
  }
};

// At init, before the first request: a misconfigured deployment fails its first invocation loudly instead of sealing data wrongly.
assertNoLocalKeyInAws(process.env);
