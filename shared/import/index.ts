export {
  exceedsLimits,
  limitTable,
  readClipboardTable,
  readRawClipboardTable,
  MAX_ROWS,
  MAX_COLUMNS,
} from './clipboard';
export {
  buildImportPreview,
  draftFromRow,
  findHeaderRow,
  headerLayoutKey,
  type PreviewOptions,
} from './preview';
export { detectMapping, guessFromContent, headerField, normalizeHeader } from './columns';
export {
  excelSerialToIso,
  normalizeCitizenship,
  normalizeDate,
  normalizeDocumentNumber,
  normalizeGender,
  normalizePaxType,
} from './normalize';
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
