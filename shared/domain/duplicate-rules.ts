import { nameKey } from '../names';
import type { DuplicateReason } from './duplicates';
import { passportIdentity } from './passport';

/** What the duplicate rules read of a card. */
export interface DuplicateSubject {
  id: number;
  lastNameRu: string;
  firstNameRu: string;
  lastNameLat: string;
  firstNameLat: string;
  birthDate: string | null;
  phone: string;
  email: string;
  documents: readonly {
    kind: string;
    series: string;
    number: string;
    lastNameLat: string;
    firstNameLat: string;
  }[];
}

export interface DuplicatePair {
  a: number;
  b: number;
  score: number;
  reasons: DuplicateReason[];
}

const BASE_SCORE: Record<DuplicateReason, number> = {
  passport: 95,
  internalPassport: 95,
  nameBirth: 90,
  nearNameBirth: 75,
  phone: 70,
  email: 70,
};

/** A phone or e-mail shared by more cards than this is an office's, not a person's: no evidence. */
const CONTACT_BUCKET_LIMIT = 30;
/** How far apart two name keys may be for a shared phone or e-mail to count. */
const CLOSE_NAME_EDITS = 2;

/** The keys "SURNAME|FIRST" of every spelling a card holds: Cyrillic, Latin, each passport's print. */
export function nameKeysOf(c: DuplicateSubject, key: (text: string) => string = nameKey): string[] {
  const keys = new Set<string>();
  const add = (last: string, first: string) => {
    const surname = key(last);
    if (surname !== '') keys.add(`${surname}|${key(first)}`);
  };
  add(c.lastNameRu, c.firstNameRu);
  add(c.lastNameLat, c.firstNameLat);
  for (const d of c.documents) if (d.lastNameLat !== '') add(d.lastNameLat, d.firstNameLat);
  return [...keys];
}

/** The last ten digits of a phone (a country code or a trunk 8 does not matter); '' when too short. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 7 ? '' : digits.slice(-10);
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether the edit distance of a and b is at most max (banded, stops early). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return false;
    prev = row;
  }
  return (prev[b.length] as number) <= max;
}

/** Whether a and b differ by at most one insertion, deletion or substitution: linear, no table. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (i === short.length) return true;
  // One substitution (same length) or one letter more in the longer: the rest must match.
  const skip = short.length === long.length ? 1 : 0;
  return short.slice(i + skip) === long.slice(i + 1);
}

function anyClose(x: readonly string[], y: readonly string[], max: number): boolean {
  const close = max === 1 ? withinOneEdit : (k: string, l: string) => withinEdits(k, l, max);
  return x.some((k) => y.some((l) => close(k, l)));
}

/** Combines the reasons of one pair: the strongest counts, each further one adds a little. */
export function scoreOf(reasons: readonly DuplicateReason[]): number {
  const scores = reasons.map((r) => BASE_SCORE[r]).sort((p, q) => q - p);
  return Math.min(100, (scores[0] ?? 0) + 3 * (scores.length - 1));
}

/**
 * Every pair of cards likely to be one person, by blocking: cards are grouped by birth date, by
 * passport, by phone and by e-mail, and only cards of one group are compared, so the scan grows
 * with the number of cards, not its square. `isDismissed` drops pairs the clerk called different.
 */
export function findDuplicatePairs(
  subjects: readonly DuplicateSubject[],
  isDismissed: (a: number, b: number) => boolean = () => false,
): DuplicatePair[] {
  const cache = new Map<string, string>();
  const key = (text: string) => {
    let k = cache.get(text);
    if (k === undefined) {
      k = nameKey(text);
      cache.set(text, k);
    }
    return k;
  };
  const keysById = new Map<number, string[]>();
  const byBirth = new Map<string, number[]>();
  const byPassport = new Map<string, number[]>();
  const byPhone = new Map<string, number[]>();
  const byEmail = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, k: string, id: number) => {
    const list = map.get(k);
    if (list) {
      if (list[list.length - 1] !== id) list.push(id);
    } else map.set(k, [id]);
  };
  for (const s of subjects) {
    keysById.set(s.id, nameKeysOf(s, key));
    if (s.birthDate) push(byBirth, s.birthDate, s.id);
    for (const d of s.documents) {
      if (d.kind !== 'foreign_passport' && d.kind !== 'internal_passport') continue;
      const identity = passportIdentity(d.series, d.number);
      if (identity.length >= 6) push(byPassport, `${d.kind}|${identity}`, s.id);
    }
    const phone = phoneKey(s.phone);
    if (phone !== '') push(byPhone, phone, s.id);
    const email = emailKey(s.email);
    if (email.includes('@')) push(byEmail, email, s.id);
  }

  const pairs = new Map<string, { a: number; b: number; reasons: Set<DuplicateReason> }>();
  const note = (x: number, y: number, reason: DuplicateReason) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const k = `${a}-${b}`;
    const known = pairs.get(k);
    if (known) known.reasons.add(reason);
    else pairs.set(k, { a, b, reasons: new Set([reason]) });
  };
  const keysOf = (id: number) => keysById.get(id) ?? [];

  for (const ids of byBirth.values()) {
    for (let i = 0; i < ids.length; i++) {
      const x = ids[i] as number;
      const kx = keysOf(x);
      for (let j = i + 1; j < ids.length; j++) {
        const y = ids[j] as number;
        const ky = keysOf(y);
        if (kx.some((k) => ky.includes(k))) note(x, y, 'nameBirth');
        else if (anyClose(kx, ky, 1)) note(x, y, 'nearNameBirth');
      }
    }
  }
  for (const [k, ids] of byPassport) {
    const reason: DuplicateReason = k.startsWith('internal') ? 'internalPassport' : 'passport';
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) note(ids[i] as number, ids[j] as number, reason);
  }
  for (const [map, reason] of [
    [byPhone, 'phone'],
    [byEmail, 'email'],
  ] as const) {
    for (const ids of map.values()) {
      if (ids.length < 2 || ids.length > CONTACT_BUCKET_LIMIT) continue;
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const x = ids[i] as number;
          const y = ids[j] as number;
          if (anyClose(keysOf(x), keysOf(y), CLOSE_NAME_EDITS)) note(x, y, reason);
        }
    }
  }

  const result: DuplicatePair[] = [];
  for (const p of pairs.values()) {
    if (isDismissed(p.a, p.b)) continue;
    const reasons = [...p.reasons].sort((x, y) => BASE_SCORE[y] - BASE_SCORE[x]);
    result.push({ a: p.a, b: p.b, reasons, score: scoreOf(reasons) });
  }
  return result.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
}
