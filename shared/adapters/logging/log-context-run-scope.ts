import type { RunScope } from '../../ports/run-scope';
import { withLogContext } from '../../runtime/log-context';

/** Adds to the log context of the work in progress (a request, a queue record, a stream batch). */
export const logContextRunScope: RunScope = {
  ofEvent: (eventId, run) => withLogContext({ eventId }, run),
  ofChange: ({ correlationId }, run) => withLogContext({ correlationId }, run),
};
