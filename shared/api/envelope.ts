import type { ValidationIssue } from '../domain/client-validation';

/**
 * Error codes that cross every transport. The renderer shows `errors.<code>` in the user's
 * language; `issues` point at the fields a VALIDATION error is about.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_COMMAND'
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'STALE_VERSION'
  | 'FORBIDDEN'
  | 'TOO_LARGE'
  | 'UNAVAILABLE'
  /** Another program held the base's write lock past the busy timeout; trying again may work. */
  | 'BUSY'
  /** The base is open read-only (damaged, or a file this account may not write). */
  | 'READ_ONLY'
  | 'INTERNAL';

/**
 * Why an error happened, when the code alone does not say it; the renderer words it as
 * `errors.reasons.<reason>` with `params`. Never matched as message text.
 */
export type ErrorReason =
  | 'fileFormat'
  | 'fileBroken'
  | 'fileTooComplex'
  | 'fileNoTable'
  | 'undoAlreadyDone'
  | 'undoLaterEdit'
  | 'undoDependents'
  | 'backupDamaged'
  | 'backupNewer'
  /** A list's `after` cursor was made for another query or sort (the list starts again by offset). */
  | 'cursorStale'
  /** Duplicates (issue 13): the client is a tourist of the tour already; a merge or family refusal. */
  | 'touristAlreadyInTour'
  | 'mergeValueNotOffered'
  | 'familyLinkExists'
  /** Encryption at rest: the key, a typed recovery key or an export's passphrase does not fit. */
  | 'wrongKey'
  | 'wrongRecoveryKey'
  | 'wrongPassphrase'
  | 'passphraseTooShort'
  | 'notAnExport'
  /** A whole-base export or import's transfer file was taken or swept before the command ran. */
  | 'transferGone'
  /** Clerks (issue 14): no one signed in, a role too low, a wrong name or password, a taken name, the last admin. */
  | 'signInNeeded'
  | 'roleNeeded'
  | 'wrongSignIn'
  | 'clerkInactive'
  | 'clerkNameTaken'
  | 'lastAdmin'
  | 'passwordNeeded'
  | 'passwordTooShort'
  /** Another record holds this unique value (params.field: voucher, name, word, country, form, value). */
  | 'valueTaken'
  /** Too many wrong sign-ins for a name: params.seconds to wait. */
  | 'signInLocked'
  /** Backups of an office server base need pg_dump and pg_restore on this computer. */
  | 'pgToolsMissing'
  /** Loyalty (issue 15): a read-only base holds params.tours tours whose loyalty facts are out of date. */
  | 'loyaltyStaleReadOnly'
  /** Loyalty: the facts are being built in the background (params.done of params.total tours or clients). */
  | 'loyaltyBuildingTrips'
  | 'loyaltyBuildingClients';

export interface ErrorDetail {
  reason: ErrorReason;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  /** Developer-facing detail, in English; never shown as the only message. */
  message: string;
  issues?: ValidationIssue[];
  reason?: ErrorReason;
  params?: Record<string, string | number>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error the backend raises on purpose; dispatch turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
