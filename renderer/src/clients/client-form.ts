import type { Client, ClientInput, DocumentInput } from '../../../shared/domain/client';
import { emptyClientInput } from '../../../shared/domain/client';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import { formatDate, parseDate } from '../../../shared/domain/dates';

/** A document as the card edits it: dates as the clerk types them, plus a stable React key. */
export interface DocumentForm extends Omit<DocumentInput, 'issueDate' | 'expiryDate'> {
  issueDate: string;
  expiryDate: string;
  key: string;
}

export interface ClientForm extends Omit<ClientInput, 'birthDate' | 'documents'> {
  birthDate: string;
  documents: DocumentForm[];
}

let nextKey = 1;
export function newDocumentKey(): string {
  return `doc-${nextKey++}`;
}

export function documentToForm(doc: DocumentInput): DocumentForm {
  return {
    ...doc,
    issueDate: formatDate(doc.issueDate),
    expiryDate: formatDate(doc.expiryDate),
    key: newDocumentKey(),
  };
}

export function clientToForm(client: Client | null): ClientForm {
  const source = client ?? { ...emptyClientInput() };
  return {
    ...source,
    birthDate: formatDate(source.birthDate),
    documents: source.documents.map(documentToForm),
  };
}

function parseDateField(
  text: string,
  path: string,
  issues: ValidationIssue[],
  pastOnly = false,
): string | null {
  if (text.trim() === '') return null;
  const iso = parseDate(text, pastOnly ? 'past' : 'future');
  if (iso === null) issues.push({ path, code: 'dateInvalid' });
  return iso;
}

/** Turns the typed form into an API input; dates that are not real dates become issues at their field. */
export function formToInput(form: ClientForm): { input: ClientInput; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const documents: DocumentInput[] = form.documents.map((doc, i) => {
    const { key: _key, ...rest } = doc;
    return {
      ...rest,
      issueDate: parseDateField(doc.issueDate, `documents.${i}.issueDate`, issues, true),
      expiryDate: parseDateField(doc.expiryDate, `documents.${i}.expiryDate`, issues),
    };
  });
  const { birthDate, documents: _documents, ...fields } = form;
  return {
    input: { ...fields, birthDate: parseDateField(birthDate, 'birthDate', issues, true), documents },
    issues,
  };
}
