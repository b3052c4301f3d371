import { getParameter } from '@aws-lambda-powertools/parameters/ssm';

/** Kept this long per container, so a warm hook does not read SSM on every deployment it checks. */
const CACHE_SECONDS = 300;

/** A SecureString parameter's value, decrypted and cached; an error names the parameter, never its value. */
export const readSecureParameter = async (name: string): Promise<string> => {
  const value = await getParameter(name, { decrypt: true, maxAge: CACHE_SECONDS }).catch((error: Error) => {
    throw new Error(`The SSM parameter ${name} could not be read (${error.name})`);
  });
  if (!value) throw new Error(`The SSM parameter ${name} is empty`);
  return value;
};
