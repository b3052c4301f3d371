import { ssmOperatorKeyHash } from '../adapters/ssm/ssm-operator-key-hash';
import { settings } from './settings';

/**
 * The operator key's SHA-256 hash, hex: from the environment on the local stack and in tests,
 * from SSM Parameter Store in AWS (the local key guard stops a deployed function that carries it in
 * its environment). Empty when neither is set, which switches the operator routes off.
 */
export const operatorKeyHash = (): Promise<string> => {
  const { operatorKeyHash: fromEnvironment, operatorKeyParameter } = settings();
  if (fromEnvironment) return Promise.resolve(fromEnvironment);
  if (operatorKeyParameter) return ssmOperatorKeyHash(operatorKeyParameter);
  return Promise.resolve('');
};
