export {
  exceedsLimits,
  limitTable,
  readClipboardTable,
  readRawClipboardTable,
  MAX_ROWS,
  MAX_COLUMNS,
} from './clipboard';
export {
  analyzeTable,
  buildImportPreview,
  draftFromRow,
  findHeaderRow,
  headerLayoutKey,
  type PreviewOptions,
  type RowDraft,
  type TableLayout,
} from './preview';
export { detectMapping, guessFromContent, headerField, normalizeHeader, type HeaderClass } from './columns';
export {
  documentShape,
  excelSerialToIso,
  normalizeCitizenship,
  normalizeDate,
  normalizeDocumentNumber,
  normalizeGender,
  normalizePaxType,
  normalizeTitle,
  splitPassportCell,
} from './normalize';
export { looksLikeNames, nameScore } from './name-likeness';
export { commitIssues } from './draft-check';
export { parseHtmlTable } from './html-table';
export { parseDelimited, parseTextTable } from './text-table';
export * from './types';
export { clientFromDraft, foreignPassportOf, touristFromDraft } from './draft-records';
export { applyAssist, ASSIST_ACTIONS, type AssistAction } from './assist';
export {
  parseRememberedMappings,
  rememberedFor,
  withRemembered,
  type ManualMapping,
  type RememberedMappings,
} from './remembered-mappings';
