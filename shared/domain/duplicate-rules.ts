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
  // Compared in place: the scan calls this a million times, slices would be a million strings.
  for (let j = i + (short.length === long.length ? 1 : 0), k = i + 1; j < short.length; j++, k++) {
    if (short.charCodeAt(j) !== long.charCodeAt(k)) return false;
  }
  return true;
}

/** Combines the reasons of one pair: the strongest counts, each further one adds a little. */
export function scoreOf(reasons: readonly DuplicateReason[]): number {
  const scores = reasons.map((r) => BASE_SCORE[r]).sort((p, q) => q - p);
  return Math.min(100, (scores[0] ?? 0) + 3 * (scores.length - 1));
}

/** Name parts and cards are numbered below this, so two numbers make one exact numeric key. */
const NUMBERED = 2 ** 26;

/**
 * The last ten digits of a phone as a number, with their count so 0012345678 and 12345678 stay
 * apart (phoneKey without a string per card); -1 when too short.
 */
function phoneNumberKey(phone: string): number {
  let value = 0;
  let count = 0;
  for (let i = 0; i < phone.length; i++) {
    const digit = phone.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) continue;
    value = (value % 1e9) * 10 + digit;
    count++;
  }
  return count < 7 ? -1 : Math.min(count, 10) * 1e10 + value;
}

const NEEDS_FOLDING = /[A-Z]|^\s|\s$/;
const NO_KEYS: readonly number[] = [];

/** An ISO date as one number (YYYYMMDD): a number keys a map without hashing a string per card. */
function dateNumber(date: string): number {
  let value = 0;
  for (let i = 0; i < date.length; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) value = value * 10 + digit;
  }
  return value;
}

/**
 * Cards grouped the ways the rules compare them: by birth date, passport, phone and e-mail. Only
 * cards of one group are compared, so a scan grows with the number of cards, not its square. Fed
 * card by card (the rules' tests, a saved card's check) or straight from the rows of a whole-base
 * read: cards are numbered densely and their name keys interned as numbers, so 200,000 cards make
 * no object each and the comparisons are mostly number equality.
 */
export class DuplicateBlocks {
  private readonly ids: number[] = [];
  /** Built only when cards came out of id order; otherwise cardOf searches `ids`. */
  private cardOfId: Map<number, number> | null = null;
  /** The name keys ("SURNAME|FIRST") of each card, by card number: most cards have one. */
  private readonly firstKey: number[] = [];
  private readonly moreKeys = new Map<number, number[]>();
  private readonly keyTexts: string[] = [];
  private readonly keyOfParts = new Map<number, number>();
  /** A typed name part (any script) to the number of its key; one nameKey per distinct text. */
  private readonly partOfText = new Map<string, number>();
  private readonly partOfKey = new Map<string, number>();
  private readonly partKeys: string[] = [];
  private readonly byBirth = new Map<number, number[]>();
  private readonly byPassport = new Map<string, number[]>();
  private readonly byPhone = new Map<number, number[]>();
  private readonly byEmail = new Map<string, number[]>();

  constructor(private readonly key: (text: string) => string = nameKey) {}

  /** The card's number; cards are added once each, before anything else is said of them. */
  addCard(id: number): number {
    const card = this.ids.length;
    if (card > 0 && id <= (this.ids[card - 1] as number))
      this.cardOfId ??= new Map(this.ids.map((x, i) => [x, i]));
    this.cardOfId?.set(id, card);
    this.ids.push(id);
    this.firstKey.push(-1);
    return card;
  }

  /** The number of a card added already, or undefined (a deleted card's document). */
  cardOf(id: number): number | undefined {
    if (this.cardOfId) return this.cardOfId.get(id);
    let low = 0;
    let high = this.ids.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const x = this.ids[middle] as number;
      if (x === id) return middle;
      if (x < id) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  private keysOf(card: number): readonly number[] {
    const first = this.firstKey[card] as number;
    return first < 0 ? NO_KEYS : (this.moreKeys.get(card) ?? [first]);
  }

  /** One spelling of the card's name (any script); no surname, no key. */
  addName(card: number, last: string, first: string): void {
    if (last === '') return;
    const surname = this.partOf(last);
    if (this.partKeys[surname] === '') return;
    const given = this.partOf(first);
    const parts = surname * NUMBERED + given;
    let k = this.keyOfParts.get(parts);
    if (k === undefined) {
      k = this.keyTexts.length;
      this.keyTexts.push(`${this.partKeys[surname] as string}|${this.partKeys[given] as string}`);
      this.keyOfParts.set(parts, k);
    }
    const held = this.firstKey[card] as number;
    if (held < 0) this.firstKey[card] = k;
    else if (held !== k) {
      const more = this.moreKeys.get(card);
      if (!more) this.moreKeys.set(card, [held, k]);
      else if (!more.includes(k)) more.push(k);
    }
  }

  addBirth(card: number, birthDate: string | null): void {
    if (birthDate) push(this.byBirth, dateNumber(birthDate), card);
  }

  addPassport(card: number, kind: string, series: string, number: string): void {
    if (kind !== 'foreign_passport' && kind !== 'internal_passport') return;
    const identity = passportIdentity(series, number);
    if (identity.length >= 6) push(this.byPassport, `${kind}|${identity}`, card);
  }

  addContacts(card: number, phone: string, email: string): void {
    if (phone !== '') {
      const k = phoneNumberKey(phone);
      if (k >= 0) push(this.byPhone, k, card);
    }
    if (email !== '') {
      const k = NEEDS_FOLDING.test(email) ? emailKey(email) : email;
      if (k.includes('@')) push(this.byEmail, k, card);
    }
  }

  /** Every candidate pair, strongest first; `isDismissed` drops pairs the clerk called different. */
  pairs(isDismissed: (a: number, b: number) => boolean = () => false): DuplicatePair[] {
    const found = new Map<number, Set<DuplicateReason>>();
    const note = (x: number, y: number, reason: DuplicateReason) => {
      if (x === y) return;
      const k = x < y ? x * NUMBERED + y : y * NUMBERED + x;
      const known = found.get(k);
      if (known) known.add(reason);
      else found.set(k, new Set([reason]));
    };

    for (const cards of this.byBirth.values()) {
      for (let i = 0; i < cards.length; i++) {
        const x = cards[i] as number;
        const kx = this.keysOf(x);
        for (let j = i + 1; j < cards.length; j++) {
          const y = cards[j] as number;
          const relation = this.nameRelation(kx, this.keysOf(y));
          if (relation === 2) note(x, y, 'nameBirth');
          else if (relation === 1) note(x, y, 'nearNameBirth');
        }
      }
    }
    for (const [k, cards] of this.byPassport) {
      const reason: DuplicateReason = k.startsWith('internal') ? 'internalPassport' : 'passport';
      for (let i = 0; i < cards.length; i++)
        for (let j = i + 1; j < cards.length; j++) note(cards[i] as number, cards[j] as number, reason);
    }
    for (const [map, reason] of [
      [this.byPhone, 'phone'],
      [this.byEmail, 'email'],
    ] as const) {
      for (const cards of map.values()) {
        if (cards.length < 2 || cards.length > CONTACT_BUCKET_LIMIT) continue;
        for (let i = 0; i < cards.length; i++)
          for (let j = i + 1; j < cards.length; j++) {
            const x = cards[i] as number;
            const y = cards[j] as number;
            const close = this.keysOf(x).some((k) =>
              this.keysOf(y).some((l) =>
                withinEdits(this.keyTexts[k] as string, this.keyTexts[l] as string, CLOSE_NAME_EDITS),
              ),
            );
            if (close) note(x, y, reason);
          }
      }
    }

    const result: DuplicatePair[] = [];
    for (const [k, reasonSet] of found) {
      const [x, y] = [this.ids[Math.floor(k / NUMBERED)] as number, this.ids[k % NUMBERED] as number];
      const [a, b] = x < y ? [x, y] : [y, x];
      if (isDismissed(a, b)) continue;
      const reasons = [...reasonSet].sort((p, q) => BASE_SCORE[q] - BASE_SCORE[p]);
      result.push({ a, b, reasons, score: scoreOf(reasons) });
    }
    return result.sort(byStrength);
  }

  /** The number of the name key of a typed part, computed once per distinct text. */
  private partOf(text: string): number {
    let part = this.partOfText.get(text);
    if (part === undefined) {
      const k = this.key(text);
      part = this.partOfKey.get(k);
      if (part === undefined) {
        part = this.partKeys.length;
        this.partKeys.push(k);
        this.partOfKey.set(k, part);
      }
      this.partOfText.set(text, part);
    }
    return part;
  }

  /** 2 when two cards share a name key, 1 when two of their keys are one edit apart, else 0. */
  private nameRelation(x: readonly number[], y: readonly number[]): number {
    let relation = 0;
    for (const k of x) {
      for (const l of y) {
        if (k === l) return 2;
        if (relation === 0 && withinOneEdit(this.keyTexts[k] as string, this.keyTexts[l] as string))
          relation = 1;
      }
    }
    return relation;
  }
}

function push<K>(map: Map<K, number[]>, k: K, card: number): void {
  const list = map.get(k);
  if (!list) map.set(k, [card]);
  else if (list[list.length - 1] !== card) list.push(card);
}

/** Strongest first; equal scores in id order, so pages of the list follow one another. */
export function byStrength(p: DuplicatePair, q: DuplicatePair): number {
  return q.score - p.score || p.a - q.a || p.b - q.b;
}

/** Every pair of cards likely to be one person among these (see DuplicateBlocks). */
export function findDuplicatePairs(
  subjects: readonly DuplicateSubject[],
  isDismissed: (a: number, b: number) => boolean = () => false,
): DuplicatePair[] {
  const blocks = new DuplicateBlocks();
  for (const s of subjects) {
    const card = blocks.addCard(s.id);
    blocks.addName(card, s.lastNameRu, s.firstNameRu);
    blocks.addName(card, s.lastNameLat, s.firstNameLat);
    for (const d of s.documents) {
      blocks.addName(card, d.lastNameLat, d.firstNameLat);
      blocks.addPassport(card, d.kind, d.series, d.number);
    }
    blocks.addBirth(card, s.birthDate);
    blocks.addContacts(card, s.phone, s.email);
  }
  return blocks.pairs(isDismissed);
}
