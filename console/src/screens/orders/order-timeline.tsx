import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { href } from '../../router';
import { AuditTrail } from '../events/audit-trail';

type EventView = Schemas['EventView'];

/** The most events the timeline reads; past it the events screen lists the rest. */
const TIMELINE_LIMIT = 100;

/**
 * The order's history from its audit log: every event on the order or its fulfilments, oldest
 * first, with what each did. `round` changes when the page posts an event, to read it again.
 */
export const OrderTimeline = ({ orderRef, retailerId, round }: { orderRef: string; retailerId: string; round: number }) => {
  const { data, error, loading } = useLoad(
    () => unwrap(api.GET('/v1/events', { params: { query: { rootEntityRef: orderRef, include: 'audit', limit: TIMELINE_LIMIT } } })),
    [orderRef, round],
  );
  // Refs are unique per retailer: an account-wide key also sees another retailer's order of this ref.
  const events: EventView[] = (data?.items ?? []).filter((event) => event.retailerId === retailerId).reverse();

  return (
    <section class="card order-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ErrorBanner error={error} />
      {loading && !data && <Loading what="the timeline" />}
      {data?.cursor && (
        <p class="muted">
          The latest {TIMELINE_LIMIT} events. <a href={href('events', { rootEntityRef: orderRef })}>All events of this order</a>
        </p>
      )}
      {data && events.length === 0 && <p class="empty">No events yet.</p>}
      {events.length > 0 && (
        <ol class="timeline" aria-label={`Events of order ${orderRef}, oldest first`}>
          {events.map((event) => (
            <li key={event.eventId}>
              <div class="timeline-head">
                <a href={href('events', event.eventId, { retailerId: event.retailerId })}>{event.name}</a>{' '}
                <span class="muted">
                  on {event.entityType} {event.entityRef}
                </span>{' '}
                <StatusBadge status={event.status} />
                {event.stuck && (
                  <>
                    {' '}
                    <StatusBadge status="STUCK" />
                  </>
                )}{' '}
                <time class="muted" dateTime={event.receivedOn}>
                  {formatTime(event.receivedOn)}
                </time>
              </div>
              {event.error && (
                <p class="timeline-error">
                  <code>{event.error.code}</code> {event.error.message}
                </p>
              )}
              <AuditTrail records={event.audit ?? []} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
