import { chmodSync, copyFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/api/envelope';
import { MIN_EXPORT_PASSPHRASE } from '../../../shared/api/crypto-contract';
import { timestamp, type Clock } from '../../../shared/domain/clock';
import {
  BASE_CIPHERS,
  connect,
  hasIntactEncryptedHeader,
  isPlainSqlite,
  NEW_BASE_CIPHER,
  rekeyTo,
  type DatabaseKey,
  type FileKey,
  type PassphraseKey,
} from '../crypto/database-key';
import { inspect, type BackupCounts, type Backups } from './backups';
import { newTransfer, removeTransfer, transferPath } from './transfer-files';
import type Database from 'better-sqlite3';

const codeOf = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? '');

function checkPassphrase(passphrase: string): Buffer {
  if ([...passphrase].length < MIN_EXPORT_PASSPHRASE) {
    throw new AppError('BAD_INPUT', 'the passphrase is too short', undefined, {
      reason: 'passphraseTooShort',
      params: { min: MIN_EXPORT_PASSPHRASE },
    });
  }
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/** Re-encrypts a copy in place (rekey needs the rollback journal); null decrypts it. */
function rekey(path: string, from: FileKey | null, to: FileKey | null): void {
  const db = connect(path, from);
  try {
    db.pragma('journal_mode = DELETE');
    rekeyTo(db, to);
  } finally {
    db.close();
  }
}

/**
 * The passphrase key an export opens with: AEGIS (its Argon2id derivation) for exports made now,
 * ChaCha20 (PBKDF2) for exports made before; null when the passphrase opens it under neither.
 */
function exportKey(path: string, passphrase: Buffer): PassphraseKey | null {
  for (const cipher of BASE_CIPHERS) {
    const probe = connect(path, { passphrase, cipher }, { readonly: true, fileMustExist: true });
    try {
      probe.pragma('user_version');
      return { passphrase, cipher };
    } catch (error) {
      if (!codeOf(error).startsWith('SQLITE_NOTADB')) throw error;
    } finally {
      probe.close();
    }
  }
  return null;
}

/**
 * The whole base as one file encrypted with the clerk's passphrase (SQLite3MultipleCiphers derives
 * the page key from it with PBKDF2 and a random salt kept in the file): a VACUUM INTO copy under
 * the base's key, re-encrypted with the passphrase and left as a transfer file (see
 * transfer-files.ts) for the shell to move where the clerk chose: no size limit, nothing in memory.
 */
export function exportBase(
  sqlite: Database.Database,
  backups: Backups,
  key: DatabaseKey | null,
  clock: Clock,
  passphrase: string,
): { fileName: string; transfer: string; sizeBytes: number } {
  const secret = checkPassphrase(passphrase);
  const working = backups.workingFile('export');
  try {
    sqlite.prepare('VACUUM INTO ?').run(working);
    rekey(working, key, { passphrase: secret, cipher: NEW_BASE_CIPHER });
    const stamp = timestamp(clock).replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
    const transfer = newTransfer(backups.transferDir());
    moveFile(working, transfer.path);
    return {
      fileName: `tourdesk-export-${stamp}.tourdesk`,
      transfer: transfer.id,
      sizeBytes: statSync(transfer.path).size,
    };
  } finally {
    rmSync(working, { force: true });
    rmSync(`${working}-journal`, { force: true });
  }
}

/** A rename, or a copy where the backups folder is on another disk (a network share). */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
    rmSync(from, { force: true });
  }
  chmodSync(to, 0o600);
}

/**
 * Reads an export (the transfer file the shell copied or streamed in) with the typed passphrase (a
 * wrong one is refused before anything changes), checks it, puts it under the base's key and
 * restores it like a backup: the current base is backed up first and every row is replaced in one
 * transaction. The transfer file is removed whatever the outcome.
 */
export async function importBase(
  backups: Backups,
  key: DatabaseKey | null,
  transfer: string,
  passphrase: string,
): Promise<{ safety: string; counts: BackupCounts }> {
  const secret = checkPassphrase(passphrase);
  const source = transferPath(backups.transferDir(), transfer);
  const working = backups.workingFile('import');
  try {
    moveFile(source, working);
    if (isPlainSqlite(working) || !hasIntactEncryptedHeader(working)) {
      throw new AppError('BAD_INPUT', 'the file is not an encrypted export', undefined, {
        reason: 'notAnExport',
      });
    }
    const opened = exportKey(working, secret);
    if (!opened) {
      throw new AppError('BAD_INPUT', 'the passphrase does not open the file', undefined, {
        reason: 'wrongPassphrase',
      });
    }
    rekey(working, opened, key);
    const found = inspect(working, key);
    if (!found.ok) {
      throw new AppError('BAD_INPUT', 'the file is not a TourDesk export', undefined, {
        reason: 'notAnExport',
      });
    }
    const safety = await backups.restoreFile(working, found.schemaVersion, 'the imported file');
    return { safety: safety.name, counts: found.counts };
  } finally {
    removeTransfer(backups.transferDir(), transfer);
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${working}${suffix}`, { force: true });
  }
}
