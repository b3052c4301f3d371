import { api, unwrap } from '../api/client';
import type { ScreenProps } from '../app';
import { useLoad } from '../components/load';
import { Page } from '../components/page';
import { AvailabilityChecker } from './inventory/availability-checker';
import { PositionList } from './inventory/position-list';

/** `#/inventory?skuRef=` or `?locationRef=`: stock positions, and where an order could be sourced from. */
export const InventoryScreen = ({ account, route }: ScreenProps) => {
  // Both halves name locations and the checker draws them: one read of the account's locations.
  const locations = useLoad(() => unwrap(api.GET('/v1/locations')).then((answer) => answer.items), []);
  return (
    <Page title="Inventory">
      <PositionList
        skuRef={route.query.get('skuRef') ?? ''}
        locationRef={route.query.get('locationRef') ?? ''}
        locations={locations.data ?? []}
      />
      <AvailabilityChecker account={account} locations={locations.data ?? []} locationsError={locations.error} />
    </Page>
  );
};
