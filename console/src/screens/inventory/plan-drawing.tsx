import type { Schemas } from '../../api/client';
import { drawingOf, type GeoPlace } from './plan-projection';

type Location = Schemas['Location'];
type Fulfilment = Schemas['AvailabilityResult']['plans'][number]['fulfilments'][number];

const WIDTH = 600;
const MARGIN = 40;

export const formatKm = (km: number) => `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;

/**
 * The plan on a sketch of the account's locations: the delivery point, every location faintly,
 * the chosen ones marked and joined to the delivery point with their distance. No map tiles:
 * the console works without the internet. The table beside it says the same in text.
 */
export const PlanDrawing = ({
  plan,
  planNumber,
  locations,
  deliveryPoint,
  deliveryLabel,
}: {
  plan: { fulfilments: Fulfilment[] };
  planNumber: number;
  locations: Location[];
  deliveryPoint?: GeoPlace;
  /** What the point is: where the parcel goes, or the store it is collected from. */
  deliveryLabel: string;
}) => {
  const chosen = new Set(plan.fulfilments.map((fulfilment) => fulfilment.locationRef));
  const drawing = drawingOf([...locations, ...(deliveryPoint ? [deliveryPoint] : [])], WIDTH, MARGIN);
  const target = deliveryPoint && drawing.place(deliveryPoint);
  const placed = (ref: string) => {
    const location = locations.find((entry) => entry.ref === ref);
    return location && { ...drawing.place(location), location };
  };

  return (
    <svg
      class="plan-drawing"
      viewBox={`0 0 ${drawing.width} ${drawing.height}`}
      role="img"
      aria-labelledby="plan-drawing-title"
    >
      <title id="plan-drawing-title">
        Plan {planNumber}: {plan.fulfilments.map((fulfilment) => `${fulfilment.locationRef} ${formatKm(fulfilment.distanceKm)}`).join(', ')}
      </title>
      {locations
        .filter((location) => !chosen.has(location.ref))
        .map((location) => {
          const { x, y } = drawing.place(location);
          return (
            <circle key={location.ref} class="marker-other" cx={x} cy={y} r={4}>
              <title>
                {location.ref} {location.name}
              </title>
            </circle>
          );
        })}
      {target &&
        plan.fulfilments.map((fulfilment) => {
          const at = placed(fulfilment.locationRef);
          if (!at) return null;
          return (
            <g key={`route-${fulfilment.locationRef}`}>
              <line class="route" x1={target.x} y1={target.y} x2={at.x} y2={at.y} />
              <text class="route-label" x={(target.x + at.x) / 2} y={(target.y + at.y) / 2 - 4} text-anchor="middle">
                {formatKm(fulfilment.distanceKm)}
              </text>
            </g>
          );
        })}
      {plan.fulfilments.map((fulfilment) => {
        const at = placed(fulfilment.locationRef);
        if (!at) return null;
        return (
          <g key={fulfilment.locationRef} class="marker-chosen" data-testid="chosen-location">
            <circle cx={at.x} cy={at.y} r={8} />
            <text x={at.x + 11} y={at.y + 4}>
              {fulfilment.locationRef}
            </text>
            <title>
              {fulfilment.locationRef} {at.location.name}, {formatKm(fulfilment.distanceKm)}
            </title>
          </g>
        );
      })}
      {target && (
        <g class="marker-delivery">
          <rect x={target.x - 9} y={target.y - 9} width={18} height={18} transform={`rotate(45 ${target.x} ${target.y})`} />
          <text x={target.x + 11} y={target.y + 18}>
            {deliveryLabel}
          </text>
        </g>
      )}
    </svg>
  );
};
