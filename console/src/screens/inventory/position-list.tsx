import { useEffect, useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Table } from '../../components/page';
import { href, navigate } from '../../router';

type Position = Schemas['InventoryPosition'];
type Location = Schemas['Location'];

const COUNTS = ['onHand', 'reserved', 'safetyStock', 'available'] as const;

/** Positions grouped by SKU; a SKU held at several of the listed locations is followed by its totals. */
const bySku = (positions: Position[]) => {
  const groups = new Map<string, Position[]>();
  for (const position of [...positions].sort((a, b) => a.skuRef.localeCompare(b.skuRef) || a.locationRef.localeCompare(b.locationRef))) {
    groups.set(position.skuRef, [...(groups.get(position.skuRef) ?? []), position]);
  }
  return [...groups].map(([skuRef, rows]) => ({
    skuRef,
    rows,
    total: Object.fromEntries(COUNTS.map((count) => [count, rows.reduce((sum, row) => sum + row[count], 0)])) as Record<(typeof COUNTS)[number], number>,
  }));
};

const PositionRows = ({ positions, locations }: { positions: Position[]; locations: Location[] }) => {
  const nameOf = (ref: string) => locations.find((location) => location.ref === ref)?.name;
  return (
    <Table caption="Inventory positions">
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Location</th>
          <th scope="col" class="number">On hand</th>
          <th scope="col" class="number">Reserved</th>
          <th scope="col" class="number">Safety stock</th>
          <th scope="col" class="number">Available</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      {bySku(positions).map((group) => (
        <tbody key={group.skuRef}>
          {group.rows.map((position) => (
            <tr key={position.locationRef}>
              <td>
                <a href={href('inventory', { skuRef: position.skuRef })}>{position.skuRef}</a>
              </td>
              <td>
                <a href={href('inventory', { locationRef: position.locationRef })}>{position.locationRef}</a>
                {nameOf(position.locationRef) && <span class="muted"> {nameOf(position.locationRef)}</span>}
              </td>
              {COUNTS.map((count) => (
                <td key={count} class="number">
                  {position[count]}
                </td>
              ))}
              <td>{formatTime(position.updatedOn)}</td>
            </tr>
          ))}
          {group.rows.length > 1 && (
            <tr class="total-row">
              <th scope="row" colSpan={2}>
                Total {group.skuRef} ({group.rows.length} locations)
              </th>
              {COUNTS.map((count) => (
                <td key={count} class="number">
                  {group.total[count]}
                </td>
              ))}
              <td />
            </tr>
          )}
        </tbody>
      ))}
    </Table>
  );
};

/** Stock of one SKU across locations, or of one location across SKUs. */
export const PositionList = ({ skuRef, locationRef, locations }: { skuRef: string; locationRef: string; locations: Location[] }) => {
  const [sku, setSku] = useState(skuRef);
  const [location, setLocation] = useState(locationRef);
  // A link to another SKU or location changes the route: the form shows what is listed.
  useEffect(() => {
    setSku(skuRef);
    setLocation(locationRef);
  }, [skuRef, locationRef]);
  const asked = skuRef !== '' || locationRef !== '';
  const { data, error, loading } = useLoad(
    () =>
      asked
        ? unwrap(api.GET('/v1/inventory', { params: { query: { ...(skuRef ? { skuRef } : {}), ...(locationRef ? { locationRef } : {}) } } })).then(
            (answer) => answer.items,
          )
        : Promise.resolve(undefined),
    [skuRef, locationRef],
  );

  return (
    <section class="card" aria-labelledby="positions-title">
      <h2 id="positions-title">Stock positions</h2>
      <form
        class="filters"
        role="search"
        aria-label="Find stock positions"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href('inventory', { skuRef: sku.trim(), locationRef: location.trim() }));
        }}
      >
        <div>
          <label for="position-sku">SKU</label>
          <input id="position-sku" value={sku} placeholder="e.g. SKU-001" onInput={(event) => setSku(event.currentTarget.value)} />
        </div>
        <div>
          <label for="position-location">Location</label>
          <input id="position-location" list="position-locations" value={location} onInput={(event) => setLocation(event.currentTarget.value)} />
          <datalist id="position-locations">
            {locations.map((entry) => (
              <option key={entry.ref} value={entry.ref}>
                {entry.name}
              </option>
            ))}
          </datalist>
        </div>
        <button type="submit" disabled={sku.trim() === '' && location.trim() === ''}>
          Show stock
        </button>
      </form>
      {!asked && <p class="muted">Name a SKU to see it across locations, or a location to see its SKUs.</p>}
      <ErrorBanner error={error} />
      {asked && loading && <Loading what="stock positions" />}
      {asked && !loading && data && data.length === 0 && <p>No stock positions for {skuRef || locationRef}.</p>}
      {asked && !loading && data && data.length > 0 && <PositionRows positions={data} locations={locations} />}
    </section>
  );
};
