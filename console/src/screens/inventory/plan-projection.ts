/**
 * Places points given by latitude and longitude on a flat drawing, north up. An equirectangular
 * projection scaled by the cosine of the middle latitude: over a country it keeps distances and
 * shapes close enough to read a sourcing plan, with no map tiles to fetch.
 */
export interface GeoPlace {
  lat: number;
  lon: number;
}

export interface Drawing {
  width: number;
  height: number;
  /** Where a place lands in the drawing, in its units (y grows downwards, as in SVG). */
  place: (point: GeoPlace) => { x: number; y: number };
}

/** A drawing `width` wide, as high as the points' extent needs, with `margin` around them. */
export const drawingOf = (points: GeoPlace[], width: number, margin: number): Drawing => {
  const lats = points.map((point) => point.lat);
  const lons = points.map((point) => point.lon);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const squeeze = Math.cos((((north + south) / 2) * Math.PI) / 180);
  // One point, or points on a line, still get a drawing of some size.
  const spanX = Math.max((east - west) * squeeze, 0.01);
  const spanY = Math.max(north - south, 0.01);
  const scale = (width - 2 * margin) / Math.max(spanX, spanY);
  const height = Math.round(spanY * scale + 2 * margin);
  const offsetX = (width - 2 * margin - spanX * scale) / 2;
  return {
    width,
    height,
    place: ({ lat, lon }) => ({
      x: margin + offsetX + (lon - west) * squeeze * scale,
      y: margin + (north - lat) * scale,
    }),
  };
};
