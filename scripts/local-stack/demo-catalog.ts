import { seededRandom } from '../seeded-random';

/** The demo account's catalogue: real-looking UK locations and 50 SKUs, the same on every machine. */

export interface DemoLocation {
  ref: string;
  type: 'STORE' | 'WAREHOUSE';
  name: string;
  lat: number;
  lon: number;
}

export const DEMO_RETAILER = 'demo-retail';

export const demoLocations: DemoLocation[] = [
  { ref: 'WH-MIDLANDS', type: 'WAREHOUSE', name: 'Midlands DC, Daventry', lat: 52.2565, lon: -1.1628 },
  { ref: 'WH-NORTH', type: 'WAREHOUSE', name: 'North DC, Wakefield', lat: 53.6833, lon: -1.4977 },
  { ref: 'WH-SOUTH', type: 'WAREHOUSE', name: 'South DC, Basingstoke', lat: 51.2665, lon: -1.0924 },
  { ref: 'WH-SCOTLAND', type: 'WAREHOUSE', name: 'Scotland DC, Bellshill', lat: 55.8166, lon: -4.0262 },
  { ref: 'ST-LONDON-OXF', type: 'STORE', name: 'London Oxford Street', lat: 51.5154, lon: -0.1418 },
  { ref: 'ST-LONDON-KEN', type: 'STORE', name: 'London Kensington', lat: 51.5009, lon: -0.1925 },
  { ref: 'ST-BRIGHTON', type: 'STORE', name: 'Brighton Churchill Square', lat: 50.8225, lon: -0.1437 },
  { ref: 'ST-BRISTOL', type: 'STORE', name: 'Bristol Cabot Circus', lat: 51.4584, lon: -2.5847 },
  { ref: 'ST-CARDIFF', type: 'STORE', name: 'Cardiff St David\u2019s', lat: 51.4794, lon: -3.1744 },
  { ref: 'ST-BIRMINGHAM', type: 'STORE', name: 'Birmingham Bullring', lat: 52.4777, lon: -1.8940 },
  { ref: 'ST-NOTTINGHAM', type: 'STORE', name: 'Nottingham Victoria', lat: 52.9570, lon: -1.1472 },
  { ref: 'ST-MANCHESTER', type: 'STORE', name: 'Manchester Arndale', lat: 53.4840, lon: -2.2382 },
  { ref: 'ST-LIVERPOOL', type: 'STORE', name: 'Liverpool ONE', lat: 53.4035, lon: -2.9861 },
  { ref: 'ST-LEEDS', type: 'STORE', name: 'Leeds Trinity', lat: 53.7960, lon: -1.5445 },
  { ref: 'ST-SHEFFIELD', type: 'STORE', name: 'Sheffield Meadowhall', lat: 53.4143, lon: -1.4115 },
  { ref: 'ST-NEWCASTLE', type: 'STORE', name: 'Newcastle Eldon Square', lat: 54.9757, lon: -1.6158 },
  { ref: 'ST-EDINBURGH', type: 'STORE', name: 'Edinburgh Princes Street', lat: 55.9522, lon: -3.1964 },
  { ref: 'ST-GLASGOW', type: 'STORE', name: 'Glasgow Buchanan Street', lat: 55.8614, lon: -4.2526 },
  { ref: 'ST-NORWICH', type: 'STORE', name: 'Norwich Chapelfield', lat: 52.6259, lon: 1.2906 },
  { ref: 'ST-EXETER', type: 'STORE', name: 'Exeter Princesshay', lat: 50.7236, lon: -3.5297 },
];

export const demoSkus: string[] = Array.from({ length: 50 }, (_, i) => `SKU-${String(i + 1).padStart(3, '0')}`);

/** Warehouses carry every SKU in depth; each store carries about 60% of them, a few units each. */
export const demoStock = (): { locationRef: string; skuRef: string; onHand: number; safetyStock: number }[] => {
  const random = seededRandom(42);
  return demoLocations.flatMap((location) =>
    demoSkus
      .filter(() => location.type === 'WAREHOUSE' || random() < 0.6)
      .map((skuRef) => ({
        locationRef: location.ref,
        skuRef,
        onHand: location.type === 'WAREHOUSE' ? 50 + Math.floor(random() * 150) : 2 + Math.floor(random() * 18),
        safetyStock: location.type === 'WAREHOUSE' ? 5 : 1,
      })),
  );
};
