import { distancesFrom } from '../../../../shared/domain/sourcing/distance';
import { distanceKm } from '../../../../shared/domain/sourcing/sourcing';

describe('distanceKm', () => {
  it('measures London to Manchester as about 262 km, within 1%', () => {
    // Prepare
    const london = { lat: 51.5074, lon: -0.1278 };
    const manchester = { lat: 53.4808, lon: -2.2426 };

    // Act
    const km = distanceKm(london, manchester);

    // Assess
    expect(Math.abs(km - 262) / 262).toBeLessThan(0.01);
  });

  it('measures one degree along the equator as 2π × 6371 km / 360', () => {
    // Act
    const km = distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 });

    // Assess
    expect(km).toBeCloseTo((2 * Math.PI * 6371) / 360, 6);
  });

  it('is zero from a point to itself and the same in both directions', () => {
    // Prepare
    const paris = { lat: 48.8566, lon: 2.3522 };
    const madrid = { lat: 40.4168, lon: -3.7038 };

    // Act
    const there = distanceKm(paris, madrid);
    const back = distanceKm(madrid, paris);

    // Assess
    expect(distanceKm(paris, paris)).toBe(0);
    expect(there).toBeCloseTo(back, 9);
  });

  it('measures antipodes as half the circumference', () => {
    // Act
    const km = distanceKm({ lat: 10, lon: 20 }, { lat: -10, lon: -160 });

    // Assess
    expect(km).toBeCloseTo(Math.PI * 6371, 3);
  });
});

describe('distancesFrom', () => {
  it('measures every point from one origin exactly as distanceKm does', () => {
    // Prepare
    const london = { lat: 51.5074, lon: -0.1278 };
    const points = [
      { lat: 53.4808, lon: -2.2426 },
      { lat: 48.8566, lon: 2.3522 },
      { lat: -33.8688, lon: 151.2093 },
      { lat: 51.5074, lon: -0.1278 },
    ];

    // Act
    const fromLondon = distancesFrom(london);

    // Assess
    expect(points.map(fromLondon)).toEqual(points.map((point) => distanceKm(london, point)));
  });
});
