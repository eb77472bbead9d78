import { generateClients } from '../electron/backend/demo/generate-clients';
import { touristColumns } from '../electron/backend/repositories/tour-mapping';
import type { CommandInput } from '../shared/api/contract';
import { normalizeTouristDocuments } from '../shared/domain/tourist-validation';
import { touristsTable } from '../shared/domain/tourist-columns';
import { touristFromClient } from '../shared/domain/tourist-client';
import { buildImportPreview } from '../shared/import';
import { touristFromDraft } from '../shared/import/draft-records';

type CommitRow = CommandInput<'import.commit'>['rows'][number];

/** A pasted 5,000-row passenger list as the import screen sends it to import.commit. */
export function commitRows(count: number): CommitRow[] {
  const tourists = generateClients(count, 11).map((c, i) =>
    touristFromClient(
      {
        ...c,
        id: i + 1,
        version: 1,
        createdAt: '',
        updatedAt: '',
        documents: c.documents.map((d, n) => ({ ...d, id: n + 1 })),
      },
      { ticketNumber: '' },
    ),
  );
  const table = touristsTable(tourists, [], 'personal');
  const html = `<table>${table.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  return buildImportPreview({ html, text: '' }).rows.map((r) => ({
    draft: r.draft,
    action: 'touristOnly' as const,
    clientId: null,
  }));
}

/** The tourists row the raw side writes for a draft: the same columns, name keys included. */
export function touristRow(draft: CommitRow['draft']) {
  return touristColumns(normalizeTouristDocuments(touristFromDraft(draft)));
}
