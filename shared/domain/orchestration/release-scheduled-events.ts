import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { AccountOrchestration } from './account-orchestration';

const PAGE = 100;

/**
 * Moves every due scheduled event of every account onto the queue. A record is removed
 * only after it was enqueued; if the sweep dies in between, the next sweep enqueues it
 * again and the engine reports the second run as a DUPLICATE.
 */
export const releaseScheduledEvents = async (deps: {
  controlPlane: ControlPlaneStore;
  orchestrationFor: (accountId: string) => AccountOrchestration;
  now: () => Date;
  onAccountError?: (accountId: string, error: unknown) => void;
}): Promise<{ released: number; accounts: number }> => {
  let released = 0;
  const accountIds = await deps.controlPlane.listAccountIds();
  for (const accountId of accountIds) {
    const account = deps.orchestrationFor(accountId);
    try {
      for (;;) {
        const due = await account.scheduled.due(deps.now().toISOString(), PAGE);
        for (const record of due) {
          await account.queue.enqueue({ accountId, event: { ...record.event, source: 'SCHEDULE' } });
        }
        await account.scheduled.remove(due);
        released += due.length;
        if (due.length < PAGE) break;
      }
    } catch (error) {
      // One account's trouble (a table still being created) must not hold up the others.
      deps.onAccountError?.(accountId, error);
    }
  }
  return { released, accounts: accountIds.length };
};
