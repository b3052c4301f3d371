import { drawingOf } from '../../../console/src/screens/inventory/plan-projection';

const london = { lat: 51.5074, lon: -0.1278 };
const glasgow = { lat: 55.8614, lon: -4.2526 };
const norwich = { lat: 52.6259, lon: 1.2906 };
const exeter = { lat: 50.7236, lon: -3.5297 };

describe('the drawing of a sourcing plan', () => {
  it('puts every place inside the drawing, clear of its margin', () => {
    // Act
    const drawing = drawingOf([london, glasgow, norwich, exeter], 600, 40);

    // Assess
    for (const place of [london, glasgow, norwich, exeter].map(drawing.place)) {
      expect(place.x).toBeGreaterThanOrEqual(40);
      expect(place.x).toBeLessThanOrEqual(560);
      expect(place.y).toBeGreaterThanOrEqual(40);
      expect(place.y).toBeLessThanOrEqual(drawing.height - 40);
    }
  });

  it('draws north up and east to the right', () => {
    // Act
    const drawing = drawingOf([london, glasgow, norwich], 600, 40);

    // Assess
    expect(drawing.place(glasgow).y).toBeLessThan(drawing.place(london).y);
    expect(drawing.place(norwich).x).toBeGreaterThan(drawing.place(london).x);
  });

  it('keeps a degree of longitude shorter than a degree of latitude away from the equator', () => {
    // Prepare
    const east = { lat: 52, lon: 1 };
    const north = { lat: 53, lon: 0 };
    const origin = { lat: 52, lon: 0 };

    // Act
    const drawing = drawingOf([origin, east, north], 600, 40);

    // Assess
    const eastward = drawing.place(east).x - drawing.place(origin).x;
    const northward = drawing.place(origin).y - drawing.place(north).y;
    expect(eastward / northward).toBeCloseTo(Math.cos((52.5 * Math.PI) / 180), 5);
  });

  it('gives a single place a drawing of its own size with the place inside', () => {
    // Act
    const drawing = drawingOf([london], 600, 40);

    // Assess
    const { x, y } = drawing.place(london);
    expect(drawing.height).toBeGreaterThan(80);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(600);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(drawing.height);
  });
});
