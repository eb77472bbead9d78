import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

interface Zip {
  find: (container: unknown, path: string) => { content: Uint8Array } | null;
  read: (data: Buffer, options: { type: 'buffer' }) => unknown;
}

/** The cells (A1, B2…) whose format carries quotePrefix, read from the file's own XML. */
function quotePrefixed(xlsx: Buffer): Set<string> {
  const zip = XLSX.CFB as Zip;
  const container = zip.read(xlsx, { type: 'buffer' });
  const text = (path: string) => Buffer.from(zip.find(container, path)?.content ?? []).toString('utf8');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text('/xl/styles.xml'))?.[1] ?? '';
  const prefixed = [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0].includes('quotePrefix="1"'));
  const cells = text('/xl/worksheets/sheet1.xml').matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g);
  return new Set([...cells].filter((m) => prefixed[Number(m[2] ?? 0)]).map((m) => m[1] ?? ''));
}

const column = (index: number) => String.fromCharCode('A'.charCodeAt(0) + index);

describe('the formula guard of written spreadsheets', () => {
  it('keeps formula-like texts exactly in the tour report, quote-prefixed, and the report reads back', async () => {
    const tour = await t.call('tours.save', {
      ...emptyTourInput(),
      voucher: 'FR-9',
      country: 'FRA',
      services: [
        { kind: 'other', description: '-5 кг багажа', startDate: null, endDate: null, priceMinor: 0 },
      ],
    });
    await t.call('tourists.save', {
      tourId: tour.id,
      tourist: {
        ...emptyTouristFields(),
        lastNameRu: 'Иванов',
        firstNameRu: 'Иван',
        ticketNumber: '=SUM(A1)',
        phone: '+7 916 123-45-67',
        email: '=x@evil.ru',
        clientId: null,
        serviceIds: [tour.services[0]!.id],
      },
    });
    // U+FFFF in a name once made the whole report unreadable; it is refused at the field now.
    const refused = await t.callError('tourists.save', {
      tourId: tour.id,
      tourist: { ...emptyTouristFields(), lastNameRu: 'Петров\uFFFF', clientId: null, serviceIds: [] },
    });
    expect(refused.issues).toEqual([
      { path: 'tourist.lastNameRu', code: 'textForbiddenChar', params: { char: 'U+FFFF' } },
    ]);
    const { fileName, base64 } = await t.call('tours.exportTourists', { id: tour.id });
    const read = await t.call('import.readFile', { fileName, base64 });
    const [header = [], row = []] = read.rows;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Фамилия')).toBe('Иванов');
    expect(cell('Номер билета')).toBe('=SUM(A1)');
    expect(cell('Телефон')).toBe('+7 916 123-45-67');
    expect(cell('Email')).toBe('=x@evil.ru');
    expect(cell('Услуги')).toBe('-5 кг багажа');

    const guarded = quotePrefixed(Buffer.from(base64, 'base64'));
    const at = (name: string) => `${column(header.indexOf(name))}2`;
    for (const name of ['Номер билета', 'Телефон', 'Email', 'Услуги'])
      expect(guarded, name).toContain(at(name));
    expect(guarded).not.toContain(at('Фамилия'));
    expect([...guarded].every((ref) => ref.endsWith('2'))).toBe(true);
  });

  it('writes a reference book that imports back unchanged', async () => {
    await t.call('dictionary.save', { ru: '-5 кг', en: '=1+1', fr: '@home' });
    await t.call('dictionary.save', { ru: 'море', en: 'sea', fr: 'mer' });
    const file = await t.call('dictionary.exportBook', { format: 'xlsx' });
    const read = await t.call('import.readFile', file);
    expect(read.rows).toContainEqual(expect.arrayContaining(['-5 кг', '=1+1', '@home']));
    const formulaLike = read.rows.flat().filter((value) => /^[=+\-@]/.test(value));
    expect(formulaLike.length).toBeGreaterThanOrEqual(3);
    expect(quotePrefixed(Buffer.from(file.base64, 'base64')).size).toBe(formulaLike.length);
    const { total } = await t.call('dictionary.list', { limit: 1 });
    expect(await t.call('dictionary.importBook', file)).toEqual({ added: 0, updated: 0, unchanged: total });
  });
});
