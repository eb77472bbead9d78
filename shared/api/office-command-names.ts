/** Issue 14's commands (clerks, the base's connection), zod-free for the preload like command-names.ts. */
export const CLERK_COMMAND_NAMES = [
  'clerks.status',
  'clerks.signIn',
  'clerks.signOut',
  'clerks.list',
  'clerks.save',
  'clerks.setPassword',
] as const;

/** Settings' choice of the base (this computer's file or the office server). */
export const CONNECTION_COMMAND_NAMES = [
  'connection.get',
  'connection.save',
  'connection.test',
  'connection.createSchema',
] as const;

/** Moving this computer's base to the office server. */
export const MOVE_COMMAND_NAMES = ['connection.move', 'connection.moveProgress'] as const;

export const OFFICE_COMMAND_NAMES = [
  ...CLERK_COMMAND_NAMES,
  ...CONNECTION_COMMAND_NAMES,
  ...MOVE_COMMAND_NAMES,
] as const;
