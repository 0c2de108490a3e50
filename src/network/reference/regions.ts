import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { MAX_REGIONS } from '../../common/query-limits.js';

/** One centre-municipality region (centrumgemeente vrouwenopvang) as the reference file lists it. */
export interface RegionReference {
  code: string;
  name: string;
  centreMunicipality: string;
  municipalityCode: string | null;
  latitude: number;
  longitude: number;
}

const REGION_CODE = /^[a-z0-9-]{2,40}$/;
const CBS_MUNICIPALITY_CODE = /^GM\d{4}$/;
const KNOWN_FIELDS = new Set(['code', 'name', 'centreMunicipality', 'municipalityCode', 'latitude', 'longitude']);

/**
 * The build copies only .ts files, so from dist/ the JSON next to the compiled module is missing;
 * the copy in the source tree (relative to the working directory) is then the one to read.
 */
function defaultRegionFile(): string {
  const besideModule = fileURLToPath(new URL('./regions.json', import.meta.url));
  if (existsSync(besideModule)) return besideModule;
  const inSourceTree = resolve(process.cwd(), 'src/network/reference/regions.json');
  if (existsSync(inSourceTree)) return inSourceTree;
  throw new Error(`region file not found at ${besideModule} nor at ${inSourceTree}; pass its path explicitly`);
}

/** Reads and validates a region list; an operator may point `path` at a replacement list. */
export function readRegionFile(path?: string): RegionReference[] {
  const file = path || defaultRegionFile();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`region file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return validateRegions(parsed, file);
}

/**
 * Inserts new regions and updates existing ones by code, in one statement so a concurrent reader
 * never sees half a list. Returns how many regions were written.
 */
export async function upsertRegions(dataSource: DataSource, regions: RegionReference[]): Promise<number> {
  const valid = validateRegions(regions, 'upsertRegions');
  if (valid.length === 0) return 0;
  const rows: Array<{ count: number }> = await dataSource.query(
    `WITH upserted AS (
       INSERT INTO region (code, name, centre_municipality, municipality_code, latitude, longitude)
       SELECT r.code, r.name, r.centre_municipality, r.municipality_code, r.latitude, r.longitude
         FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, centre_municipality text,
              municipality_code text, latitude double precision, longitude double precision)
       ON CONFLICT (code) DO UPDATE SET
         name = EXCLUDED.name,
         centre_municipality = EXCLUDED.centre_municipality,
         municipality_code = EXCLUDED.municipality_code,
         latitude = EXCLUDED.latitude,
         longitude = EXCLUDED.longitude
       RETURNING 1
     )
     SELECT count(*)::int AS count FROM upserted`,
    [
      JSON.stringify(
        valid.map((r) => ({
          code: r.code,
          name: r.name,
          centre_municipality: r.centreMunicipality,
          municipality_code: r.municipalityCode,
          latitude: r.latitude,
          longitude: r.longitude,
        })),
      ),
    ],
  );
  return rows[0]?.count ?? 0;
}

function validateRegions(data: unknown, source: string): RegionReference[] {
  if (!Array.isArray(data)) throw new Error(`${source}: expected an array of regions`);
  // Query.regions is a bounded list (the query cost counts on it).
  if (data.length > MAX_REGIONS) throw new Error(`${source}: at most ${MAX_REGIONS} regions, got ${data.length}`);
  const seenCodes = new Set<string>();
  return data.map((entry: unknown, index) => {
    const region = validateRegion(entry, `${source}: region #${index + 1}`);
    if (seenCodes.has(region.code)) throw new Error(`${source}: region #${index + 1} (${region.code}): duplicate code`);
    seenCodes.add(region.code);
    return region;
  });
}

function validateRegion(entry: unknown, where: string): RegionReference {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${where}: not an object`);
  const record = entry as Record<string, unknown>;
  const label = typeof record.code === 'string' ? `${where} (${record.code})` : where;
  const fail = (field: string, why: string): never => {
    throw new Error(`${label}: field "${field}" ${why}`);
  };

  // A misspelt key would otherwise pass silently as a missing optional value.
  for (const key of Object.keys(record)) if (!KNOWN_FIELDS.has(key)) fail(key, 'is not a known field');

  const text = (field: string): string => {
    const value = record[field];
    if (typeof value !== 'string' || value.trim() === '') return fail(field, 'must be a non-empty string');
    return value;
  };
  const coordinate = (field: string, limit: number): number => {
    const value = record[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
      return fail(field, `must be a number between -${limit} and ${limit}`);
    }
    return value;
  };

  const code = text('code');
  if (!REGION_CODE.test(code)) fail('code', `must match ${REGION_CODE}`);
  const municipalityCode = record.municipalityCode ?? null;
  if (municipalityCode !== null && (typeof municipalityCode !== 'string' || !CBS_MUNICIPALITY_CODE.test(municipalityCode))) {
    fail('municipalityCode', 'must be null or a CBS code like GM0363');
  }
  return {
    code,
    name: text('name'),
    centreMunicipality: text('centreMunicipality'),
    municipalityCode: municipalityCode as string | null,
    latitude: coordinate('latitude', 90),
    longitude: coordinate('longitude', 180),
  };
}
