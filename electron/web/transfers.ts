import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { newTransfer, removeTransfer, transferPath } from '../backend/backup/transfer-files';

/** An upload is streamed to disk as it arrives; this only stops a runaway one. */
const MAX_TRANSFER_BYTES = 64 * 1024 ** 3;

/** POST /transfer: the request body streamed into a new transfer file; answers its id. */
export async function receiveTransfer(req: IncomingMessage, dir: string): Promise<string> {
  const { id, path } = newTransfer(dir);
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_TRANSFER_BYTES) req.destroy(new Error('upload too large'));
  });
  try {
    await pipeline(req, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return id;
}

/** The name a download is saved under: the export's own name, or a neutral one. */
export function downloadName(name: string | null): string {
  return name !== null && /^[\w.-]{1,120}\.tourdesk$/.test(name) ? name : 'tourdesk-export.tourdesk';
}

/**
 * GET /transfer/<id>?name=…: the export streamed as a download and removed once sent (or when the
 * download breaks off: the clerk exports again).
 */
export function sendTransfer(res: ServerResponse, dir: string, id: string, query: URLSearchParams): void {
  let path: string;
  let size: number;
  try {
    path = transferPath(dir, id);
    size = statSync(path).size;
  } catch {
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'no such transfer' } }));
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(size),
    'content-disposition': `attachment; filename="${downloadName(query.get('name'))}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  void pipeline(createReadStream(path), res)
    .catch(() => undefined)
    .finally(() => removeTransfer(dir, id));
}
