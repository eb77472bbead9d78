/**
 * The zip layer of the streaming .xlsx reader: the central directory and the inflation of one entry.
 *
 * Every function here runs in the table worker from its source text (see lib.ts), so each is
 * self-contained: no imports, no module constants; what one needs from another comes through `lib`.
 */
import type { XlsxLib } from './lib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** The entries the central directory lists, by lower-case name without a leading slash. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('fileBroken');
  const count = view.getUint16(end + 10, true);
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('fileBroken');
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/^\/+/, '').toLowerCase(), {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The entry's packed bytes (a view, not a copy). */
export function zipEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) {
    throw new Error('fileBroken');
  }
  // The local header's own name and extra lengths, which may differ from the directory's.
  const start =
    entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new Error('fileBroken');
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates one entry as a stream and hands its UTF-8 text on chunk by chunk, with how many packed
 * bytes have been consumed so far. More than `maxBytes` of output stops it (a bomb whose directory
 * lies), so memory stays bounded by the chunk size, not the entry's size.
 */
export function inflateText(
  lib: XlsxLib,
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  onText: (text: string) => void,
  onConsumed: (packedBytes: number) => void,
): Promise<void> {
  const data = lib.zipEntryData(bytes, entry);
  // Buffer's UTF-8 decoding is several times faster than a streaming TextDecoder; a character
  // split between two chunks waits for the next one.
  let tail: Buffer | null = null;
  const decoder = {
    decode(chunk?: Uint8Array, _options?: { stream: boolean }): string {
      if (chunk === undefined) {
        const rest = tail;
        tail = null;
        return rest === null ? '' : rest.toString('utf8');
      }
      const buf: Buffer =
        tail === null
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.concat([tail, chunk]);
      let end = buf.length;
      let lead = end - 1;
      while (lead >= 0 && end - lead < 4 && ((buf[lead] ?? 0) & 0xc0) === 0x80) lead--;
      if (lead >= 0) {
        const first = buf[lead] ?? 0;
        const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
        if (end - lead < length) end = lead;
      }
      tail = end < buf.length ? Buffer.from(buf.subarray(end)) : null;
      return buf.toString('utf8', 0, end);
    },
  };
  if (entry.method === 0) {
    if (data.length > maxBytes) return Promise.reject(new Error('fileTooComplex'));
    const step = 1 << 20;
    try {
      for (let at = 0; at < data.length; at += step) {
        onText(decoder.decode(data.subarray(at, at + step), { stream: true }));
        onConsumed(Math.min(at + step, data.length));
      }
      onText(decoder.decode());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('fileBroken'));
    }
    return Promise.resolve();
  }
  if (entry.method !== 8) return Promise.reject(new Error('fileBroken'));
  return new Promise((resolve, reject) => {
    const inflate = lib.zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let produced = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error instanceof Error ? error : new Error('fileBroken'));
    };
    inflate.on('data', (chunk: Buffer) => {
      if (failed) return;
      produced += chunk.length;
      if (produced > maxBytes) return fail(new Error('fileTooComplex'));
      try {
        onText(decoder.decode(chunk, { stream: true }));
        onConsumed(inflate.bytesWritten);
      } catch (error) {
        fail(error);
      }
    });
    inflate.on('end', () => {
      if (failed) return;
      try {
        onText(decoder.decode());
        resolve();
      } catch (error) {
        fail(error);
      }
    });
    inflate.on('error', () => fail(new Error('fileBroken')));
    inflate.end(data);
  });
}
