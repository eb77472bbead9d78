import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  loyaltyFilterSchema,
  type LoyaltyFilter,
  type LoyaltyOverview,
  type LoyaltyParams,
} from '../../../shared/loyalty';
import { ApiCallError, call } from '../api/client';
import { describeError } from '../ui/errors';
import { ChartCard } from './ChartCard';
import { ClientsDialog } from './ClientsDialog';
import { isoToLocal, money, percent } from './format';
import { MatrixTable } from './MatrixTable';
import {
  keyClientsChart,
  ladderChart,
  matrixChart,
  npsChart,
  npsPlacesChart,
  retentionChart,
  segmentsChart,
} from './overview-charts';
import { ParamsBar } from './ParamsBar';

const NO_FILTER = loyaltyFilterSchema.parse({});

/** The agency head's figures: ladder, ABC × XYZ, RFM, retention, key clients, NPS. */
export function OverviewPanel({
  params,
  onParams,
}: {
  params: LoyaltyParams;
  onParams: (p: LoyaltyParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const [overview, setOverview] = useState<LoyaltyOverview | null>(null);
  // Why the figures are not shown (a read-only base with changed tours): kept on the panel, not a toast.
  const [failure, setFailure] = useState<{ text: string; building: boolean } | null>(null);
  const [countries, setCountries] = useState<string[]>([]);
  const [open, setOpen] = useState<{ filter: LoyaltyFilter; title: string } | null>(null);
  const language = i18n.language;

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setOverview(null);
    setFailure(null);
    const load = () =>
      call('loyalty.overview', { params }).then(
        (o) => {
          if (!live) return;
          setFailure(null);
          setOverview(o);
        },
        (e: unknown) => {
          if (!live) return;
          // The facts are built in the background: the progress is shown and asked again.
          const building =
            e instanceof ApiCallError && e.error.reason?.startsWith('loyaltyBuilding') === true;
          setFailure({ text: describeError(t, e), building });
          if (building) retry = setTimeout(load, 1000);
        },
      );
    void load();
    return () => {
      live = false;
      clearTimeout(retry);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);
  useEffect(() => {
    call('countries.list', {}).then(
      (list) => setCountries(list.map((c) => c.code).sort()),
      () => undefined,
    );
  }, []);

  const charts = useMemo(
    () =>
      overview && {
        ladder: ladderChart(overview, t),
        matrix: matrixChart(overview, t, language),
        segments: segmentsChart(overview, t, language),
        retention: retentionChart(overview, t, language),
        key: keyClientsChart(overview, t, language),
        nps: npsChart(overview, t),
        places: npsPlacesChart(overview, t),
      },
    [overview, t, language],
  );

  const openCell = (abc: 'A' | 'B' | 'C', xyz: 'X' | 'Y' | 'Z') =>
    setOpen({ filter: { ...NO_FILTER, abc, xyz }, title: `${abc}${xyz}` });

  return (
    <div className="loyalty-overview">
      <ParamsBar params={params} onApply={onParams} />
      {failure !== null ? (
        <p
          className={failure.building ? 'muted' : 'error'}
          role={failure.building ? 'status' : 'alert'}
          data-testid="loyalty-failure"
        >
          {failure.text}
        </p>
      ) : !overview || !charts ? (
        <p className="muted">{t('loyalty.loading')}</p>
      ) : (
        <>
          <p className="loyalty-totals" data-testid="loyalty-totals">
            {t('loyalty.totals', {
              clients: overview.totals.clients,
              trips: overview.totals.trips,
              revenue: money(overview.totals.revenueMinor, language),
              margin: money(overview.totals.marginMinor, language),
              from: isoToLocal(overview.from),
              to: isoToLocal(overview.asOf),
            })}
          </p>
          <div className="loyalty-grid">
            <ChartCard
              id="ladder"
              title={t('loyalty.charts.ladder')}
              {...charts.ladder}
              onItemClick={({ dataIndex }) => {
                const stage = overview.ladder[dataIndex]?.stage;
                if (stage)
                  setOpen({ filter: { ...NO_FILTER, stage }, title: t(`loyalty.ladder.stages.${stage}`) });
              }}
            />
            <ChartCard
              id="matrix"
              title={t('loyalty.charts.matrix')}
              {...charts.matrix}
              onItemClick={({ data }) => {
                const cell = (data as { cell?: string } | null)?.cell;
                if (cell) openCell(cell[0] as 'A' | 'B' | 'C', cell[1] as 'X' | 'Y' | 'Z');
              }}
              table={<MatrixTable matrix={overview.matrix} onOpen={openCell} />}
            >
              <p className="muted">{t('loyalty.matrix.hint')}</p>
            </ChartCard>
            <ChartCard
              id="segments"
              title={t('loyalty.charts.segments')}
              {...charts.segments}
              height={320}
              onItemClick={({ dataIndex }) => {
                const segment = overview.segments[dataIndex]?.segment;
                if (segment)
                  setOpen({
                    filter: { ...NO_FILTER, segment },
                    title: t(`loyalty.segments.names.${segment}`),
                  });
              }}
            />
            <ChartCard id="retention" title={t('loyalty.charts.retention')} {...charts.retention} />
            <ChartCard id="key-clients" title={t('loyalty.charts.keyClients')} {...charts.key}>
              <p className="muted">
                {overview.keyClients.length === 0 ? t('loyalty.key.none') + ' ' : ''}
                {t('loyalty.key.concentration', {
                  top1: percent(overview.concentration.top1, language),
                  top5: percent(overview.concentration.top5, language),
                  top10: percent(overview.concentration.top10, language),
                })}
              </p>
            </ChartCard>
            <ChartCard id="nps" title={t('loyalty.charts.nps')} {...charts.nps}>
              <p className="muted">
                {t('loyalty.nps.summary', {
                  score: overview.nps.score ?? t('loyalty.nps.noScore'),
                  responses: overview.nps.responses,
                  open: overview.nps.openComplaints,
                  days: overview.nps.averageResolutionDays ?? t('loyalty.nps.noScore'),
                })}
              </p>
            </ChartCard>
            <ChartCard id="nps-places" title={t('loyalty.charts.npsPlaces')} {...charts.places} />
          </div>
        </>
      )}
      {open && (
        <ClientsDialog
          params={params}
          filter={open.filter}
          title={open.title}
          countries={countries}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
