import { PDFDocument } from '@cantoo/pdf-lib';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, prepareAllCommands, type CommandInput, type CommandName } from '../../shared/api/contract';
import { emptyClientInput } from '../../shared/domain/client';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

/**
 * A record that is not there answers NOT_FOUND, never INTERNAL: for every command, every id-like
 * field of its input (found in the contract, so a field added later is tried too) is set in turn
 * to an id no row has, in an input that is otherwise valid.
 */

const MISSING = 999_999;

type Schema = z.ZodType;
const defOf = (schema: Schema) =>
  (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

function idPaths(schema: Schema, path: string[] = []): string[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([k, v]) =>
        idPaths(v, [...path, k]),
      );
    case 'array':
      return idPaths(def.element as Schema, [...path, '0']);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return idPaths(def.innerType as Schema, path);
    case 'number': {
      const key = path.filter((p) => p !== '0').at(-1) ?? '';
      return /^id$|Id$|Ids$/.test(key) ? [path] : [];
    }
    default:
      return [];
  }
}

function withId(input: unknown, path: string[], value: number): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) throw new Error(`the sample has no ${path.join('.')}`);
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
  return copy;
}

let t: TempBackend;
interface Seed {
  client: { id: number; version: number; documentId: number };
  tour: { id: number; version: number; serviceId: number };
  tourist: { id: number; version: number };
  form: { id: number; fieldId: number };
  word: { id: number; version: number };
  batchId: number;
  undoId: number;
  consentId: number;
  /** A second card (merged into the first last of all), a third linked to the first as family. */
  other: { id: number; version: number };
  third: { id: number };
  linkId: number;
  template: { id: number; version: number };
  feedback: { id: number; version: number };
  clerk: { id: number; version: number };
}
let seed: Seed;

const field = {
  position: 1,
  number: '1',
  key: 'purpose',
  label: { ru: 'Цель', en: 'Purpose', fr: 'Objet' },
  type: 'text' as const,
  translation: 'none' as const,
  binding: null,
  required: false,
  options: [],
};

/** A one-field AcroForm, the smallest consulate template. */
async function fillablePdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  doc.getForm().createTextField('1_Surname').addToPage(page, { x: 50, y: 780, width: 300, height: 18 });
  return Buffer.from(await doc.save()).toString('base64');
}

beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  const client = await t.call('clients.save', ivanov());
  const tour = await t.call('tours.save', {
    ...emptyTourInput(),
    voucher: 'FR-1',
    country: 'FRA',
    services: [{ kind: 'flight', description: 'SVO-CDG', startDate: null, endDate: null, priceMinor: 0 }],
  });
  const serviceId = tour.services[0]!.id;
  const { tourist } = await t.call('tourists.save', {
    tourId: tour.id,
    tourist: { ...emptyTouristFields(), lastNameRu: 'Петров', clientId: null, serviceIds: [serviceId] },
  });
  const form = await t.call('forms.save', { key: 'test_form', name: { ru: 'Тест', en: 'Test', fr: 'Test' } });
  const withField = await t.call('forms.saveField', { formId: form.id, field });
  await t.call('countries.save', {
    code: 'FRA',
    nameRu: 'Франция',
    nameEn: 'France',
    passportMarginMonths: 3,
    formKey: 'test_form',
  });
  const word = await t.call('dictionary.save', { ru: 'море', en: 'sea', fr: 'mer' });
  const batch = await t.call('import.commit', {
    tourId: null,
    rows: [{ draft: { lastNameRu: 'Сидоров', firstNameRu: 'Олег' }, action: 'create', clientId: null }],
  });
  const deleted = await t.call('dictionary.delete', {
    id: (await t.call('dictionary.save', { ru: 'лес', en: '', fr: '' })).id,
  });
  const consent = await t.call('consents.save', {
    clientId: client.id,
    scope: 'processing',
    givenOn: '2026-01-10',
  });
  const other = await t.call('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Иванова',
    firstNameRu: 'Мария',
  });
  const third = await t.call('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Иванов',
    firstNameRu: 'Петя',
  });
  const [link] = await t.call('families.link', { clientId: client.id, otherId: third.id, relation: 'child' });
  const template = await t.call('templates.add', {
    country: 'FRA',
    fileName: 'demande.pdf',
    base64: await fillablePdf(),
  });
  const feedback = await t.call('feedback.save', {
    clientId: client.id,
    tourId: tour.id,
    kind: 'praise',
    text: 'Всё понравилось',
    receivedOn: '2026-11-20',
  });
  const clerk = await t.call('clerks.save', { name: 'Ольга', role: 'clerk', active: true });
  seed = {
    clerk: { id: clerk.id, version: clerk.version },
    client: { id: client.id, version: client.version, documentId: client.documents[0]!.id },
    tour: { id: tour.id, version: tour.version, serviceId },
    tourist: { id: tourist.id, version: tourist.version },
    form: { id: form.id, fieldId: withField.fields[0]!.id },
    word: { id: word.id, version: word.version },
    batchId: batch.batchId,
    undoId: deleted.undoId,
    consentId: consent.id,
    other: { id: other.id, version: other.version },
    third: { id: third.id },
    linkId: link!.linkId,
    template: { id: template.id, version: template.version },
    feedback: { id: feedback.id, version: feedback.version },
  };
});

/** Versions move as the valid samples save: each command starts from the rows as they are now. */
async function refreshVersions(): Promise<void> {
  const client = await t.backend.dispatch('clients.get', { id: seed.client.id });
  if (client.ok) seed.client.version = (client.value as { version: number }).version;
  const other = await t.backend.dispatch('clients.get', { id: seed.other.id });
  if (other.ok) seed.other.version = (other.value as { version: number }).version;
  const template = (await t.call('templates.list', { country: 'FRA' })).find(
    (x) => x.id === seed.template.id,
  );
  if (template) seed.template.version = template.version;
  const feedback = await t.backend.dispatch('feedback.list', { clientId: seed.client.id });
  const entry = feedback.ok
    ? (feedback.value as { id: number; version: number }[]).find((x) => x.id === seed.feedback.id)
    : undefined;
  if (entry) seed.feedback.version = entry.version;
  const clerk = (await t.call('clerks.list', {})).find((x) => x.id === seed.clerk.id);
  if (clerk) seed.clerk.version = clerk.version;
  const tour = await t.call('tours.get', { id: seed.tour.id });
  seed.tour.version = tour.version;
  const tourist = tour.tourists.find((x) => x.id === seed.tourist.id);
  if (tourist) seed.tourist.version = tourist.version;
  const word = (await t.call('dictionary.list', { search: 'море' })).rows.find((r) => r.id === seed.word.id);
  if (word) seed.word.version = word.version;
}

afterAll(async () => {
  await t.dispose();
});

/** A valid input for every command that takes an id; each is tried once as it is, to prove it valid. */
const samples: { [K in CommandName]?: (s: Seed) => CommandInput<K> } = {
  'clients.get': (s) => ({ id: s.client.id }),
  'clients.save': (s) => ({
    ...ivanov({ phone: '+7 900 000-00-01' }),
    id: s.client.id,
    version: s.client.version,
    documents: [{ ...ivanov().documents[0]!, id: s.client.documentId }],
  }),
  'clients.delete': (s) => ({ id: s.client.id, version: s.client.version }),
  'clients.history': (s) => ({ id: s.client.id }),
  'forms.get': (s) => ({ id: s.form.id }),
  'forms.save': (s) => ({ id: s.form.id, key: 'test_form', name: { ru: 'Тест', en: 'Test', fr: 'Test' } }),
  'forms.delete': (s) => ({ id: s.form.id }),
  'forms.saveField': (s) => ({ formId: s.form.id, field: { ...field, id: s.form.fieldId } }),
  'forms.deleteField': (s) => ({ id: s.form.fieldId }),
  'forms.exportBook': (s) => ({ id: s.form.id, format: 'json' }),
  'dictionary.save': (s) => ({ id: s.word.id, version: s.word.version, ru: 'море', en: 'sea', fr: 'mer' }),
  'dictionary.delete': (s) => ({ id: s.word.id }),
  'questionnaire.open': (s) => ({ subject: { kind: 'tourist', id: s.tourist.id }, country: 'FRA' }),
  'questionnaire.save': (s) => ({
    subject: { kind: 'client', id: s.client.id },
    country: 'FRA',
    fieldKey: 'purpose',
    source: 'туризм',
  }),
  'questionnaire.copy': (s) => ({
    from: { subject: { kind: 'client', id: s.client.id }, country: 'FRA' },
    to: [{ subject: { kind: 'tourist', id: s.tourist.id }, country: 'FRA' }],
  }),
  'questionnaire.print': (s) => ({ subjects: [{ kind: 'tourist', id: s.tourist.id }], country: 'FRA' }),
  'tours.get': (s) => ({ id: s.tour.id }),
  'tours.save': (s) => ({
    ...emptyTourInput(),
    id: s.tour.id,
    version: s.tour.version,
    voucher: 'FR-1',
    country: 'FRA',
    services: [
      {
        id: s.tour.serviceId,
        kind: 'flight',
        description: 'SVO-CDG',
        startDate: null,
        endDate: null,
        priceMinor: 0,
      },
    ],
  }),
  'tours.exportTourists': (s) => ({ id: s.tour.id }),
  'tours.copy': (s) => ({ id: s.tour.id, voucher: 'FR-1-copy', shiftDays: 7, withTourists: true }),
  'tours.delete': (s) => ({ id: s.tour.id, version: s.tour.version }),
  'tourists.save': (s) => ({
    tourId: s.tour.id,
    tourist: {
      ...emptyTouristFields(),
      lastNameRu: 'Петров',
      id: s.tourist.id,
      version: s.tourist.version,
      clientId: s.client.id,
      serviceIds: [s.tour.serviceId],
    },
  }),
  'tourists.delete': (s) => ({ id: s.tourist.id }),
  'import.commit': (s) => ({
    tourId: s.tour.id,
    serviceIds: [s.tour.serviceId],
    rows: [{ draft: { lastNameRu: 'Иванов', firstNameRu: 'Иван' }, action: 'link', clientId: s.client.id }],
  }),
  'import.undo': (s) => ({ batchId: s.batchId }),
  'tourists.bindServices': (s) => ({
    tourId: s.tour.id,
    touristIds: [s.tourist.id],
    serviceIds: [s.tour.serviceId],
    bind: true,
  }),
  'undo.apply': (s) => ({ id: s.undoId }),
  'consents.list': (s) => ({ clientId: s.client.id }),
  'consents.save': (s) => ({
    id: s.consentId,
    clientId: s.client.id,
    scope: 'processing',
    givenOn: '2026-01-10',
  }),
  'clients.exportPersonalData': (s) => ({ id: s.client.id }),
  'clients.forget': (s) => ({ id: s.client.id }),
  'import.match': (s) => ({ drafts: [{ lastNameRu: 'Иванов', firstNameRu: 'Иван' }], tourId: s.tour.id }),
  'duplicates.matches': (s) => ({ clientId: s.client.id }),
  'duplicates.mergePreview': (s) => ({ keepId: s.client.id, mergeId: s.other.id }),
  'duplicates.merge': (s) => ({
    keepId: s.client.id,
    keepVersion: s.client.version,
    mergeId: s.other.id,
    mergeVersion: s.other.version,
    values: {},
  }),
  'duplicates.mergesOf': (s) => ({ clientId: s.client.id }),
  'families.list': (s) => ({ clientId: s.client.id }),
  'families.link': (s) => ({ clientId: s.other.id, otherId: s.third.id, relation: 'sibling' }),
  'families.unlink': (s) => ({ clientId: s.client.id, linkId: s.linkId }),
  'families.companions': (s) => ({ tourId: s.tour.id, clientId: s.client.id }),
  'families.tourChecks': (s) => ({ tourId: s.tour.id }),
  'templates.saveMapping': (s) => ({
    id: s.template.id,
    version: s.template.version,
    // Unmapped: the test form has no surname, and the Cyrillic name would not fit a standard PDF font.
    mapping: [],
    flatten: false,
  }),
  'templates.delete': (s) => ({ id: s.template.id }),
  'templates.fill': (s) => ({ id: s.template.id, subjects: [{ kind: 'tourist', id: s.tourist.id }] }),
  'templates.check': (s) => ({ id: s.template.id, subjects: [{ kind: 'tourist', id: s.tourist.id }] }),
  'tours.setPayer': (s) => ({ tourId: s.tour.id, clientId: s.client.id }),
  'tours.getPayer': (s) => ({ tourId: s.tour.id }),
  'feedback.save': (s) => ({
    id: s.feedback.id,
    version: s.feedback.version,
    clientId: s.client.id,
    tourId: s.tour.id,
    kind: 'praise',
    text: 'Всё понравилось, отель отличный',
    receivedOn: '2026-11-20',
  }),
  'feedback.list': (s) => ({ clientId: s.client.id, tourId: s.tour.id }),
  'referrals.get': (s) => ({ clientId: s.client.id }),
  'referrals.set': (s) => ({ clientId: s.client.id, referrerId: s.other.id }),
  'worklist.act': (s) => ({
    key: `birthday:${s.client.id}:2026-11-26`,
    clientId: s.client.id,
    reason: 'birthday',
    action: 'done',
  }),
  'contactLog.list': (s) => ({ clientId: s.client.id }),
  'clerks.save': (s) => ({
    id: s.clerk.id,
    version: s.clerk.version,
    name: 'Ольга',
    role: 'head',
    active: true,
  }),
  'clerks.setPassword': (s) => ({ id: s.clerk.id, password: 'пароль ольги' }),
};

// Commands that change or remove the seeded rows run last, so the others still find them.
const LAST: CommandName[] = [
  'templates.delete',
  'families.unlink',
  'duplicates.merge',
  'forms.deleteField',
  'forms.delete',
  'dictionary.delete',
  'tourists.delete',
  'undo.apply',
  'import.undo',
  'clients.delete',
  'clients.forget',
  'tours.delete',
];

// Every command's schemas, the groups loaded on first use (the loyalty commands) included.
await prepareAllCommands();

describe('a missing record', () => {
  const withIds = (Object.keys(contract) as CommandName[]).filter(
    (name) => idPaths(contract[name].input as Schema).length > 0,
  );
  const ordered = [...withIds.filter((n) => !LAST.includes(n)), ...LAST.filter((n) => withIds.includes(n))];

  it('has a sample input for every command with an id field', () => {
    expect(withIds.filter((name) => !samples[name])).toEqual([]);
    expect(withIds.length).toBeGreaterThan(25);
  });

  it.each(ordered)('%s answers NOT_FOUND for each of its ids', async (name) => {
    await refreshVersions();
    const sample = (samples[name] as ((s: Seed) => unknown) | undefined)?.(seed);
    if (!sample) return;
    const paths = idPaths(contract[name].input as Schema);
    const answers: string[] = [];
    for (const path of paths) {
      const envelope = await t.backend.dispatch(name, withId(sample, path, MISSING));
      answers.push(`${path.join('.')}: ${envelope.ok ? 'ok' : envelope.error.code}`);
    }
    expect(answers).toEqual(paths.map((path) => `${path.join('.')}: NOT_FOUND`));
    const valid = await t.backend.dispatch(name, sample);
    expect(valid.ok ? 'ok' : `${valid.error.code} ${valid.error.message}`, `${name} as sampled`).toBe('ok');
  });
});
