import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import { today } from '../../../shared/domain/clock';
import type { Clock } from '../../../shared/domain/clock';
import type { Database } from '../db/schema';
import { loyaltyDb } from './loyalty-schema';
import { refreshLoyalty } from './loyalty-trips';

/** Up to this many stale tours are recomputed before the answer; more are built in the background. */
export const INLINE_TOURS = 2_000;
/** The figures of a new day are rebuilt before the answer for up to this many clients. */
export const INLINE_CLIENTS = 20_000;

export interface LoyaltyBuild {
  phase: 'trips' | 'clients';
  done: number;
  total: number;
}

/**
 * Keeps a big refresh of the loyalty facts (the first open after an upgrade: every tour stale; a new
 * day: every client's figures) off the answer. A read that finds more than `inlineTours` stale
 * tours, or the kept figures of another day, starts the refresh in the background (each chunk its
 * own transaction, so other screens' commands run between them) and answers UNAVAILABLE with the
 * reason loyaltyBuilding and how far it is; the Loyalty screen shows that and asks again.
 */
export class LoyaltyRefresher {
  private running: Promise<void> | null = null;
  private build: LoyaltyBuild = { phase: 'trips', done: 0, total: 0 };
  private failure: unknown = null;
  /** A build met a read-only base: reads refresh inline from then on (they say READ_ONLY or group). */
  private readOnly = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly inlineTours = INLINE_TOURS,
  ) {}

  /** Resolves when the facts are up to date for today; throws loyaltyBuilding while a build runs. */
  async ensureFresh(): Promise<void> {
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
    if (this.running) throw this.building();
    if (this.readOnly) return;
    const day = today(this.clock);
    const db = loyaltyDb(this.db);
    const [stale, state, top] = await Promise.all([
      db
        .selectFrom('loyalty_stale_tours')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
      db.selectFrom('loyalty_figures_state').select(['as_of', 'next_client']).executeTakeFirst(),
      db
        .selectFrom('clients')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst(),
    ]);
    const tours = Number(stale?.n ?? 0);
    const figuresReady =
      (state?.as_of === day && state.next_client === null) || Number(top?.id ?? 0) <= INLINE_CLIENTS;
    if (tours <= this.inlineTours && figuresReady) return;
    this.start(day, tours);
    throw this.building();
  }

  /** The background build, if one runs (tests wait for it). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private start(day: string, tours: number): void {
    this.build = { phase: 'trips', done: 0, total: tours };
    this.running = (async () => {
      await refreshLoyalty(this.db, day, (p) => {
        this.build =
          p.total === 0
            ? { phase: 'trips', done: p.tours, total: this.build.total }
            : { phase: 'clients', done: p.done, total: p.total };
      });
    })()
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'READ_ONLY') this.readOnly = true;
        else this.failure = error;
      })
      .finally(() => {
        this.running = null;
      });
  }

  private building(): AppError {
    const { phase, done, total } = this.build;
    return new AppError(
      'UNAVAILABLE',
      `loyalty facts are being built: ${phase} ${done} of ${total}`,
      undefined,
      {
        reason: phase === 'trips' ? 'loyaltyBuildingTrips' : 'loyaltyBuildingClients',
        params: { done, total },
      },
    );
  }
}
