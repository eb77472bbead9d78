/** Issue 14's commands (clerks, the base's connection), zod-free for the preload like command-names.ts. */
export const OFFICE_COMMAND_NAMES = [
  'clerks.status',
  'clerks.signIn',
  'clerks.signOut',
  'clerks.list',
  'clerks.save',
  'clerks.setPassword',
  'connection.get',
  'connection.save',
  'connection.test',
  'connection.createSchema',
  'connection.move',
  'connection.moveProgress',
] as const;
