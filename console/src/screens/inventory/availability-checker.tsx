import { useState } from 'preact/hooks';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner } from '../../components/feedback';
import { useRetailers } from '../../components/retailers';
import type { Account } from '../../session';
import { AvailabilityPlans } from './availability-plans';

type Location = Schemas['Location'];
type Input = Schemas['AvailabilityInput'];

interface Line {
  skuRef: string;
  qty: string;
}

/** A field the console checks itself is reported like the API's own errors. */
const fieldError = (field: string, message: string) => new ApiError(400, 'VALIDATION_FAILED', message, undefined, field);

/** Where a basket could be sourced from now: lines, a delivery point or pickup store, and the ranked plans drawn. */
export const AvailabilityChecker = ({ account, locations, locationsError }: { account: Account; locations: Location[]; locationsError?: unknown }) => {
  const retailers = useRetailers(account);
  const [retailer, setRetailer] = useState('');
  const [type, setType] = useState<Input['type']>('HD');
  const [lines, setLines] = useState<Line[]>([{ skuRef: 'SKU-001', qty: '2' }]);
  // Central London: a delivery point most demo stock is a few hundred km from at most.
  const [point, setPoint] = useState({ lat: '51.5074', lon: '-0.1278' });
  const [pickup, setPickup] = useState('');
  const [maxSplit, setMaxSplit] = useState('');
  const [checked, setChecked] = useState<{ result: Schemas['AvailabilityResult']; input: Input; round: number }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const retailerId = retailer || account.retailerId || retailers[0] || '';

  const setLine = (index: number, change: Partial<Line>) => setLines((previous) => previous.map((line, at) => (at === index ? { ...line, ...change } : line)));

  const inputOf = (): Input => {
    const number = (text: string, field: string) => {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) throw fieldError(field, `${field} must be a number`);
      return value;
    };
    return {
      retailerId: retailerId.trim(),
      type,
      lines: lines.map((line, index) => ({ skuRef: line.skuRef.trim(), qty: number(line.qty, `lines[${index}].qty`) })),
      ...(type === 'HD'
        ? { deliveryPoint: { lat: number(point.lat, 'deliveryPoint.lat'), lon: number(point.lon, 'deliveryPoint.lon') } }
        : { pickupLocationRef: pickup || locations[0]?.ref || '' }),
      ...(maxSplit.trim() ? { maxSplit: number(maxSplit, 'maxSplit') } : {}),
    };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const input = inputOf();
      const result = await unwrap(api.POST('/v1/availability', { body: input }));
      setChecked({ result, input, round: (checked?.round ?? 0) + 1 });
    } catch (failure) {
      setChecked(undefined);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const drawnPoint = checked?.input.deliveryPoint ?? locations.find((location) => location.ref === checked?.input.pickupLocationRef);

  return (
    <section class="card" aria-labelledby="availability-title">
      <h2 id="availability-title">Availability check</h2>
      <p class="muted">Plans where lines could be sourced from live stock. Reserves nothing.</p>
      <ErrorBanner error={locationsError} />
      <form onSubmit={submit} aria-labelledby="availability-title">
        <div class="form-grid">
          <div>
            <label for="availability-retailer">Retailer</label>
            <input
              id="availability-retailer"
              list="availability-retailers"
              required
              value={retailerId}
              readOnly={Boolean(account.retailerId)}
              onInput={(event) => setRetailer(event.currentTarget.value)}
            />
            <datalist id="availability-retailers">
              {retailers.map((entry) => (
                <option key={entry} value={entry} />
              ))}
            </datalist>
          </div>
          <div>
            <label for="availability-type">Delivery</label>
            <select id="availability-type" value={type} onChange={(event) => setType(event.currentTarget.value as Input['type'])}>
              <option value="HD">Home delivery (HD)</option>
              <option value="CC">Click and collect (CC)</option>
            </select>
          </div>
          {type === 'HD' ? (
            <>
              <div>
                <label for="availability-lat">Delivery latitude</label>
                <input id="availability-lat" inputMode="decimal" required value={point.lat} onInput={(event) => setPoint({ ...point, lat: event.currentTarget.value })} />
              </div>
              <div>
                <label for="availability-lon">Delivery longitude</label>
                <input id="availability-lon" inputMode="decimal" required value={point.lon} onInput={(event) => setPoint({ ...point, lon: event.currentTarget.value })} />
              </div>
            </>
          ) : (
            <div>
              <label for="availability-pickup">Pickup location</label>
              <select id="availability-pickup" value={pickup} onChange={(event) => setPickup(event.currentTarget.value)}>
                {locations.map((location) => (
                  <option key={location.ref} value={location.ref}>
                    {location.ref} {location.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label for="availability-max-split">Most locations (optional)</label>
            <input id="availability-max-split" type="number" min={1} max={10} value={maxSplit} onInput={(event) => setMaxSplit(event.currentTarget.value)} />
          </div>
        </div>
        <fieldset class="lines">
          <legend>Lines</legend>
          {lines.map((line, index) => (
            <div class="line" key={index}>
              <label for={`availability-sku-${index}`}>SKU of line {index + 1}</label>
              <input id={`availability-sku-${index}`} required value={line.skuRef} onInput={(event) => setLine(index, { skuRef: event.currentTarget.value })} />
              <label for={`availability-qty-${index}`}>Quantity of line {index + 1}</label>
              <input id={`availability-qty-${index}`} type="number" min={1} required value={line.qty} onInput={(event) => setLine(index, { qty: event.currentTarget.value })} />
              {lines.length > 1 && (
                <button type="button" class="secondary" onClick={() => setLines(lines.filter((_, at) => at !== index))}>
                  Remove line {index + 1}
                </button>
              )}
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => setLines([...lines, { skuRef: '', qty: '1' }])}>
            Add a line
          </button>
        </fieldset>
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Check availability'}
        </button>
      </form>
      {checked && (
        <AvailabilityPlans
          key={checked.round}
          result={checked.result}
          locations={locations}
          deliveryPoint={drawnPoint}
          deliveryLabel={checked.input.type === 'CC' ? 'Pickup location' : 'Delivery point'}
        />
      )}
    </section>
  );
};
