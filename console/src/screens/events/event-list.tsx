import { useEffect, useState } from 'preact/hooks';
import type { ScreenProps } from '../../app';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading, StatusBadge } from '../../components/feedback';
import { Page, Table } from '../../components/page';
import { usePages } from '../../components/pages';
import { href, navigate } from '../../router';

type EventView = Schemas['EventView'];
type EventStatus = Schemas['EventStatus'];

/** The statuses the list filters on, the ones operators look for first. */
const EVENT_STATUSES: EventStatus[] = ['FAILED', 'STUCK', 'NO_MATCH', 'PENDING', 'SUCCESS', 'SCHEDULED', 'DUPLICATE'];

interface EventFilters {
  status: string;
  rootEntityRef: string;
  entityRef: string;
  /** `datetime-local` values, in the browser's time zone. */
  from: string;
  to: string;
}

const filtersOf = (query: URLSearchParams): EventFilters => ({
  status: query.get('status') ?? '',
  rootEntityRef: query.get('rootEntityRef') ?? '',
  entityRef: query.get('entityRef') ?? '',
  from: query.get('from') ?? '',
  to: query.get('to') ?? '',
});

const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

const loadEvents = (filters: EventFilters, cursor?: string) =>
  unwrap(
    api.GET('/v1/events', {
      params: {
        query: {
          status: EVENT_STATUSES.find((status) => status === filters.status),
          rootEntityRef: filters.rootEntityRef || undefined,
          entityRef: filters.entityRef || undefined,
          from: instant(filters.from),
          to: instant(filters.to),
          cursor,
        },
      },
    }),
  );

const Filters = ({ initial }: { initial: EventFilters }) => {
  const [filters, setFilters] = useState(initial);
  useEffect(() => setFilters(initial), [Object.values(initial).join('|')]);
  const set = (field: keyof EventFilters) => (event: Event) =>
    setFilters({ ...filters, [field]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const text = (field: 'rootEntityRef' | 'entityRef', label: string) => (
    <div>
      <label for={`event-${field}`}>{label}</label>
      <input id={`event-${field}`} type="search" value={filters[field]} onInput={set(field)} spellcheck={false} autoComplete="off" />
    </div>
  );
  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter events"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(href('events', { ...filters, rootEntityRef: filters.rootEntityRef.trim(), entityRef: filters.entityRef.trim() }));
      }}
    >
      <div>
        <label for="event-status">Status</label>
        <select id="event-status" value={filters.status} onChange={set('status')}>
          <option value="">Any status</option>
          {EVENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      {text('rootEntityRef', 'Root ref (order)')}
      {text('entityRef', 'Entity ref')}
      <div>
        <label for="event-from">Received from</label>
        <input id="event-from" type="datetime-local" value={filters.from} onInput={set('from')} />
      </div>
      <div>
        <label for="event-to">Received to</label>
        <input id="event-to" type="datetime-local" value={filters.to} onInput={set('to')} />
      </div>
      <button type="submit">Search</button>
      <a href={href('events')}>Clear</a>
    </form>
  );
};

/** A link to the root entity: the order page for an order, else the events of that root. */
export const RootLink = ({ event }: { event: Pick<EventView, 'rootEntityType' | 'rootEntityRef' | 'retailerId'> }) =>
  event.rootEntityType === 'ORDER' ? (
    <a href={href('orders', event.rootEntityRef, { retailerId: event.retailerId })}>Order {event.rootEntityRef}</a>
  ) : (
    <a href={href('events', { rootEntityRef: event.rootEntityRef })}>
      {event.rootEntityType} {event.rootEntityRef}
    </a>
  );

const EventRows = ({ events }: { events: EventView[] }) => (
  <Table caption="Events">
    <thead>
      <tr>
        <th scope="col">Received</th>
        <th scope="col">Event</th>
        <th scope="col">Status</th>
        <th scope="col">Entity</th>
        <th scope="col">Retailer</th>
        <th scope="col" class="number">
          Attempts
        </th>
      </tr>
    </thead>
    <tbody>
      {events.map((event) => (
        <tr key={`${event.retailerId}/${event.eventId}`}>
          <td>{formatTime(event.receivedOn)}</td>
          <td>
            <a href={href('events', event.eventId, { retailerId: event.retailerId })}>{event.name}</a>
            <div class="muted">
              <code>{event.eventId}</code>
            </div>
          </td>
          <td>
            <StatusBadge status={event.status} />
            {event.stuck && (
              <>
                {' '}
                <StatusBadge status="STUCK" />
              </>
            )}
            {event.error && <div class="muted">{event.error.code}</div>}
          </td>
          <td>
            {event.entityType === event.rootEntityType && event.entityRef === event.rootEntityRef ? (
              <RootLink event={event} />
            ) : (
              <>
                {event.entityType} {event.entityRef}
                <div class="muted">
                  of <RootLink event={event} />
                </div>
              </>
            )}
          </td>
          <td>{event.retailerId}</td>
          <td class="number">{event.attempts}</td>
        </tr>
      ))}
    </tbody>
  </Table>
);

/** Events, newest first, filtered by the hash query: the place to find what failed, matched nothing or is stuck. */
export const EventList = ({ route }: ScreenProps) => {
  const filters = filtersOf(route.query);
  const pages = usePages((cursor) => loadEvents(filters, cursor), Object.values(filters));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Page title="Events">
      <Filters initial={filters} />
      <ErrorBanner error={pages.error} />
      {pages.items.length > 0 && <EventRows events={pages.items} />}
      {pages.loading && <Loading what="events" />}
      {!pages.loading && !pages.error && pages.items.length === 0 && (
        <p class="empty">{filtered ? 'No events match these filters.' : 'No events yet.'}</p>
      )}
      {pages.more && !pages.loading && (
        <p>
          <button type="button" class="secondary" onClick={pages.loadMore}>
            Load more
          </button>
        </p>
      )}
    </Page>
  );
};
