import { useTranslation } from 'react-i18next';
import type { LoyaltyOverview } from '../../../shared/loyalty';
import { percent } from './format';

interface MatrixTableProps {
  matrix: LoyaltyOverview['matrix'];
  onOpen: (abc: 'A' | 'B' | 'C', xyz: 'X' | 'Y' | 'Z') => void;
}

/** The 3×3 ABC × XYZ table: each cell shows its clients and revenue share and opens its clients. */
export function MatrixTable({ matrix, onOpen }: MatrixTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <table className="table loyalty-matrix" data-testid="loyalty-matrix">
      <thead>
        <tr>
          <th />
          {(['X', 'Y', 'Z'] as const).map((x) => (
            <th key={x}>{x}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(['A', 'B', 'C'] as const).map((a) => (
          <tr key={a}>
            <th>{a}</th>
            {(['X', 'Y', 'Z'] as const).map((x) => {
              const cell = matrix.find((m) => m.abc === a && m.xyz === x);
              const count = cell?.count ?? 0;
              return (
                <td key={x}>
                  <button
                    type="button"
                    className="link-button"
                    disabled={count === 0}
                    aria-label={t('loyalty.matrix.open', { cell: `${a}${x}` })}
                    onClick={() => onOpen(a, x)}
                  >
                    {count} · {percent(cell?.revenueShare ?? 0, i18n.language)}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
