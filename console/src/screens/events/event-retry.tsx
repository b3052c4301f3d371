import { useEffect, useRef, useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, StatusBadge } from '../../components/feedback';

type EventView = Schemas['EventView'];

/** How often and how long the page watches a re-driven event for its new outcome. */
const WATCH_EVERY_MS = 1_000;
const WATCH_FOR_MS = 90_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Re-drives a FAILED or stuck event (POST …/retry queues it again under the same id), then
 * watches it until it leaves PENDING and hands the event as it now stands to `onOutcome`.
 */
export const EventRetry = ({ event, onOutcome }: { event: EventView; onOutcome: (outcome: EventView) => void }) => {
  const [state, setState] = useState<{ phase: 'idle' | 'queued'; error?: unknown }>({ phase: 'idle' });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const retry = async () => {
    const where = { params: { path: { eventId: event.eventId }, query: { retailerId: event.retailerId } } };
    try {
      setState({ phase: 'queued' });
      await unwrap(api.POST('/v1/events/{eventId}/retry', where));
      const until = Date.now() + WATCH_FOR_MS;
      let latest: EventView | undefined;
      while (mounted.current && Date.now() < until) {
        await pause(WATCH_EVERY_MS);
        latest = await unwrap(api.GET('/v1/events/{eventId}', where));
        // A FAILED event keeps its record until the queued run ends: wait for a new outcome or one more attempt.
        if (latest.status !== 'PENDING' && (latest.status !== event.status || latest.attempts > event.attempts)) break;
      }
      if (!mounted.current || !latest) return;
      setState({ phase: 'idle' });
      onOutcome(latest);
    } catch (error) {
      if (mounted.current) setState({ phase: 'idle', error });
    }
  };

  return (
    <div class="event-retry">
      <button type="button" disabled={state.phase === 'queued'} onClick={() => void retry()}>
        {state.phase === 'queued' ? 'Retrying…' : 'Retry'}
      </button>
      <ErrorBanner error={state.error} />
      {state.phase === 'queued' && (
        <p class="muted" role="status">
          Queued again; waiting for the outcome…
        </p>
      )}
    </div>
  );
};

/** What the last retry came to, kept on the page after the event reloads. */
export const RetryOutcome = ({ outcome }: { outcome: EventView }) => (
  <p class={`banner ${outcome.status === 'SUCCESS' ? 'banner-info' : 'banner-error'}`} role="status">
    Retried: the event is now <StatusBadge status={outcome.status} />
    {outcome.stuck && (
      <>
        {' '}
        <StatusBadge status="STUCK" />
      </>
    )}
    {outcome.error && (
      <>
        {' '}
        <code>{outcome.error.code}</code> {outcome.error.message}
      </>
    )}
  </p>
);
