import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, prepareAllCommands } from '../../shared/api/contract';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { forbiddenCharIn, forbiddenTextIssues } from '../../shared/domain/safe-text';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

const FORBIDDEN = [
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\uFDD0',
  '\uFDEF',
  '\uFFFE',
  '\uFFFF',
  '\u{1FFFE}',
  '\u{10FFFF}',
  '\uD800',
];
const ALLOWED = [
  'Иванов',
  "O'Brien-Smith",
  'Müller',
  'Łukasz',
  '😀',
  '\u00A0',
  '\u200D',
  '\uFFFD',
  '№ 5',
  '„Тур“',
];
const codeOf = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

describe('forbidden characters', () => {
  it('refuses controls, bidi overrides and isolates, non-characters and lone surrogates, naming the character', () => {
    for (const char of FORBIDDEN) expect(forbiddenCharIn(`Ив${char}анов`), codeOf(char)).toBe(codeOf(char));
    for (const text of ALLOWED) expect(forbiddenCharIn(text), text).toBeNull();
    // Tab and line breaks only where a field is multi-line.
    for (const char of ['\t', '\n', '\r']) {
      expect(forbiddenCharIn(`a${char}b`)).toBe(codeOf(char));
      expect(forbiddenCharIn(`a${char}b`, true)).toBeNull();
    }
    expect(forbiddenCharIn('a\u0000b', true)).toBe('U+0000');
  });

  it('answers a client with one as VALIDATION at its field, and saves nothing', async () => {
    const error = await t.callError('clients.save', {
      ...ivanov({ lastNameRu: 'Ива\u202Eнов', notes: 'line one\nline two\tend' }),
      documents: [{ ...ivanov().documents[0]!, issuedBy: 'ФМС\u0000' }],
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [
        { path: 'lastNameRu', code: 'textForbiddenChar', params: { char: 'U+202E' } },
        { path: 'documents.0.issuedBy', code: 'textForbiddenChar', params: { char: 'U+0000' } },
      ],
    });
    expect((await t.call('clients.list', {})).total).toBe(0);
    // Line breaks and tabs are fine in notes, not in a name.
    const saved = await t.call('clients.save', ivanov({ notes: 'line one\nline two\tend' }));
    expect(saved.notes).toBe('line one\nline two\tend');
    expect(await t.callError('clients.save', ivanov({ firstNameRu: 'Иван\nИван' }))).toMatchObject({
      issues: [{ path: 'firstNameRu', code: 'textForbiddenChar', params: { char: 'U+000A' } }],
    });
  });

  it('refuses U+FFFF in a tourist, a tour, a form label and a setting, each at its field', async () => {
    const tour = await t.call('tours.save', { ...emptyTourInput(), voucher: 'FR-1', country: 'FRA' });
    const badTour = await t.callError('tours.save', {
      ...emptyTourInput(),
      voucher: 'FR-\uFFFF',
      country: 'FRA',
    });
    expect(badTour.issues).toEqual([
      { path: 'voucher', code: 'textForbiddenChar', params: { char: 'U+FFFF' } },
    ]);
    expect(
      await t.callError('tourists.save', {
        tourId: tour.id,
        tourist: { ...emptyTouristFields(), lastNameRu: 'Петров\uFFFF', clientId: null, serviceIds: [] },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'tourist.lastNameRu', code: 'textForbiddenChar', params: { char: 'U+FFFF' } }],
    });
    expect(
      await t.callError('forms.save', { key: 'f', name: { ru: 'Анкета\u2066', en: '', fr: '' } }),
    ).toMatchObject({ issues: [{ path: 'name.ru', code: 'textForbiddenChar', params: { char: 'U+2066' } }] });
    expect(
      await t.callError('settings.set', { key: 'import.mappings', value: { Фамилия: ['a', 'b\u0085'] } }),
    ).toMatchObject({
      issues: [{ path: 'value.Фамилия.1', code: 'textForbiddenChar', params: { char: 'U+0085' } }],
    });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toEqual([]);
  });

  it("refuses one in a merge's chosen value and in a chart table's cell, at its field", async () => {
    expect(
      await t.callError('duplicates.merge', {
        keepId: 1,
        keepVersion: 1,
        mergeId: 2,
        mergeVersion: 1,
        values: { lastNameRu: 'Ива\u0007нов', notes: 'line one\nline two' },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'values.lastNameRu', code: 'textForbiddenChar', params: { char: 'U+0007' } }],
    });
    expect(
      await t.callError('loyalty.exportTable', {
        title: 'Поездки',
        headers: ['Клиент'],
        rows: [['Ива\u001Bнов', 3]],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'rows.0.0', code: 'textForbiddenChar', params: { char: 'U+001B' } }],
    });
  });

  it('refuses a reference book file with one, naming its row and column', async () => {
    const file = [{ code: 'FRA', nameRu: 'Фран\u202Eция', nameEn: 'France', passportMarginMonths: 3 }];
    const error = await t.callError('countries.importBook', {
      fileName: 'countries.json',
      base64: Buffer.from(JSON.stringify(file)).toString('base64'),
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ code: 'rowInvalid', params: { row: 1, column: 'nameRu' } }],
    });
  });
});

type Schema = z.ZodType;
const defOf = (schema: Schema) =>
  (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/** Every place a command input holds a string, as a path (`documents.0.number`), multi-line or not. */
function stringLeaves(schema: Schema, path: string[] = []): { path: string[]; multiline: boolean }[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [{ path, multiline: schema.meta()?.multiline === true }];
    case 'object':
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([k, v]) =>
        stringLeaves(v, [...path, k]),
      );
    case 'array':
      return stringLeaves(def.element as Schema, [...path, '0']);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return stringLeaves(def.innerType as Schema, path);
    case 'union':
      return (def.options as Schema[]).flatMap((option) => stringLeaves(option, path));
    case 'unknown':
      return [{ path: [...path, 'free'], multiline: true }];
    case 'enum':
    case 'number':
    case 'boolean':
    case 'literal':
      return [];
    default:
      throw new Error(`a ${def.type} in a command input: teach this test and safe-text.ts about it`);
  }
}

function valueAt(path: string[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path as [string, ...string[]];
  return head === '0' ? [valueAt(rest, text)] : { [head]: valueAt(rest, text) };
}

describe('every text of every command input', () => {
  it('is checked for forbidden characters, and only notes, labels and answers take line breaks', async () => {
    await prepareAllCommands();
    const multiLine: string[] = [];
    let checked = 0;
    for (const [name, spec] of Object.entries(contract)) {
      for (const leaf of stringLeaves(spec.input as Schema)) {
        const at = leaf.path.join('.');
        for (const char of ['\u202E', '\n']) {
          const issues = forbiddenTextIssues(spec.input as Schema, valueAt(leaf.path, `a${char}b`));
          const refused =
            char === '\n' && leaf.multiline
              ? []
              : [{ path: at, code: 'textForbiddenChar', params: { char: codeOf(char) } }];
          expect(issues, `${name} ${at}`).toEqual(refused);
        }
        if (leaf.multiline) multiLine.push(`${name} ${at}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(multiLine.sort()).toEqual(
      [
        'clients.save notes',
        'clients.save preferences',
        'duplicates.merge values.notes',
        'duplicates.merge values.preferences',
        'feedback.save resolution',
        'feedback.save text',
        'forms.save name.en',
        'forms.save name.fr',
        'forms.save name.ru',
        'forms.saveField field.label.en',
        'forms.saveField field.label.fr',
        'forms.saveField field.label.ru',
        'forms.saveField field.options.0.label.en',
        'forms.saveField field.options.0.label.fr',
        'forms.saveField field.options.0.label.ru',
        'questionnaire.save source',
        'questionnaire.save value',
        'settings.set value.free',
        'tours.save notes',
        'worklist.act note',
      ].sort(),
    );
  });
});
