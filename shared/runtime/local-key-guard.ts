/**
 * `ORDO_MASTER_KEY` is the local stack's stand-in for KMS. Set in AWS it would silently seal every
 * account's customer data with a key that lives in the function's configuration, so a function
 * deployed with it refuses to start. Serverless offline (`IS_OFFLINE`) and `serverless invoke local`
 * (`IS_LOCAL`) are not AWS.
 */
export const assertNoLocalKeyInAws = (env: NodeJS.ProcessEnv): void => {
  const inAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME) && !env.IS_OFFLINE && !env.IS_LOCAL;
  if (inAws && env.ORDO_MASTER_KEY) {
    throw new Error(
      'ORDO_MASTER_KEY is set on a function deployed to AWS. It is the local stand-in for KMS and must never be deployed: remove it, and account data keys are wrapped with ORDO_KMS_KEY_ID.',
    );
  }
};

// At init, before the first request: a misconfigured deployment fails its first invocation loudly instead of sealing data wrongly.
assertNoLocalKeyInAws(process.env);
