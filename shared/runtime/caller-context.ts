import { addToLogContext } from './log-context';
import { annotateAccount } from './tracer';

/** Once a request is authenticated, every line it logs names the account, the retailer and the key (its id, never the secret). */
export const identifyCaller = ({ accountId, retailerId, keyId }: { accountId: string; retailerId?: string; keyId: string }): void => {
  addToLogContext({ accountId, retailerId, keyId });
  annotateAccount(accountId);
};
