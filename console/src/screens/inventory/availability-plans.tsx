import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { Table } from '../../components/page';
import { formatKm, PlanDrawing } from './plan-drawing';
import type { GeoPlace } from './plan-projection';

type Result = Schemas['AvailabilityResult'];
type Location = Schemas['Location'];

/** The ranked plans; the one chosen (the first, unless the user picks another) is drawn and tabled. */
export const AvailabilityPlans = ({
  result,
  locations,
  deliveryPoint,
  deliveryLabel,
}: {
  result: Result;
  locations: Location[];
  deliveryPoint?: GeoPlace;
  deliveryLabel: string;
}) => {
  const [chosen, setChosen] = useState(0);
  const plan = result.plans[chosen] ?? result.plans[0];
  const nameOf = (ref: string) => locations.find((location) => location.ref === ref)?.name ?? '';

  return (
    <div class="availability-result" aria-live="polite">
      <p>
        {result.available ? (
          <strong class="good">Available: a complete plan exists.</strong>
        ) : (
          <strong class="bad">Not available{result.plans.length ? ': the best partial plan is shown.' : ': nothing is in stock.'}</strong>
        )}
      </p>
      {result.shortfalls.length > 0 && (
        <Table caption="Shortfalls">
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col" class="number">Requested</th>
              <th scope="col" class="number">Available</th>
            </tr>
          </thead>
          <tbody>
            {result.shortfalls.map((shortfall) => (
              <tr key={shortfall.skuRef}>
                <td>{shortfall.skuRef}</td>
                <td class="number">{shortfall.requested}</td>
                <td class="number">{shortfall.available}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {result.plans.length > 1 && (
        <fieldset class="plan-choice">
          <legend>Plans, best first</legend>
          {result.plans.map((entry, index) => (
            <label key={index}>
              <input type="radio" name="plan" checked={index === chosen} onChange={() => setChosen(index)} />
              Plan {index + 1}: {entry.splitCount} location{entry.splitCount === 1 ? '' : 's'}, {formatKm(entry.totalDistanceKm)}
            </label>
          ))}
        </fieldset>
      )}
      {plan && (
        <div class="plan">
          <h3>
            Plan {chosen + 1}: {plan.splitCount} location{plan.splitCount === 1 ? '' : 's'}, {formatKm(plan.totalDistanceKm)} in all
          </h3>
          <div class="plan-layout">
            <figure class="plan-figure">
              <PlanDrawing plan={plan} planNumber={chosen + 1} locations={locations} deliveryPoint={deliveryPoint} deliveryLabel={deliveryLabel} />
              <figcaption class="muted">
                <span class="key key-delivery" aria-hidden="true" /> {deliveryLabel.toLowerCase()} · <span class="key key-chosen" aria-hidden="true" /> chosen location ·{' '}
                <span class="key key-other" aria-hidden="true" /> other location
              </figcaption>
            </figure>
            <Table caption={`Plan ${chosen + 1} locations and distances`}>
              <thead>
                <tr>
                  <th scope="col">Location</th>
                  <th scope="col" class="number">Distance</th>
                  <th scope="col">Lines</th>
                </tr>
              </thead>
              <tbody>
                {plan.fulfilments.map((fulfilment) => (
                  <tr key={fulfilment.locationRef}>
                    <td>
                      {fulfilment.locationRef} <span class="muted">{nameOf(fulfilment.locationRef)}</span>
                    </td>
                    <td class="number">{formatKm(fulfilment.distanceKm)}</td>
                    <td class="wrap">{fulfilment.lines.map((line) => `${line.qty} × ${line.skuRef}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </div>
      )}
    </div>
  );
};
