/** The loyalty commands (issue 15), zod-free for the preload like command-names.ts. */
export const LOYALTY_COMMAND_NAMES = [
  'loyalty.overview',
  'loyalty.clients',
  'loyalty.exportSegment',
  'loyalty.exportTable',
  'tours.setPayer',
  'tours.getPayer',
  'feedback.save',
  'feedback.list',
  'referrals.get',
  'referrals.set',
  'worklist.list',
  'worklist.act',
  'contactLog.list',
] as const;
