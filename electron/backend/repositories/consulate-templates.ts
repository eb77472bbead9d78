import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../../shared/api/envelope';
import { timestamp } from '../../../shared/domain/clock';
import { choiceCodes } from '../../../shared/questionnaire/answers';
import type { PrintJob, PrintSheet, Subject } from '../../../shared/questionnaire/model';
import {
  suggestMapping,
  templateFieldSchema,
  type FittedField,
  templateMappingEntrySchema,
  type ConsulateTemplate,
  type TemplateMappingEntry,
} from '../../../shared/questionnaire/templates';
import type { RepositoryContext } from '../context';
import type { ConsulateTemplatesTable, Database } from '../db/schema';
import type { QuestionnairesRepository } from './questionnaires';

// pdf-lib, its font kit and docxtemplater load on first use: half a second no start should wait for (issue 17).
const docxTemplate = () => import('../consulate-forms/docx-template');
const pdfForm = () => import('../consulate-forms/pdf-form');
const warmUps = () => import('../consulate-forms/warm-up');

type Row = Omit<ConsulateTemplatesTable, 'id' | 'version'> & { id: number; version: number };

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = 'PK';

function toTemplate(row: Row): ConsulateTemplate {
  return {
    id: row.id,
    country: row.country,
    kind: row.kind,
    name: row.name,
    fields: z.array(templateFieldSchema()).parse(JSON.parse(row.fields)),
    mapping: z.array(templateMappingEntrySchema()).parse(JSON.parse(row.mapping)),
    flatten: row.flatten === 1,
    version: row.version,
  };
}

/** One person's answers as a consulate template reads them. */
function readers(sheet: PrintSheet) {
  const answers = new Map(sheet.answers.map((a) => [a.fieldKey, a]));
  return {
    value: (key: string) => answers.get(key)?.value.trim() ?? '',
    ticked: (key: string, code: string) => choiceCodes(answers.get(key)?.source ?? '').includes(code),
  };
}

const safeName = (text: string) => text.replace(/[^\p{L}\p{N} _.-]+/gu, '_').trim() || 'form';

/**
 * Issue 16: the consulates' own fillable PDF and Word forms. Added once per country with their
 * fields listed and a proposed mapping; the clerk corrects the mapping; Print fills the form for
 * each tourist from the same answers the questionnaire prints.
 */
export class ConsulateTemplatesRepository {
  private readonly db: Kysely<Database>;

  constructor(
    private readonly ctx: RepositoryContext,
    private readonly questionnaires: QuestionnairesRepository,
  ) {
    this.db = ctx.db;
  }

  async list(country: string): Promise<ConsulateTemplate[]> {
    const rows = await this.db
      .selectFrom('consulate_templates')
      .select(['id', 'country', 'kind', 'name', 'fields', 'mapping', 'flatten', 'version', 'created_at'])
      .where('country', '=', country)
      .orderBy('id')
      .execute();
    return rows.map((r) => toTemplate({ ...r, content: new Uint8Array() }));
  }

  private async row(id: number): Promise<Row> {
    const row = await this.db
      .selectFrom('consulate_templates')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `template ${id}`);
    return row;
  }

  async add(input: { country: string; fileName: string; base64: string }): Promise<ConsulateTemplate> {
    const content = new Uint8Array(Buffer.from(input.base64, 'base64'));
    const head = Buffer.from(content.subarray(0, 5)).toString('latin1');
    const kind = head.startsWith(PDF_MAGIC) ? 'pdf' : head.startsWith(ZIP_MAGIC) ? 'docx' : null;
    if (!kind)
      throw new AppError('VALIDATION', 'neither a PDF nor a Word file', [
        { path: 'file', code: 'noFormFields' },
      ]);
    const fields =
      kind === 'pdf'
        ? await (await pdfForm()).listPdfFields(content)
        : (await docxTemplate()).listDocxPlaceholders(content);
    const formFields = (await this.questionnaires.formOf(input.country)).fields;
    const mapping =
      kind === 'pdf'
        ? suggestMapping(fields, formFields)
        : fields
            .filter((f) => formFields.some((ff) => ff.key === f.name))
            .map((f) => ({ field: f.name, key: f.name, code: null, option: null }));
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('consulate_templates')
        .values({
          country: input.country,
          kind,
          name: input.fileName.trim().slice(0, 200) || 'form',
          content,
          fields: JSON.stringify(fields),
          mapping: JSON.stringify(mapping),
          flatten: 1,
          created_at: timestamp(this.ctx.clock),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.ctx.audit.record(trx, {
        entity: 'consulate_template',
        entityId: row.id,
        action: 'add',
        changes: { country: input.country, kind, fields: fields.length },
      });
      return toTemplate(row);
    });
  }

  async saveMapping(input: {
    id: number;
    version: number;
    mapping: TemplateMappingEntry[];
    flatten: boolean;
  }): Promise<ConsulateTemplate> {
    const current = toTemplate(await this.row(input.id));
    const names = new Set(current.fields.map((f) => f.name));
    const form = await this.questionnaires.formOf(current.country);
    input.mapping.forEach((entry, i) => {
      const field = form.fields.find((f) => f.key === entry.key);
      if (
        !names.has(entry.field) ||
        !field ||
        (entry.code !== null && !field.options.some((o) => o.code === entry.code) && field.type !== 'yesno')
      )
        throw new AppError('VALIDATION', `mapping ${i}: ${entry.field} -> ${entry.key}`, [
          { path: `mapping.${i}`, code: 'formUnknown' },
        ]);
    });
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('consulate_templates')
        .set({
          mapping: JSON.stringify(input.mapping),
          flatten: input.flatten ? 1 : 0,
          version: current.version + 1,
        })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('STALE_VERSION', `template ${input.id}`);
      await this.ctx.audit.record(trx, {
        entity: 'consulate_template',
        entityId: input.id,
        action: 'mapping',
        changes: { entries: input.mapping.length, flatten: input.flatten },
      });
      return { ...current, mapping: input.mapping, flatten: input.flatten, version: current.version + 1 };
    });
  }

  async remove(id: number): Promise<{ id: number }> {
    await this.row(id);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('consulate_templates').where('id', '=', id).execute();
      await this.ctx.audit.record(trx, {
        entity: 'consulate_template',
        entityId: id,
        action: 'delete',
        changes: {},
      });
    });
    return { id };
  }

  /** Each person's PDF values from the template's mapping and the answers the questionnaire prints. */
  private async pdfPeople(template: ConsulateTemplate, job: PrintJob) {
    const { pdfValues } = await pdfForm();
    return job.sheets.map((sheet) =>
      pdfValues(template.mapping, template.fields, job.form.fields, {
        ...readers(sheet),
        name: sheet.fullNameLat || sheet.header,
      }),
    );
  }

  /** The consulate's form filled for each person, one file each, named after the person. */
  async fill(
    id: number,
    subjects: readonly Subject[],
  ): Promise<{ files: { fileName: string; base64: string; fitted: FittedField[] }[] }> {
    (await warmUps()).stopWarmUp();
    const row = await this.row(id);
    const template = toTemplate(row);
    const job = await this.questionnaires.printJob(subjects, template.country);
    const people = template.kind === 'pdf' ? await this.pdfPeople(template, job) : [];
    const files = [];
    for (const [i, sheet] of job.sheets.entries()) {
      const { value, ticked } = readers(sheet);
      const { bytes, fitted } =
        template.kind === 'pdf'
          ? await (await pdfForm()).fillPdf(row.content, people[i]!, template.flatten)
          : {
              bytes: (await docxTemplate()).fillDocx(
                row.content,
                docxValues(template.mapping, job.form.fields, value, ticked),
              ),
              fitted: [],
            };
      const person = safeName(sheet.fullNameLat || sheet.header);
      files.push({
        fileName: `${safeName(template.name.replace(/\.(pdf|docx)$/i, ''))} ${person}.${template.kind}`,
        base64: Buffer.from(bytes).toString('base64'),
        fitted,
      });
    }
    return { files };
  }

  /**
   * The print preview's check: which values will print smaller, wrapped or on an annex page. It
   * also warms pdf-lib up in the background on these people's values, for the Fill that follows.
   */
  async check(
    id: number,
    subjects: readonly Subject[],
  ): Promise<{ people: { subject: Subject; person: string; fitted: FittedField[] }[] }> {
    const row = await this.row(id);
    const template = toTemplate(row);
    if (template.kind !== 'pdf') return { people: [] };
    const job = await this.questionnaires.printJob(subjects, template.country);
    const values = await this.pdfPeople(template, job);
    const fitted = await (await pdfForm()).checkPdf(row.content, values);
    (await warmUps()).warmUp(row.content, values);
    return {
      people: job.sheets.map((sheet, i) => ({
        subject: sheet.subject,
        person: sheet.fullNameLat || sheet.header,
        fitted: fitted[i]!,
      })),
    };
  }
}

/** A Word template's data: every field by its key, every option as key_code (X when chosen), then the clerk's mapping. */
export function docxValues(
  mapping: readonly TemplateMappingEntry[],
  fields: readonly { key: string; options: readonly { code: string }[] }[],
  value: (key: string) => string,
  ticked: (key: string, code: string) => boolean,
): Record<string, string> {
  const data: Record<string, string> = {};
  for (const f of fields) {
    data[f.key] = value(f.key);
    for (const o of f.options) data[`${f.key}_${o.code}`] = ticked(f.key, o.code) ? 'X' : '';
  }
  for (const m of mapping) data[m.field] = m.code === null ? value(m.key) : ticked(m.key, m.code) ? 'X' : '';
  return data;
}
