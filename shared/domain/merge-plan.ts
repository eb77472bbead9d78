import type { Client, ClientDocument } from './client';
import { MERGE_FIELDS, type MergeField, type MergeOption } from './duplicates';
import { passportIdentity } from './passport';

export interface FieldChoice {
  field: MergeField;
  options: MergeOption[];
  chosen: number;
}

const isEmpty = (v: string | null) => v === null || v === '';

/** The passport printed most recently (issue date, then expiry) of both cards: its Latin name wins. */
export function newestPassport(documents: readonly ClientDocument[]): ClientDocument | undefined {
  return documents
    .filter((d) => d.kind === 'foreign_passport' && d.lastNameLat !== '')
    .sort(
      (a, b) =>
        (b.issueDate ?? '').localeCompare(a.issueDate ?? '') ||
        (b.expiryDate ?? '').localeCompare(a.expiryDate ?? ''),
    )[0];
}

/**
 * What the clerk chooses from, field by field, and the default: the newest non-empty value (the
 * card edited last wins when both have one), and for the Latin name the spelling printed in the
 * newest passport of either card.
 */
export function mergeChoices(keep: Client, merge: Client): FieldChoice[] {
  // Cards saved in the same second: the one created later is the newer.
  const keepIsNewer =
    keep.updatedAt > merge.updatedAt || (keep.updatedAt === merge.updatedAt && keep.id > merge.id);
  const passport = newestPassport([...keep.documents, ...merge.documents]);
  return MERGE_FIELDS.map((field) => {
    const options: MergeOption[] = [{ source: 'keep', value: keep[field] }];
    if (merge[field] !== keep[field]) options.push({ source: 'merge', value: merge[field] });
    const printed =
      field === 'lastNameLat'
        ? passport?.lastNameLat
        : field === 'firstNameLat'
          ? passport?.firstNameLat
          : undefined;
    if (printed !== undefined && printed !== '' && !options.some((o) => o.value === printed))
      options.push({ source: 'passport', value: printed });
    let chosen = options.findIndex((o) => printed !== undefined && printed !== '' && o.value === printed);
    if (chosen < 0) {
      const filled = options.filter((o) => !isEmpty(o.value));
      const pick =
        filled.length === 1 ? filled[0] : filled.find((o) => o.source === (keepIsNewer ? 'keep' : 'merge'));
      chosen = pick ? options.indexOf(pick) : 0;
    }
    return { field, options, chosen };
  });
}

const filledCount = (d: ClientDocument) =>
  Object.values(d).filter((v) => v !== '' && v !== null && v !== false).length;

/**
 * The documents of the united card: all of both, with a passport present on both cards kept once
 * (the copy with more filled fields, the surviving card's on a tie). Returns the ids to drop.
 */
export function foldDocuments(keep: readonly ClientDocument[], merge: readonly ClientDocument[]): number[] {
  const best = new Map<string, ClientDocument>();
  const dropped: number[] = [];
  for (const d of [...keep, ...merge]) {
    const identity = passportIdentity(d.series, d.number);
    if (identity === '' || (d.kind !== 'foreign_passport' && d.kind !== 'internal_passport')) continue;
    const k = `${d.kind}|${identity}`;
    const known = best.get(k);
    if (!known) {
      best.set(k, d);
    } else if (filledCount(d) > filledCount(known)) {
      dropped.push(known.id);
      best.set(k, d);
    } else {
      dropped.push(d.id);
    }
  }
  return dropped;
}
