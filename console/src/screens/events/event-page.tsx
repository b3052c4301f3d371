import { useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page } from '../../components/page';
import { href } from '../../router';
import { may, type Account } from '../../session';
import { AuditTrail } from './audit-trail';
import { RootLink } from './event-list';
import { EventRetry, RetryOutcome } from './event-retry';

/** One event: what it was, how it ended, its attributes, its audit trail, and a retry when it failed or is stuck. */
export const EventPage = ({ account, eventId, retailerId }: { account: Account; eventId: string; retailerId?: string }) => {
  const [round, setRound] = useState(0);
  const [retried, setRetried] = useState<Schemas['EventView']>();
  const { data: event, error, loading } = useLoad(
    () => unwrap(api.GET('/v1/events/{eventId}', { params: { path: { eventId }, query: { retailerId } } })),
    [eventId, retailerId, round],
  );
  const retriable = event && (event.status === 'FAILED' || event.stuck === true);

  return (
    <Page title={event ? `Event ${event.name}` : 'Event'} actions={<a href={href('events')}>All events</a>}>
      <ErrorBanner error={error} />
      {loading && !event && <Loading what="the event" />}
      {event && (
        <>
          <div class="grid">
            <section class="card" aria-labelledby="event-title">
              <h2 id="event-title">Event</h2>
              <dl class="facts">
                <dt>Id</dt>
                <dd>
                  <code>{event.eventId}</code>
                </dd>
                <dt>Status</dt>
                <dd data-testid="event-status">
                  <StatusBadge status={event.status} />
                  {event.stuck && (
                    <>
                      {' '}
                      <StatusBadge status="STUCK" /> <span class="muted">since {formatTime(event.stuckSince)}</span>
                    </>
                  )}
                </dd>
                <dt>Entity</dt>
                <dd>
                  {event.entityType} {event.entityRef}
                  {event.entitySubtype && <span class="muted"> ({event.entitySubtype})</span>}
                </dd>
                <dt>Root</dt>
                <dd>
                  <RootLink event={event} />
                </dd>
                <dt>Retailer</dt>
                <dd>{event.retailerId}</dd>
                <dt>Source</dt>
                <dd>{event.source ?? '—'}</dd>
                <dt>Received</dt>
                <dd>{formatTime(event.receivedOn)}</dd>
                <dt>Processed</dt>
                <dd>{formatTime(event.processedOn)}</dd>
                <dt>Attempts</dt>
                <dd>{event.attempts}</dd>
                {event.redrivenOn && (
                  <>
                    <dt>Last re-driven</dt>
                    <dd>{formatTime(event.redrivenOn)}</dd>
                  </>
                )}
              </dl>
            </section>
            <section class="card" aria-labelledby="outcome-title">
              <h2 id="outcome-title">Outcome</h2>
              {!event.error && !event.lastError && <p class="muted">No error.</p>}
              {event.error && (
                <p role="note">
                  <strong>Error</strong> <code>{event.error.code}</code> {event.error.message}
                </p>
              )}
              {event.lastError && (
                <p role="note">
                  <strong>Last error</strong> <code>{event.lastError.code}</code> {event.lastError.message}{' '}
                  <span class="muted">at {formatTime(event.lastError.at)}</span>
                  {event.failedAttempts && <span class="muted"> ({event.failedAttempts} failed runs)</span>}
                </p>
              )}
              {retried && <RetryOutcome outcome={retried} />}
              {retriable && may(account, 'EVENT_CREATE') && (
                <EventRetry
                  event={event}
                  onOutcome={(outcome) => {
                    setRetried(outcome);
                    setRound((n) => n + 1);
                  }}
                />
              )}
            </section>
          </div>
          <section class="card" aria-labelledby="attributes-title">
            <h2 id="attributes-title">Attributes</h2>
            <pre tabIndex={0} aria-labelledby="attributes-title">
              {JSON.stringify(event.attributes ?? {}, null, 2)}
            </pre>
          </section>
          <section class="card" aria-labelledby="audit-title">
            <h2 id="audit-title">Audit trail</h2>
            <AuditTrail records={event.audit ?? []} />
          </section>
        </>
      )}
    </Page>
  );
};
