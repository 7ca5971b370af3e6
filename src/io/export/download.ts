/**
 * How long an object URL outlives its click: some browsers start reading the blob only
 * after the click handler returns (FileSaver.js waits 40 s too).
 */
const REVOKE_AFTER_MS = 40_000;

/**
 * Saves data as a file through the browser's download: a temporary `<a download>` on an
 * object URL, clicked, removed, and the URL revoked a little later. Text is stored as
 * UTF-8 with the given MIME type. Side effects: a download; nothing stays in the page.
 */
export function download(data: Blob | string, filename: string, mime: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type: mime }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** MIME types of the exports. */
export const MIME = {
  png: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
} as const;
