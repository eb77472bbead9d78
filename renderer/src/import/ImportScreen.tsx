import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tour } from '../../../shared/domain/tour';
import { touristsTable } from '../../../shared/domain/tourist-columns';
import { call } from '../api/client';
import { FindTourDialog } from '../tours/FindTourDialog';
import { useDialogFocus } from '../ui/dialog-focus';
import { describeError } from '../ui/errors';
import { ctrlCode } from '../ui/keys';
import { useUnsavedGuard } from '../ui/UnsavedGuard';
import { useToast } from '../ui/toasts';
import { ImportFooter } from './ImportFooter';
import { ImportGrid } from './ImportGrid';
import { importReducer, initialScreen, issueCounts } from './import-reducer';
import { preview } from './import-state';
import { ImportToolbar } from './ImportToolbar';
import { droppedMapping, MappingSlots } from './MappingSlots';
import { useCommit } from './use-commit';
import { useImportSource } from './use-import-source';
import { useMatching } from './use-matching';

interface ImportScreenProps {
  tour: Tour | null;
  onClose: () => void;
  onCommitted: () => void;
}

/** R4-R7, R9: paste or open a list, map its columns by drag and drop, fix it, match it, load it in one go. */
export function ImportScreen({ tour, onClose, onCommitted }: ImportScreenProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [screen, dispatch] = useReducer(importReducer, initialScreen);
  const [message, setMessage] = useState<string | null>(null);
  const [serviceIds, setServiceIds] = useState<number[]>(tour ? tour.services.map((s) => s.id) : []);
  const [findingTour, setFindingTour] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );

  const source = useImportSource({ dispatch, setMessage, fail });
  const doc = screen.doc;
  const current = useMemo(() => (doc ? preview(doc) : null), [doc]);
  const rows = useMemo(() => current?.rows ?? [], [current]);
  const counts = useMemo(() => issueCounts(rows), [rows]);
  useMatching(rows, screen.generation, dispatch, fail, tour?.id ?? null);
  const { commit, committing } = useCommit({
    tour,
    screen,
    current,
    serviceIds,
    dispatch,
    setMessage,
    fail,
    onCommitted,
    onClose,
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (ctrlCode(e, 'KeyZ') && target?.tagName !== 'INPUT') {
        e.preventDefault();
        dispatch({ type: 'undone' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const headers = current?.headers ?? undefined;
  const width = doc?.grid[0]?.length ?? 0;
  const titles = useMemo(
    () => Array.from({ length: width }, (_, c) => headers?.[c] || t('import.column', { n: c + 1 })),
    [headers, width, t],
  );
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const onDragEnd = (e: DragEndEvent) => {
    const dropped = droppedMapping(String(e.active.id), e.over ? String(e.over.id) : null);
    if (dropped) dispatch({ type: 'columnMapped', ...dropped });
  };
  const openFile = (file: File | undefined) => {
    if (file) void source.openFile(file);
  };
  const busy = committing || source.reading !== null;
  const screenRef = useRef<HTMLElement>(null);
  const onScreenBlur = useDialogFocus(screenRef);
  // A pasted or opened list with its fixes is work: leaving asks; Save loads it when it can be loaded.
  const loadable = current !== null && rows.length > 0 && counts.errors === 0 && !busy;
  const { guard, prompt } = useUnsavedGuard({
    dirty: doc !== null && !committing,
    save: loadable
      ? async () => {
          await commit();
          return false;
        }
      : null,
  });
  const close = () => guard(onClose);
  const title = tour ? t('import.titleTour', { voucher: tour.voucher }) : t('import.titleBase');

  return (
    <div className="backdrop import-backdrop">
      <section
        className="dialog import-screen"
        role="dialog"
        aria-label={title}
        ref={screenRef}
        tabIndex={-1}
        onBlur={onScreenBlur}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || e.defaultPrevented || findingTour) return;
          e.preventDefault();
          close();
        }}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          openFile(e.dataTransfer.files[0]);
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
            accept=".xlsx,.xls,.ods,.docx,.csv,.txt"
            data-testid="import-file"
            onChange={(e) => {
              openFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {tour && (
            <button type="button" onClick={() => setFindingTour(true)}>
              {t('import.fromTour')}
            </button>
          )}
          <button type="button" onClick={close}>
            {t('import.close')}
          </button>
        </header>
        {message && (
          <div className="banner banner-info" role="status">
            {message}
          </div>
        )}
        {source.reading && (
          <div
            className="banner banner-info"
            role="progressbar"
            aria-busy="true"
            aria-label={t('import.reading', { name: source.reading.name })}
            aria-valuemin={0}
            aria-valuemax={100}
            {...(source.reading.percent !== null ? { 'aria-valuenow': source.reading.percent } : {})}
            data-testid="import-reading"
          >
            <span className="spinner" aria-hidden="true" />
            {t('import.reading', { name: source.reading.name })} ({(source.reading.size / 1e6).toFixed(1)} MB)
            {source.reading.percent !== null && ` ${source.reading.percent}%`}
          </div>
        )}
        {!doc || !current ? (
          <div className="paste-zone" tabIndex={0} data-testid="paste-zone" ref={(el) => el?.focus()}>
            <p>{t('import.pasteHint')}</p>
          </div>
        ) : (
          <DndContext sensors={sensors} onDragEnd={onDragEnd}>
            <ImportToolbar
              screen={screen}
              rows={rows}
              headerRow={current.headerRow}
              sheets={source.sheets}
              onSheet={source.chooseSheet}
              dispatch={dispatch}
            />
            <MappingSlots mapping={current.mapping} confidence={current.confidence} titles={titles} />
            <ImportGrid
              rows={rows}
              mapping={current.mapping}
              titles={titles}
              screen={screen}
              forTour={tour !== null}
              dispatch={dispatch}
            />
          </DndContext>
        )}
        {current && (
          <ImportFooter
            tour={tour}
            rowCount={rows.length}
            errors={counts.errors}
            warnings={counts.warnings}
            skipped={current.skippedRows.length}
            serviceIds={serviceIds}
            onServices={setServiceIds}
            busy={busy}
            onCommit={() => void commit()}
          />
        )}
        {prompt}
        {findingTour && (
          <FindTourDialog
            onClose={() => setFindingTour(false)}
            onPick={(id) => {
              setFindingTour(false);
              // The other tour's people, not its trip: tickets and services stay behind (R8).
              call('tours.get', { id }).then(
                (other) => source.load(touristsTable(other.tourists, other.services, 'personal')),
                fail,
              );
            }}
          />
        )}
      </section>
    </div>
  );
}
