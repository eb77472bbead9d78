import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import type { Tour, Tourist } from '../../../shared/domain/tour';
import { touristWarnings } from '../../../shared/domain/tourist-checks';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { downloadBase64 } from '../ui/files';
import { isNewShortcut } from '../ui/keys';
import { touristName, warningText } from './format';
import { TourFamilyNotes } from '../duplicates/TourFamilyNotes';
import { TouristDialog } from './TouristDialog';
import { TourLoyaltyActions } from '../loyalty/TourLoyaltyActions';
import { lazy, Suspense } from 'react';
import { ResizeHandle, useSizedColumns } from '../ui/column-sizing';
import { Icon } from '../ui/icons';

const COLUMNS = [
  { id: 'name', size: 220 },
  { id: 'latin', size: 200 },
  { id: 'birthDate', size: 115 },
  { id: 'passport', size: 130 },
  { id: 'expiry', size: 125 },
  { id: 'services', size: 200 },
  { id: 'warnings', size: 260 },
] as const;
const CHECK_WIDTH = 40;
const NUMBER_WIDTH = 40;
const ACTIONS_WIDTH = 84;

const QuestionnaireScreen = lazy(() =>
  import('../questionnaire/QuestionnaireScreen').then((m) => ({ default: m.QuestionnaireScreen })),
);
const ImportScreen = lazy(() => import('../import/ImportScreen').then((m) => ({ default: m.ImportScreen })));

interface TouristsPanelProps {
  tour: Tour;
  marginMonths: number;
  active: boolean;
  onTourChanged: (tour: Tour) => void;
}

type Editing = { mode: 'new' } | { mode: 'edit'; tourist: Tourist } | null;

/** The tour's tourists: add from the regular-client base, check passports, bind services, export. */
export function TouristsPanel({ tour, marginMonths, active, onTourChanged }: TouristsPanelProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [serviceId, setServiceId] = useState<number | ''>('');
  const [importing, setImporting] = useState(false);
  const [questionnaireAt, setQuestionnaireAt] = useState<number | null>(null);
  const people = useMemo(
    () =>
      tour.tourists.map((x) => ({ subject: { kind: 'tourist' as const, id: x.id }, name: touristName(x) })),
    [tour.tourists],
  );
  const sized = useSizedColumns('tourists', COLUMNS);
  const fail = (e: unknown) => toast({ kind: 'error', message: describeError(t, e) });
  const reload = () => call('tours.get', { id: tour.id }).then(onTourChanged, fail);
  const offerUndo = (message: string, undoId: number) =>
    toast({
      kind: 'info',
      message,
      action: {
        label: t('tours.tourists.undo'),
        run: () =>
          void call('undo.apply', { id: undoId }).then(() => {
            reload();
            toast({ kind: 'info', message: t('tours.tourists.undone') });
          }, fail),
      },
    });

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      if (isNewShortcut(e)) {
        e.preventDefault();
        setEditing({ mode: 'new' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const bind = (bindIt: boolean) => {
    if (serviceId === '' || selected.size === 0) return;
    call('tourists.bindServices', {
      tourId: tour.id,
      touristIds: [...selected],
      serviceIds: [serviceId],
      bind: bindIt,
    }).then(({ tour: changed, undoId }) => {
      onTourChanged(changed);
      offerUndo(t('tours.tourists.bound', { count: selected.size }), undoId);
    }, fail);
  };

  const remove = (tourist: Tourist) => {
    if (!window.confirm(t('tours.tourists.removeConfirm', { name: touristName(tourist) }))) return;
    call('tourists.delete', { id: tourist.id }).then(({ undoId }) => {
      reload();
      offerUndo(t('tours.tourists.removed', { name: touristName(tourist) }), undoId);
    }, fail);
  };

  const exportXlsx = () =>
    call('tours.exportTourists', { id: tour.id }).then(({ fileName, base64 }) => {
      downloadBase64(fileName, base64);
      toast({ kind: 'info', message: t('tours.tourists.exported', { file: fileName }) });
    }, fail);

  const serviceLabel = (id: number) => {
    const s = tour.services.find((x) => x.id === id);
    return s ? s.description || t(`tours.services.kinds.${s.kind}`) : '';
  };

  return (
    <div className="panel">
      <div className="toolbar">
        <h3 className="section-title">{t('tours.tourists.title')}</h3>
        <button type="button" className="primary" onClick={() => setEditing({ mode: 'new' })} title="Insert">
          + {t('tours.tourists.add')}
        </button>
        <button type="button" onClick={() => setImporting(true)}>
          {t('import.open')}
        </button>
        <button type="button" onClick={() => setSelected(new Set(tour.tourists.map((x) => x.id)))}>
          {t('tours.tourists.selectAll')}
        </button>
        <span className="muted">{t('tours.tourists.selected', { count: selected.size })}</span>
        <select
          aria-label={t('tours.tourists.selectService')}
          value={serviceId}
          onChange={(e) => setServiceId(e.target.value === '' ? '' : Number(e.target.value))}
        >
          <option value="">{t('tours.tourists.selectService')}</option>
          {tour.services.map((s) => (
            <option key={s.id} value={s.id}>
              {serviceLabel(s.id)}
            </option>
          ))}
        </select>
        <button type="button" disabled={serviceId === '' || selected.size === 0} onClick={() => bind(true)}>
          {t('tours.tourists.bind')}
        </button>
        <button type="button" disabled={serviceId === '' || selected.size === 0} onClick={() => bind(false)}>
          {t('tours.tourists.unbind')}
        </button>
        <TourLoyaltyActions tour={tour} current={tour.tourists[cursor]} />
        <span className="spacer" />
        <button
          type="button"
          onClick={() => setQuestionnaireAt(Math.min(cursor, tour.tourists.length - 1))}
          disabled={tour.tourists.length === 0}
        >
          {t('tours.tourists.questionnaires')}
        </button>
        <button type="button" onClick={() => void exportXlsx()} disabled={tour.tourists.length === 0}>
          {t('tours.tourists.export')}
        </button>
      </div>
      <TourFamilyNotes tour={tour} />
      {tour.tourists.length === 0 ? (
        <p className="muted">{t('tours.tourists.none')}</p>
      ) : (
        <div className="table-scroll tourists-scroll">
          <table
            className="table sized-table"
            data-testid="tourists-table"
            style={{
              minWidth:
                CHECK_WIDTH +
                NUMBER_WIDTH +
                ACTIONS_WIDTH +
                COLUMNS.reduce((sum, c) => sum + sized.size(c.id), 0),
            }}
            tabIndex={0}
            onKeyDown={(e) => {
              if (e.target !== e.currentTarget) return;
              const current = tour.tourists[cursor];
              if (e.key === 'ArrowDown') setCursor((i) => Math.min(i + 1, tour.tourists.length - 1));
              else if (e.key === 'ArrowUp') setCursor((i) => Math.max(i - 1, 0));
              else if (e.key === 'Enter' && current) setEditing({ mode: 'edit', tourist: current });
              else if (e.key === ' ' && current) {
                e.preventDefault();
                toggle(current.id);
              } else if (e.key === 'Delete' && current) remove(current);
            }}
          >
            <colgroup>
              <col style={{ width: CHECK_WIDTH }} />
              <col style={{ width: NUMBER_WIDTH }} />
              {COLUMNS.map((c) => (
                <col key={c.id} style={{ width: sized.size(c.id) }} />
              ))}
              <col style={{ width: ACTIONS_WIDTH }} />
            </colgroup>
            <thead>
              <tr>
                <th />
                <th>{t('layout.rowNumber')}</th>
                {COLUMNS.map((c) => {
                  const header = sized.header(c.id);
                  const label = t(`tours.tourists.columns.${c.id}`);
                  return (
                    <th key={c.id}>
                      {label}
                      {header && <ResizeHandle header={header} label={label} />}
                    </th>
                  );
                })}
                <th>
                  <span className="visually-hidden">{t('layout.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tour.tourists.map((tourist, i) => {
                const warnings = touristWarnings(tourist, tour, marginMonths).map((w) => warningText(t, w));
                const name = touristName(tourist);
                return (
                  <tr
                    key={tourist.id}
                    className={i === cursor ? 'selected' : undefined}
                    onClick={() => setCursor(i)}
                    onDoubleClick={() => setEditing({ mode: 'edit', tourist })}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={name}
                        checked={selected.has(tourist.id)}
                        onChange={() => toggle(tourist.id)}
                      />
                    </td>
                    <td className="num">{i + 1}</td>
                    <td title={name}>{name}</td>
                    <td>{[tourist.lastNameLat, tourist.firstNameLat].filter(Boolean).join(' ')}</td>
                    <td>{formatDate(tourist.birthDate)}</td>
                    <td className="mono">
                      {[tourist.passportSeries, tourist.passportNumber].filter(Boolean).join(' ')}
                    </td>
                    <td>{formatDate(tourist.passportExpiry)}</td>
                    <td title={tourist.serviceIds.map(serviceLabel).join(', ')}>
                      {tourist.serviceIds.map((id) => (
                        <span key={id} className="tag">
                          {serviceLabel(id)}
                        </span>
                      ))}
                    </td>
                    {/* One line: the first warning shows, all of them are in the tooltip and read out. */}
                    <td className="warnings-cell" title={warnings.join('\n')}>
                      {warnings.map((w) => (
                        <span key={w} className="hint-warning" role="note">
                          ⚠ {w}{' '}
                        </span>
                      ))}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t('layout.editTourist', { name })}
                        title={t('layout.editTourist', { name })}
                        onClick={() => setEditing({ mode: 'edit', tourist })}
                      >
                        <Icon name="edit" />
                      </button>
                      <button
                        type="button"
                        className="icon-button icon-danger"
                        aria-label={t('layout.removeTourist', { name })}
                        title={t('layout.removeTourist', { name })}
                        onClick={() => remove(tourist)}
                      >
                        <Icon name="delete" />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {questionnaireAt !== null && (
        <Suspense fallback={null}>
          <QuestionnaireScreen
            people={people}
            initialIndex={questionnaireAt}
            defaultCountry={tour.country}
            title={tour.voucher}
            onClose={() => setQuestionnaireAt(null)}
          />
        </Suspense>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportScreen tour={tour} onClose={() => setImporting(false)} onCommitted={() => void reload()} />
        </Suspense>
      )}
      {editing && (
        <TouristDialog
          key={editing.mode === 'edit' ? editing.tourist.id : 'new'}
          tour={tour}
          tourist={editing.mode === 'edit' ? editing.tourist : null}
          marginMonths={marginMonths}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </div>
  );
}
