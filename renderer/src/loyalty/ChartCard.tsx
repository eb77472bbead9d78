import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { downloadBase64 } from '../ui/files';
import { useToast } from '../ui/toasts';
import { Chart, type ChartHandle, type ChartItem } from './Chart';
import type { ChartOption } from './echarts';

export type TableCell = string | number;

interface ChartCardProps {
  id: string;
  title: string;
  option: ChartOption;
  /** The chart's figures as a table: shown under the chart and saved as .xlsx. */
  headers: string[];
  rows: TableCell[][];
  height?: number;
  onItemClick?: (item: ChartItem) => void;
  children?: ReactNode;
  /** Replaces the plain table (the matrix shows clickable cells instead). */
  table?: ReactNode;
}

/** One chart with its table, each saved from its own button (PNG and .xlsx). */
export function ChartCard({
  id,
  title,
  option,
  headers,
  rows,
  height,
  onItemClick,
  children,
  table,
}: ChartCardProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const chart = useRef<ChartHandle>(null);
  const savePng = () => {
    const url = chart.current?.png();
    if (!url) return;
    const fileName = `${id}.png`;
    downloadBase64(fileName, url.slice(url.indexOf(',') + 1));
    toast({ kind: 'info', message: t('loyalty.exported', { file: fileName }) });
  };
  const saveXlsx = () =>
    call('loyalty.exportTable', { title, headers, rows }).then(
      ({ fileName, base64 }) => {
        downloadBase64(fileName, base64);
        toast({ kind: 'info', message: t('loyalty.exported', { file: fileName }) });
      },
      (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    );
  return (
    <section className="loyalty-card" aria-label={title} data-testid={`chart-${id}`}>
      <header className="loyalty-card-header">
        <h3>{title}</h3>
        <span className="spacer" />
        <button type="button" onClick={savePng} title={t('loyalty.exportPngTitle', { chart: title })}>
          {t('loyalty.exportPng')}
        </button>
        <button
          type="button"
          onClick={() => void saveXlsx()}
          title={t('loyalty.exportXlsxTitle', { chart: title })}
        >
          {t('loyalty.exportXlsx')}
        </button>
      </header>
      <Chart
        ref={chart}
        option={option}
        label={title}
        {...(height ? { height } : {})}
        {...(onItemClick ? { onItemClick } : {})}
      />
      {children}
      {table ?? (
        <table className="table loyalty-table">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
