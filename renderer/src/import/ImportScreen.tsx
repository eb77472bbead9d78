import {
  DndContext,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { formatDate } from '../../../shared/domain/dates';
import type { Tour } from '../../../shared/domain/tour';
import {
  ASSIST_ACTIONS,
  headerLayoutKey,
  exceedsLimits,
  limitTable,
  readRawClipboardTable,
  TARGET_FIELDS,
  type ImportIssue,
  type PreviewRow,
  type TargetField,
  type TouristDraft,
} from '../../../shared/import';
import { ApiCallError, call } from '../api/client';
import { FindTourDialog } from '../tours/FindTourDialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { assist, editCell, initialState, mapColumn, preview, type ImportState } from './import-state';
import { fileToBase64 } from '../ui/files';

type Match = CommandOutput<'import.match'>[number][number];
type Choice = { action: 'link' | 'create' | 'touristOnly'; clientId: number | null };

interface ImportScreenProps {
  tour: Tour | null;
  onClose: () => void;
  onCommitted: () => void;
}

const ROW_HEIGHT = 30;
const MAX_PASTE_CHARS = 20_000_000;

function draftSummary(d: TouristDraft): string {
  const ru = [d.lastNameRu, d.firstNameRu, d.middleNameRu].filter(Boolean).join(' ');
  const lat = [d.lastNameLat, d.firstNameLat].filter(Boolean).join(' ');
  return [
    ru,
    lat,
    d.gender,
    formatDate(d.birthDate),
    d.passportNumber,
    d.passportExpiry ? `→ ${formatDate(d.passportExpiry)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The tour's tourists as a table the import reads, for "from another tour" (R8). */
function touristsAsGrid(tour: Tour): string[][] {
  return [
    [
      'Фамилия',
      'Имя',
      'Отчество',
      'Фамилия (лат.)',
      'Имя (лат.)',
      'Пол',
      'Дата рождения',
      'Гражданство',
      'Загранпаспорт',
      'Действителен до',
      'Паспорт РФ',
      'Телефон',
      'Email',
    ],
    ...tour.tourists.map((t) => [
      t.lastNameRu,
      t.firstNameRu,
      t.middleNameRu,
      t.lastNameLat,
      t.firstNameLat,
      t.gender ?? '',
      t.birthDate ?? '',
      t.citizenship,
      t.passportSeries + t.passportNumber,
      t.passportExpiry ?? '',
      t.internalSeries + t.internalNumber,
      t.phone,
      t.email,
    ]),
  ];
}

function Slot({
  field,
  label,
  column,
  confidence,
}: {
  field: TargetField;
  label: string;
  column: string | null;
  confidence: number;
}) {
  const { t } = useTranslation();
  const { isOver, setNodeRef } = useDroppable({ id: `slot:${field}` });
  return (
    <div
      ref={setNodeRef}
      className={`slot${column ? ' slot-filled' : ''}${isOver ? ' slot-over' : ''}`}
      data-testid={`slot-${field}`}
    >
      <strong>{label}</strong>
      {column && (
        <span
          className="muted"
          title={
            confidence < 1 ? t('import.confidence', { percent: Math.round(confidence * 100) }) : undefined
          }
        >
          ← {column}
          {confidence < 1 && ` (${Math.round(confidence * 100)}%)`}
        </span>
      )}
    </div>
  );
}

function ColumnHeader({
  index,
  title,
  field,
  onMap,
}: {
  index: number;
  title: string;
  field: TargetField | null;
  onMap: (f: TargetField | null) => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: `col:${index}` });
  return (
    <div
      className={`import-th${isDragging ? ' dragging' : ''}`}
      style={
        transform ? { transform: `translate(${transform.x}px, ${transform.y}px)`, zIndex: 10 } : undefined
      }
    >
      <div
        ref={setNodeRef}
        {...listeners}
        {...attributes}
        className="drag-handle"
        data-testid={`column-${index}`}
        title={title}
      >
        ⠿ {title}
      </div>
      <select
        aria-label={`${title}: ${t('import.slots')}`}
        value={field ?? ''}
        onChange={(e) => onMap((e.target.value || null) as TargetField | null)}
      >
        <option value="">{t('import.unmapped')}</option>
        {TARGET_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`import.fields.${f}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** R4-R7, R9: paste or open a list, map its columns by drag and drop, fix it, match it, load it in one go. */
export function ImportScreen({ tour, onClose, onCommitted }: ImportScreenProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [state, setState] = useState<ImportState | null>(null);
  const [history, setHistory] = useState<ImportState[]>([]);
  const [sheets, setSheets] = useState<{
    fileName: string;
    base64: string;
    names: string[];
    current: string;
  } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [matches, setMatches] = useState<Map<number, Match[]>>(new Map());
  const [choices, setChoices] = useState<Map<number, Choice>>(new Map());
  const [serviceIds, setServiceIds] = useState<number[]>(tour ? tour.services.map((s) => s.id) : []);
  const [editing, setEditing] = useState<{ row: number; column: number } | null>(null);
  const [findingTour, setFindingTour] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<{ name: string; size: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );

  const change = (next: ImportState) => {
    if (state) setHistory((h) => [...h.slice(-49), state]);
    setState(next);
  };
  const undo = useCallback(() => {
    setHistory((h) => {
      const previous = h[h.length - 1];
      if (previous) setState(previous);
      return h.slice(0, -1);
    });
  }, []);

  const load = useCallback(
    async (raw: string[][]) => {
      const cut = exceedsLimits(raw);
      const grid = limitTable(raw);
      if (grid.length === 0 || grid.every((r) => r.every((c) => c === ''))) {
        setMessage(t('import.empty'));
        return;
      }
      let loaded = initialState(grid);
      const headers = loaded.headerRow !== null ? grid[loaded.headerRow] : undefined;
      if (headers) {
        const stored = await call('settings.get', { key: 'import.mappings' }).catch(() => ({ value: null }));
        const remembered = (stored.value as Record<string, (TargetField | null)[]> | null)?.[
          headerLayoutKey(headers)
        ];
        if (remembered && remembered.length === headers.length) {
          loaded = { ...loaded, mapping: remembered };
          setMessage(t('import.remembered'));
        } else setMessage(null);
      }
      if (cut) setMessage(t('import.tooLarge'));
      setHistory([]);
      setSelected(new Set());
      setChoices(new Map());
      setState(loaded);
    },
    [t],
  );

  // A real paste event carries text/html and text/plain; the HTML keeps Excel's and Word's cells exact.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const html = e.clipboardData?.getData('text/html') ?? '';
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (html.length + text.length > MAX_PASTE_CHARS) {
        setMessage(t('import.tooLarge'));
        return;
      }
      void load(readRawClipboardTable({ html, text }));
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && target?.tagName !== 'INPUT') {
        e.preventDefault();
        undo();
      }
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('keydown', onKey);
    };
  }, [load, undo, t]);

  const openFile = async (file: File, sheet?: string) => {
    setBusy(true);
    setReading({ name: file.name, size: file.size });
    try {
      const base64 =
        sheets && sheets.fileName === file.name && sheet ? sheets.base64 : await fileToBase64(file);
      const result = await call('import.readFile', {
        fileName: file.name,
        base64,
        ...(sheet ? { sheet } : {}),
      });
      setSheets(
        result.sheets.length > 1
          ? { fileName: file.name, base64, names: result.sheets, current: result.sheet }
          : null,
      );
      await load(result.rows);
    } catch (e) {
      if (
        e instanceof ApiCallError &&
        e.error.code === 'BAD_INPUT' &&
        ['xls', 'format', 'broken'].includes(e.error.message)
      ) {
        setMessage(t(`import.errorsFile.${e.error.message}`));
      } else fail(e);
    } finally {
      setReading(null);
      setBusy(false);
    }
  };

  const current = useMemo(() => (state ? preview(state) : null), [state]);
  const rows: PreviewRow[] = useMemo(() => current?.rows ?? [], [current]);

  // Matching against the base runs after the drafts settle.
  const draftsKey = useMemo(() => JSON.stringify(rows.map((r) => [r.sourceIndex, r.draft])), [rows]);
  useEffect(() => {
    if (rows.length === 0) return;
    const timer = window.setTimeout(() => {
      call('import.match', { drafts: rows.map((r) => r.draft) }).then((result) => {
        const map = new Map<number, Match[]>();
        rows.forEach((r, i) => map.set(r.sourceIndex, result[i] ?? []));
        setMatches(map);
      }, fail);
    }, 300);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draftsKey stands for rows
  }, [draftsKey, fail]);

  const choiceOf = (row: PreviewRow): Choice => {
    const chosen = choices.get(row.sourceIndex);
    if (chosen) return chosen;
    const match = matches.get(row.sourceIndex)?.[0];
    if (match) return { action: 'link', clientId: match.clientId };
    return { action: tour ? 'touristOnly' : 'create', clientId: null };
  };

  const errorCount = rows.reduce((n, r) => n + r.issues.filter((i) => i.severity === 'error').length, 0);
  const warningCount = rows.reduce((n, r) => n + r.issues.filter((i) => i.severity === 'warning').length, 0);

  const commit = async () => {
    if (!state || !current || errorCount > 0) {
      setMessage(t('import.commitBlocked'));
      return;
    }
    setBusy(true);
    try {
      const result = await call('import.commit', {
        tourId: tour?.id ?? null,
        serviceIds: tour ? serviceIds : [],
        rows: rows.map((r) => ({ draft: r.draft, ...choiceOf(r) })),
      });
      if (current.headerRow !== null && state.mapping) {
        const stored = await call('settings.get', { key: 'import.mappings' }).catch(() => ({ value: null }));
        const all = {
          ...((stored.value as Record<string, unknown> | null) ?? {}),
          [headerLayoutKey(state.grid[current.headerRow]!)]: state.mapping,
        };
        await call('settings.set', { key: 'import.mappings', value: all }).catch(() => undefined);
      }
      toast({
        kind: 'info',
        message: t('import.committed', {
          tourists: result.touristsAdded,
          clients: result.clientsCreated,
          passports: result.passportsAdded,
        }),
        action: {
          label: t('import.undoImport'),
          run: () =>
            void call('import.undo', { batchId: result.batchId }).then((u) => {
              toast({
                kind: 'info',
                message: t('import.undone', { tourists: u.touristsRemoved, clients: u.clientsRemoved }),
              });
              onCommitted();
            }, fail),
        },
      });
      onCommitted();
      onClose();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.issues?.[0]) {
        const row = Number(e.error.issues[0].path.split('.')[0]) + 1;
        setMessage(t('import.rowError', { row, message: t(`validation.${e.error.issues[0].code}`) }));
      } else fail(e);
    } finally {
      setBusy(false);
    }
  };

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const onDragEnd = (e: DragEndEvent) => {
    if (!state || !e.over) return;
    const column = Number(String(e.active.id).split(':')[1]);
    const field = String(e.over.id).split(':')[1] as TargetField;
    change(mapColumn(state, column, field));
  };

  const width = state?.grid[0]?.length ?? 0;
  const headers = state && current?.headerRow !== null && current ? state.grid[current.headerRow] : null;
  const columnTitle = (c: number) => headers?.[c] || t('import.column', { n: c + 1 });
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  // Fixed widths keep the sticky header and the absolutely placed rows in the same columns.
  const COLUMN_WIDTH = 150;
  const template = `32px 40px 230px 240px 300px ${Array.from({ length: width }, () => `${COLUMN_WIDTH}px`).join(' ')}`;
  const totalWidth = 32 + 40 + width * COLUMN_WIDTH + 320 + 240 + 240 + (width + 5) * 4 + 8;
  const targetRows = selected.size > 0 ? [...selected] : rows.map((r) => r.sourceIndex);
  const issueFor = (row: PreviewRow, c: number): ImportIssue | undefined => {
    const field = state?.mapping?.[c];
    if (!field) return undefined;
    return row.issues.find(
      (i) =>
        i.field === field ||
        (field.startsWith('fullName') && /Name/.test(i.field)) ||
        (field === 'passportSeries' && i.field === 'passportNumber'),
    );
  };
  const title = tour ? t('import.titleTour', { voucher: tour.voucher }) : t('import.titleBase');

  return (
    <div className="backdrop import-backdrop">
      <section
        className="dialog import-screen"
        role="dialog"
        aria-label={title}
        onKeyDown={(e) => e.key === 'Escape' && !editing && onClose()}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const file = e.dataTransfer.files[0];
          if (file) void openFile(file);
        }}
      >
        <header className="dialog-header toolbar">
          <h2>{title}</h2>
          <span className="spacer" />
          <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
            {t('import.file')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".xlsx,.csv,.xls,.txt"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void openFile(file);
              e.target.value = '';
            }}
          />
          {tour && (
            <button type="button" onClick={() => setFindingTour(true)}>
              {t('import.fromTour')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('import.close')}
          </button>
        </header>
        {message && (
          <div className="banner banner-info" role="status">
            {message}
          </div>
        )}
        {reading && (
          <div
            className="banner banner-info"
            role="progressbar"
            aria-busy="true"
            aria-label={t('import.reading', { name: reading.name })}
          >
            <span className="spinner" aria-hidden="true" />
            {t('import.reading', { name: reading.name })} ({(reading.size / 1e6).toFixed(1)} MB)
          </div>
        )}
        {!state ? (
          <div className="paste-zone" tabIndex={0} data-testid="paste-zone" ref={(el) => el?.focus()}>
            <p>{t('import.pasteHint')}</p>
          </div>
        ) : (
          <DndContext sensors={sensors} onDragEnd={onDragEnd}>
            <div className="import-toolbar toolbar">
              {sheets && (
                <label className="inline-field">
                  {t('import.sheet')}
                  <select
                    value={sheets.current}
                    onChange={(e) => {
                      void call('import.readFile', {
                        fileName: sheets.fileName,
                        base64: sheets.base64,
                        sheet: e.target.value,
                      }).then((r) => {
                        setSheets({ ...sheets, current: r.sheet });
                        void load(r.rows);
                      }, fail);
                    }}
                  >
                    {sheets.names.map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </label>
              )}
              <label className="inline-field">
                {t('import.headerRow')}
                <select
                  value={current?.headerRow ?? ''}
                  onChange={(e) =>
                    change({
                      ...state,
                      headerRow: e.target.value === '' ? null : Number(e.target.value),
                      mapping: undefined,
                    })
                  }
                >
                  <option value="">{t('import.noHeader')}</option>
                  {state.grid.slice(0, 10).map((r, i) => (
                    <option key={i} value={i}>
                      {i + 1}: {r.filter(Boolean).join(' | ').slice(0, 60)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => setSelected(new Set(rows.map((r) => r.sourceIndex)))}>
                {t('import.selectAll')}
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                {t('import.clearSelection')}
              </button>
              <button
                type="button"
                disabled={selected.size === 0}
                onClick={() => {
                  change({ ...state, removed: new Set([...state.removed, ...selected]) });
                  setSelected(new Set());
                }}
              >
                {t('import.removeRows')}
              </button>
              {ASSIST_ACTIONS.map((action) => (
                <button key={action} type="button" onClick={() => change(assist(state, targetRows, action))}>
                  {t(`import.assist.${action}`)}
                </button>
              ))}
              <button type="button" disabled={history.length === 0} onClick={undo}>
                {t('import.undo')}
              </button>
            </div>
            <p className="muted">{t('import.slots')}</p>
            <div className="slots">
              {TARGET_FIELDS.map((f) => {
                const c = state.mapping?.indexOf(f) ?? -1;
                return (
                  <Slot
                    key={f}
                    field={f}
                    label={t(`import.fields.${f}`)}
                    column={c >= 0 ? columnTitle(c) : null}
                    confidence={c >= 0 ? (current?.confidence[c] ?? 0) : 0}
                  />
                );
              })}
            </div>
            <div className="import-grid" role="grid" aria-rowcount={rows.length} data-testid="import-grid">
              <div className="import-head" style={{ gridTemplateColumns: template, width: totalWidth }}>
                <div />
                <div>№</div>
                <div>{t('import.action')}</div>
                <div>{t('import.status')}</div>
                <div>{t('import.result')}</div>
                {Array.from({ length: width }, (_, c) => (
                  <ColumnHeader
                    key={c}
                    index={c}
                    title={columnTitle(c)}
                    field={state.mapping?.[c] ?? null}
                    onMap={(f) => change(mapColumn(state, c, f))}
                  />
                ))}
              </div>
              <div ref={scrollRef} className="import-body">
                <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: totalWidth }}>
                  {virtualizer.getVirtualItems().map((item) => {
                    const row = rows[item.index]!;
                    const matchList = matches.get(row.sourceIndex) ?? [];
                    const choice = choiceOf(row);
                    const hasError = row.issues.some((i) => i.severity === 'error');
                    return (
                      <div
                        key={row.sourceIndex}
                        role="row"
                        data-testid={`import-row-${item.index}`}
                        className={`import-row${hasError ? ' row-error' : ''}${selected.has(row.sourceIndex) ? ' selected' : ''}`}
                        style={{
                          transform: `translateY(${item.start}px)`,
                          gridTemplateColumns: template,
                          width: totalWidth,
                        }}
                      >
                        <input
                          type="checkbox"
                          aria-label={`${item.index + 1}`}
                          checked={selected.has(row.sourceIndex)}
                          onChange={() =>
                            setSelected((s) => {
                              const next = new Set(s);
                              if (next.has(row.sourceIndex)) next.delete(row.sourceIndex);
                              else next.add(row.sourceIndex);
                              return next;
                            })
                          }
                        />
                        <div className="muted">{row.sourceIndex + 1}</div>
                        <select
                          aria-label={`${t('import.action')} ${item.index + 1}`}
                          value={choice.action === 'link' ? `link:${choice.clientId}` : choice.action}
                          onChange={(e) => {
                            const [action, id] = e.target.value.split(':');
                            setChoices((m) =>
                              new Map(m).set(row.sourceIndex, {
                                action: action as Choice['action'],
                                clientId: id ? Number(id) : null,
                              }),
                            );
                          }}
                        >
                          {matchList.map((m) => (
                            <option key={m.clientId} value={`link:${m.clientId}`}>
                              {t(m.newerPassport ? 'import.actions.linkNewer' : 'import.actions.link', {
                                name: m.name,
                              })}
                            </option>
                          ))}
                          <option value="create">{t('import.actions.create')}</option>
                          {tour && <option value="touristOnly">{t('import.actions.touristOnly')}</option>}
                        </select>
                        <div className="import-status">
                          {row.issues.map((i, k) => (
                            <span key={k} className={i.severity === 'error' ? 'error-text' : 'hint-warning'}>
                              {t(`import.issues.${i.code}`, i.params)}{' '}
                            </span>
                          ))}
                        </div>
                        <div className="import-result">{draftSummary(row.draft)}</div>
                        {row.source.map((cell, c) => {
                          const problem = issueFor(row, c);
                          const isEditing = editing?.row === row.sourceIndex && editing.column === c;
                          return (
                            <div
                              key={c}
                              role="gridcell"
                              className={`import-cell${problem ? ` cell-${problem.severity}` : ''}`}
                              title={problem ? t(`import.issues.${problem.code}`, problem.params) : cell}
                              onDoubleClick={() => setEditing({ row: row.sourceIndex, column: c })}
                            >
                              {isEditing ? (
                                <input
                                  autoFocus
                                  defaultValue={cell}
                                  aria-label={columnTitle(c)}
                                  onKeyDown={(e) => {
                                    if (e.key === 'Enter') {
                                      change(editCell(state, row.sourceIndex, c, e.currentTarget.value));
                                      setEditing(null);
                                    } else if (e.key === 'Escape') {
                                      e.stopPropagation();
                                      setEditing(null);
                                    }
                                  }}
                                  onBlur={(e) => {
                                    if (e.currentTarget.value !== cell)
                                      change(editCell(state, row.sourceIndex, c, e.currentTarget.value));
                                    setEditing(null);
                                  }}
                                />
                              ) : (
                                cell
                              )}
                            </div>
                          );
                        })}
                      </div>
                    );
                  })}
                </div>
              </div>
            </div>
          </DndContext>
        )}
        {state && (
          <footer className="dialog-footer">
            <span className="muted">
              {t('import.rows', { count: rows.length })} · {t('import.errors', { count: errorCount })} ·{' '}
              {t('import.warnings', { count: warningCount })} ·{' '}
              {t('import.skipped', { count: current?.skippedRows.length ?? 0 })}
            </span>
            <span className="spacer" />
            {tour && tour.services.length > 0 && (
              <span className="inline-field">
                {t('import.services')}
                {tour.services.map((s) => (
                  <label key={s.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={serviceIds.includes(s.id)}
                      onChange={(e) =>
                        setServiceIds((ids) =>
                          e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id),
                        )
                      }
                    />
                    {s.description || t(`tours.services.kinds.${s.kind}`)}
                  </label>
                ))}
              </span>
            )}
            <button
              type="button"
              className="primary"
              disabled={busy || rows.length === 0 || errorCount > 0}
              onClick={() => void commit()}
            >
              {t('import.commit', { count: rows.length })}
            </button>
          </footer>
        )}
        {findingTour && (
          <FindTourDialog
            onClose={() => setFindingTour(false)}
            onPick={(id) => {
              setFindingTour(false);
              call('tours.get', { id }).then((other) => load(touristsAsGrid(other)), fail);
            }}
          />
        )}
      </section>
    </div>
  );
}
