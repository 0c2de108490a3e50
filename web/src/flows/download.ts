import { exportErrorCode, saveBlob } from '../common/download';

/** The flow exports, with the dashboard's parameters (fetched with the token: common/download.ts). */
export interface ExportQuery {
  regionId: string | null;
  from: string;
  to: string;
  granularity: string;
}

export type ExportFormat = 'csv-comma' | 'csv-semicolon' | 'html';

export function exportUrl(format: ExportFormat, q: ExportQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to, granularity: q.granularity });
  if (q.regionId) params.set('regionId', q.regionId);
  if (format === 'csv-semicolon') params.set('sep', 'semicolon');
  return `/exports/flows.${format === 'html' ? 'html' : 'csv'}?${params.toString()}`;
}

/** Fetches an export and hands it to the browser as a download; returns the error code on failure. */
export async function downloadExport(format: ExportFormat, q: ExportQuery, token: string | undefined): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(exportUrl(format, q), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    return 'NETWORK';
  }
  if (!res.ok) return exportErrorCode(res);
  const suffix = format === 'csv-semicolon' ? '-puntkomma' : '';
  saveBlob(await res.blob(), `opvangnet-stromen-${q.regionId ? 'regio' : 'nl'}-${q.from}-${q.to}${suffix}.${format === 'html' ? 'html' : 'csv'}`);
  return null;
}
