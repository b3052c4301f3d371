import type { ScreenProps } from '../app';
import { EventList } from './events/event-list';
import { EventPage } from './events/event-page';

/** `#/events` lists the events; `#/events/<id>?retailerId=…` opens one. */
export const EventsScreen = ({ account, route }: ScreenProps) => {
  const eventId = route.segments[1];
  return eventId ? (
    <EventPage key={eventId} account={account} eventId={eventId} retailerId={route.query.get('retailerId') ?? undefined} />
  ) : (
    <EventList account={account} route={route} />
  );
};
