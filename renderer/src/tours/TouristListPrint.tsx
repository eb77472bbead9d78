import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PrintTarget } from '../../../shared/api/transport';
import { formatDate } from '../../../shared/domain/dates';
import type { Tour, Tourist } from '../../../shared/domain/tour';
import { runningInElectron } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';

/** One line of the list: a tourist and the room (accommodation services) they are bound to. */
interface ListLine {
  tourist: Tourist;
  room: string;
  roomNumber: number | null;
}

/**
 * Rooming from the tour's accommodation services: tourists bound to the same one share a room;
 * the list goes room by room (in the services' order), tourists without a room last.
 */
export function roomingLines(tour: Tour): ListLine[] {
  const rooms = tour.services.filter((s) => s.kind === 'accommodation');
  const lines = tour.tourists.map((tourist) => {
    const own = rooms.filter((r) => tourist.serviceIds.includes(r.id));
    const first = own[0] ? rooms.indexOf(own[0]) : -1;
    return {
      tourist,
      room: own.map((r) => `${rooms.indexOf(r) + 1}. ${r.description}`.trim()).join('; '),
      roomNumber: first >= 0 ? first + 1 : null,
    };
  });
  return lines
    .map((line, position) => ({ line, position }))
    .sort(
      (a, b) => (a.line.roomNumber ?? Infinity) - (b.line.roomNumber ?? Infinity) || a.position - b.position,
    )
    .map((x) => x.line);
}

const cyrillic = (x: Tourist) => [x.lastNameRu, x.firstNameRu, x.middleNameRu].filter(Boolean).join(' ');
/** The Latin name as printed in the passport when it was typed, else the tourist's own Latin. */
const latin = (x: Tourist) =>
  [x.passportLastNameLat || x.lastNameLat, x.passportFirstNameLat || x.firstNameLat]
    .filter(Boolean)
    .join(' ');

function TouristListSheet({ tour }: { tour: Tour }) {
  const { t } = useTranslation();
  const lines = roomingLines(tour);
  const heads = ['number', 'nameRu', 'nameLat', 'birthDate', 'passport', 'expiry', 'room'] as const;
  return (
    <div className="tourist-list-sheet">
      <div className="print-header">
        <span className="print-title">{t('toursList.print.heading', { voucher: tour.voucher })}</span>
        <span>
          {[
            tour.country,
            tour.resort,
            tour.hotel,
            [formatDate(tour.arrivalDate), formatDate(tour.departureDate)].filter(Boolean).join(' – '),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <table className="tourist-list-table">
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h}>{t(`toursList.print.columns.${h}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map(({ tourist, room }, i) => (
            <tr key={tourist.id}>
              <td>{i + 1}</td>
              <td>{cyrillic(tourist)}</td>
              <td>{latin(tourist)}</td>
              <td>{formatDate(tourist.birthDate)}</td>
              <td className="mono">
                {[tourist.passportSeries, tourist.passportNumber].filter(Boolean).join(' ')}
              </td>
              <td>{formatDate(tourist.passportExpiry)}</td>
              <td>{room || t('toursList.print.noRoom')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="tourist-list-total">{t('toursList.print.total', { count: lines.length })}</p>
    </div>
  );
}

/** Prints the shell's way, as the questionnaires do: Electron writes a PDF or prints; a browser prints. */
async function printPage(target: PrintTarget, fileName: string): Promise<string | null> {
  if (window.api) {
    const result = await window.api.print(target, fileName);
    return result.done ? (result.path ?? '') : null;
  }
  window.print();
  return '';
}

/** The printable tourist list of a tour: both scripts, passports, rooming; shown, then printed. */
export function TouristListPrintDialog({ tour, onClose }: { tour: Tour; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  useEffect(() => {
    document.body.classList.add('printing');
    return () => document.body.classList.remove('printing');
  }, []);
  const print = (target: PrintTarget) =>
    void printPage(target, `${tour.voucher}-tourists.pdf`).then(
      (path) => path && toast({ kind: 'info', message: t('toursList.print.saved', { path }) }),
      (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    );
  return (
    <Dialog
      title={t('toursList.print.title', { voucher: tour.voucher })}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('toursList.print.close')}
          </button>
          {runningInElectron && (
            <button type="button" onClick={() => print('printer')}>
              {t('toursList.print.toPrinter')}
            </button>
          )}
          <button type="button" className="primary" onClick={() => print('pdf')}>
            {runningInElectron ? t('toursList.print.toPdf') : t('toursList.print.print')}
          </button>
        </>
      }
    >
      <div className="tourist-list-preview" data-testid="tourist-list-preview">
        <TouristListSheet tour={tour} />
      </div>
      {createPortal(
        <div id="print-root" lang={i18n.language}>
          <TouristListSheet tour={tour} />
        </div>,
        document.body,
      )}
    </Dialog>
  );
}
