/** Issue 16's commands (consulates' own PDF and Word forms), zod-free for the preload like command-names.ts. */
export const VISA_COMMAND_NAMES = [
  'templates.list',
  'templates.add',
  'templates.saveMapping',
  'templates.delete',
  'templates.fill',
  'templates.check',
] as const;
