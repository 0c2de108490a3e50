/**
 * Exports need the bearer token, so a plain link cannot fetch them: the console fetches with the
 * header and saves the answer through a Blob URL (same origin, nothing the console's CSP refuses).
 */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The error code of a refused export (`{ error: { code } }`), or UNEXPECTED. */
export async function exportErrorCode(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code ?? 'UNEXPECTED';
}
