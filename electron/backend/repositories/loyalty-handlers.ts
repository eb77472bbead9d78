import type { LOYALTY_COMMAND_NAMES } from '../../../shared/api/loyalty-command-names';
import type { RepositoryContext } from '../context';
import type { Handlers } from '../dispatch';
import { FeedbackRepository } from './feedback';
import { LoyaltyRepository } from './loyalty';
import { mustExist } from './must-exist';
import { WorklistRepository } from './worklist';

type LoyaltyCommand = (typeof LOYALTY_COMMAND_NAMES)[number];

/** Issue 15's handlers, spread into the backend's one dispatch by index.ts. */
export function loyaltyHandlers(ctx: RepositoryContext, clerk: () => string): Pick<Handlers, LoyaltyCommand> {
  const loyalty = new LoyaltyRepository(ctx);
  const feedback = new FeedbackRepository(ctx, clerk);
  const worklist = new WorklistRepository(ctx, clerk);
  return {
    'loyalty.overview': ({ params }) => loyalty.overview(params),
    'loyalty.clients': ({ params, filter, limit }) => loyalty.clients(params, filter, limit),
    'loyalty.exportSegment': ({ params, filter, format, headers }) =>
      loyalty.exportSegment(params, filter, format, headers),
    'loyalty.exportTable': ({ title, headers, rows }) => loyalty.exportTable(title, headers, rows),
    'tours.setPayer': ({ tourId, clientId }) => feedback.setPayer(tourId, clientId),
    'tours.getPayer': ({ tourId }) => feedback.payer(tourId),
    'feedback.save': (input) => feedback.save(input),
    'feedback.list': async ({ clientId, tourId }) => {
      await mustExist(ctx.db, 'clients', clientId, 'client');
      await mustExist(ctx.db, 'tours', tourId, 'tour');
      return feedback.list({ clientId, tourId });
    },
    'referrals.get': ({ clientId }) => feedback.referrals(clientId),
    'referrals.set': ({ clientId, referrerId }) => feedback.setReferrer(clientId, referrerId),
    'worklist.list': (query) => worklist.list(query),
    'worklist.act': (input) => worklist.act(input),
    'contactLog.list': async ({ clientId }) => {
      await mustExist(ctx.db, 'clients', clientId, 'client');
      return worklist.log(clientId);
    },
  };
}
