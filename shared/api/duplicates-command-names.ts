/** Issue 13's commands (duplicates, merge, families), zod-free for the preload like command-names.ts. */
export const DUPLICATES_COMMAND_NAMES = [
  'duplicates.scan',
  'duplicates.matches',
  'duplicates.dismiss',
  'duplicates.mergePreview',
  'duplicates.merge',
  'duplicates.mergesOf',
  'families.list',
  'families.link',
  'families.unlink',
  'families.companions',
  'families.tourChecks',
] as const;
