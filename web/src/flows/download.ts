/**
 * The exports need the bearer token, so a plain link cannot fetch them: fetch with the header and
 * save the answer through a Blob URL (same origin, nothing the console's CSP refuses).
 */
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
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    return body?.error?.code ?? 'UNEXPECTED';
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  const suffix = format === 'csv-semicolon' ? '-puntkomma' : '';
  a.download = `opvangnet-stromen-${q.regionId ? 'regio' : 'nl'}-${q.from}-${q.to}${suffix}.${format === 'html' ? 'html' : 'csv'}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
