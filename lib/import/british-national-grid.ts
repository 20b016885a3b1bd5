// British National Grid (EPSG:27700) ↔ WGS84 longitude/latitude, by the formulae of Ordnance
// Survey's "A guide to coordinate systems in Great Britain": the transverse Mercator projection
// on the Airy 1830 ellipsoid (OSGB36 datum), then a seven-parameter Helmert transformation
// between OSGB36 and WGS84. The projection is exact to about a millimetre; the Helmert step is
// the OS's published approximation, good to a few metres across Great Britain (OSTN15, which
// needs a 15 MB grid file, would be good to centimetres). Boundaries simplified to ~1 m on a
// web map cannot tell the difference.

interface Ellipsoid {
  a: number;
  b: number;
}

const AIRY_1830: Ellipsoid = { a: 6377563.396, b: 6356256.909 };
const WGS84: Ellipsoid = { a: 6378137.0, b: 6356752.314245 };

const DEGREE = Math.PI / 180;
const ARC_SECOND = DEGREE / 3600;

/** The National Grid: true origin 49°N 2°W, false origin 400 km west and 100 km north of it. */
const F0 = 0.9996012717;
const PHI0 = 49 * DEGREE;
const LAMBDA0 = -2 * DEGREE;
const E0 = 400000;
const N0 = -100000;

/**
 * OSGB36 → WGS84 (the OS's WGS84 → OSGB36 parameters with their signs reversed):
 * translations in metres, scale in parts per million, rotations in arc seconds.
 */
const OSGB36_TO_WGS84 = { tx: 446.448, ty: -125.157, tz: 542.06, s: -20.4894, rx: 0.1502, ry: 0.247, rz: 0.8421 };

function eccentricitySquared({ a, b }: Ellipsoid): number {
  return (a * a - b * b) / (a * a);
}

/** Developed meridional arc M from the true origin's latitude to φ (OS guide, formula C3). */
function meridionalArc(phi: number, { a, b }: Ellipsoid): number {
  const n = (a - b) / (a + b);
  const n2 = n * n;
  const n3 = n2 * n;
  const d = phi - PHI0;
  const s = phi + PHI0;
  return (
    b *
    F0 *
    ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * d -
      (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(d) * Math.cos(s) +
      ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * d) * Math.cos(2 * s) -
      (35 / 24) * n3 * Math.sin(3 * d) * Math.cos(3 * s))
  );
}

/** Grid easting/northing (metres) → OSGB36 latitude/longitude in degrees (OS guide, C.2). */
export function gridToOsgb36(easting: number, northing: number): { lat: number; lon: number } {
  const { a } = AIRY_1830;
  const e2 = eccentricitySquared(AIRY_1830);
  let phi = (northing - N0) / (a * F0) + PHI0;
  let m = meridionalArc(phi, AIRY_1830);
  // Iterate until the arc matches the northing to 0.01 mm.
  for (let i = 0; i < 100 && Math.abs(northing - N0 - m) >= 0.00001; i++) {
    phi += (northing - N0 - m) / (a * F0);
    m = meridionalArc(phi, AIRY_1830);
  }
  const sin = Math.sin(phi);
  const cos = Math.cos(phi);
  const tan = Math.tan(phi);
  const tan2 = tan * tan;
  const tan4 = tan2 * tan2;
  const tan6 = tan4 * tan2;
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * F0 * (1 - e2)) / Math.pow(1 - e2 * sin * sin, 1.5);
  const eta2 = nu / rho - 1;
  const sec = 1 / cos;
  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * tan2 + 45 * tan4);
  const X = sec / nu;
  const XI = (sec / (6 * nu ** 3)) * (nu / rho + 2 * tan2);
  const XII = (sec / (120 * nu ** 5)) * (5 + 28 * tan2 + 24 * tan4);
  const XIIA = (sec / (5040 * nu ** 7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6);
  const dE = easting - E0;
  const lat = phi - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6;
  const lon = LAMBDA0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7;
  return { lat: lat / DEGREE, lon: lon / DEGREE };
}

/** OSGB36 latitude/longitude in degrees → grid easting/northing (OS guide, C.1). */
export function osgb36ToGrid(lat: number, lon: number): { easting: number; northing: number } {
  const { a } = AIRY_1830;
  const e2 = eccentricitySquared(AIRY_1830);
  const phi = lat * DEGREE;
  const sin = Math.sin(phi);
  const cos = Math.cos(phi);
  const tan2 = Math.tan(phi) ** 2;
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * F0 * (1 - e2)) / Math.pow(1 - e2 * sin * sin, 1.5);
  const eta2 = nu / rho - 1;
  const I = meridionalArc(phi, AIRY_1830) + N0;
  const II = (nu / 2) * sin * cos;
  const III = (nu / 24) * sin * cos ** 3 * (5 - tan2 + 9 * eta2);
  const IIIA = (nu / 720) * sin * cos ** 5 * (61 - 58 * tan2 + tan2 * tan2);
  const IV = nu * cos;
  const V = (nu / 6) * cos ** 3 * (nu / rho - tan2);
  const VI = (nu / 120) * cos ** 5 * (5 - 18 * tan2 + tan2 * tan2 + 14 * eta2 - 58 * tan2 * eta2);
  const dL = lon * DEGREE - LAMBDA0;
  return {
    northing: I + II * dL ** 2 + III * dL ** 4 + IIIA * dL ** 6,
    easting: E0 + IV * dL + V * dL ** 3 + VI * dL ** 5,
  };
}

type Cartesian = [x: number, y: number, z: number];

function toCartesian(lat: number, lon: number, ellipsoid: Ellipsoid): Cartesian {
  const e2 = eccentricitySquared(ellipsoid);
  const phi = lat * DEGREE;
  const lambda = lon * DEGREE;
  const nu = ellipsoid.a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  // Height 0 on the source ellipsoid: boundaries carry no heights.
  return [nu * Math.cos(phi) * Math.cos(lambda), nu * Math.cos(phi) * Math.sin(lambda), (1 - e2) * nu * Math.sin(phi)];
}

function fromCartesian([x, y, z]: Cartesian, ellipsoid: Ellipsoid): { lat: number; lon: number } {
  const e2 = eccentricitySquared(ellipsoid);
  const p = Math.hypot(x, y);
  let phi = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 100; i++) {
    const nu = ellipsoid.a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    const next = Math.atan2(z + e2 * nu * Math.sin(phi), p);
    if (Math.abs(next - phi) < 1e-12) {
      phi = next;
      break;
    }
    phi = next;
  }
  return { lat: phi / DEGREE, lon: Math.atan2(y, x) / DEGREE };
}

function helmert([x, y, z]: Cartesian, p: typeof OSGB36_TO_WGS84, sign: 1 | -1): Cartesian {
  const s = sign * p.s * 1e-6;
  const rx = sign * p.rx * ARC_SECOND;
  const ry = sign * p.ry * ARC_SECOND;
  const rz = sign * p.rz * ARC_SECOND;
  return [
    sign * p.tx + (1 + s) * x - rz * y + ry * z,
    sign * p.ty + rz * x + (1 + s) * y - rx * z,
    sign * p.tz - ry * x + rx * y + (1 + s) * z,
  ];
}

/** British National Grid easting/northing (metres) → WGS84 [longitude, latitude] in degrees. */
export function bngToWgs84(easting: number, northing: number): [lon: number, lat: number] {
  const osgb = gridToOsgb36(easting, northing);
  const wgs = fromCartesian(helmert(toCartesian(osgb.lat, osgb.lon, AIRY_1830), OSGB36_TO_WGS84, 1), WGS84);
  return [wgs.lon, wgs.lat];
}

/** WGS84 longitude/latitude in degrees → British National Grid [easting, northing] in metres. */
export function wgs84ToBng(lon: number, lat: number): [easting: number, northing: number] {
  const osgb = fromCartesian(helmert(toCartesian(lat, lon, WGS84), OSGB36_TO_WGS84, -1), AIRY_1830);
  const { easting, northing } = osgb36ToGrid(osgb.lat, osgb.lon);
  return [easting, northing];
}
