import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/api/envelope';
import { KEY_BYTES, type DatabaseKey } from './database-key';

// Crockford's base32: no I, L, O or U, so a printed key is read back without guessing.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 3;
const GROUP = 4;

const checksum = (key: Buffer) => createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES);

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * The recovery key is the base's key itself (so it opens the base and every backup even when the
 * key file beside the base is gone), with a 3-byte checksum that catches a mistyped group, written
 * as 14 groups of 4 characters.
 */
export function formatRecoveryKey(key: DatabaseKey): string {
  const text = toBase32(Buffer.concat([key.bytes, checksum(key.bytes)]));
  return text.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/**
 * Reads a typed recovery key: case, spaces and dashes do not matter; O/I/L read as 0/1/1. Answers
 * the key's bytes: the cipher is not in it (a key printed before AEGIS still opens the base).
 */
export function parseRecoveryKey(typed: string): Buffer {
  const text = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const bytes = fromBase32(text);
  const key = bytes?.subarray(0, KEY_BYTES);
  if (
    !bytes ||
    bytes.length !== KEY_BYTES + CHECK_BYTES ||
    !key ||
    !checksum(key).equals(bytes.subarray(KEY_BYTES))
  ) {
    throw new AppError('BAD_INPUT', 'the recovery key is mistyped', undefined, {
      reason: 'wrongRecoveryKey',
    });
  }
  return Buffer.from(key);
}
