import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRow } from '../../../shared/domain/client';
import { formatDate } from '../../../shared/domain/dates';
import {
  FAMILY_RELATIONS,
  type DuplicateCandidate,
  type FamilyMember,
  type FamilyRelation,
} from '../../../shared/domain/duplicates';
import { call } from '../api/client';
import { MergeDialog } from '../duplicates/MergeDialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { displayName } from './format';

interface FamilySectionProps {
  clientId: number;
  /** The saved card's version: each save checks the card against the base again. */
  version?: number;
  /** The card reloads after a merge into it or its undo. */
  onChanged?: () => void;
}

/**
 * On the client card (issue 13): cards that may be the same person (checked each time the saved
 * card is shown), merges into this card that can be undone, and the family and travel group.
 */
export function FamilySection({ clientId, version, onChanged }: FamilySectionProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [members, setMembers] = useState<FamilyMember[]>([]);
  const [matches, setMatches] = useState<DuplicateCandidate[]>([]);
  const [merges, setMerges] = useState<{ undoId: number; at: string; name: string }[]>([]);
  const [comparing, setComparing] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ClientRow[]>([]);
  const [otherId, setOtherId] = useState<number | null>(null);
  const [relation, setRelation] = useState<FamilyRelation>('spouse');
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );
  const reload = useCallback(() => {
    call('families.list', { clientId }).then(setMembers, fail);
    call('duplicates.matches', { clientId }).then(setMatches, fail);
    call('duplicates.mergesOf', { clientId }).then(setMerges, fail);
  }, [clientId, fail]);
  useEffect(() => reload(), [reload, version]);

  useEffect(() => {
    if (search.trim().length < 2) {
      setFound([]);
      return;
    }
    const timer = window.setTimeout(() => {
      call('clients.list', { search, limit: 8 }).then(
        (page) => setFound(page.rows.filter((r) => r.id !== clientId)),
        fail,
      );
    }, 200);
    return () => window.clearTimeout(timer);
  }, [search, clientId, fail]);

  const changed = () => {
    reload();
    onChanged?.();
  };
  const link = () => {
    if (otherId === null) return;
    call('families.link', { clientId, otherId, relation }).then((list) => {
      setMembers(list);
      setSearch('');
      setOtherId(null);
    }, fail);
  };
  const undoMerge = (undoId: number) =>
    call('undo.apply', { id: undoId }).then(() => {
      toast({ kind: 'info', message: t('duplicates.undone') });
      changed();
    }, fail);
  const other = (c: DuplicateCandidate) => (c.a.id === clientId ? c.b : c.a);

  return (
    <section aria-label={t('duplicates.family.title')} data-testid="client-family">
      {matches.length > 0 && (
        <div className="banner banner-warning" role="status" data-testid="duplicate-warning">
          {t('duplicates.matches')}{' '}
          {matches.map((m) => (
            <span key={other(m).id}>
              <strong>{other(m).name || other(m).nameLat}</strong> (
              {m.reasons.map((r) => t(`duplicates.reasons.${r}`)).join('; ')}){' '}
              <button type="button" className="link-button" onClick={() => setComparing(other(m).id)}>
                {t('duplicates.compare')}
              </button>{' '}
            </span>
          ))}
        </div>
      )}
      {merges.map((m) => (
        <p key={m.undoId} className="muted">
          {t('duplicates.mergedHere', { name: m.name, at: formatDate(m.at.slice(0, 10)) })}{' '}
          <button type="button" className="link-button" onClick={() => void undoMerge(m.undoId)}>
            {t('duplicates.undoMerge')}
          </button>
        </p>
      ))}
      <h3>{t('duplicates.family.title')}</h3>
      {members.length === 0 ? (
        <p className="muted">{t('duplicates.family.none')}</p>
      ) : (
        <ul className="plain-list">
          {members.map((m) => (
            <li key={m.linkId}>
              {m.name} — {t(`duplicates.family.relations.${m.relation}`)}
              {m.birthDate && <span className="muted"> · {formatDate(m.birthDate)}</span>}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void call('families.unlink', { clientId, linkId: m.linkId }).then(setMembers, fail)
                }
              >
                {t('duplicates.family.unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-row">
        <label className="field grow">
          <span>{t('duplicates.family.add')}</span>
          <input
            value={search}
            placeholder={t('duplicates.family.search')}
            onChange={(e) => {
              setSearch(e.target.value);
              setOtherId(null);
            }}
          />
        </label>
        {found.length > 0 && (
          <label className="field">
            <span>&nbsp;</span>
            <select
              value={otherId ?? ''}
              onChange={(e) => setOtherId(e.target.value === '' ? null : Number(e.target.value))}
              aria-label={t('duplicates.family.add')}
            >
              <option value="" />
              {found.map((r) => (
                <option key={r.id} value={r.id}>
                  {displayName(r)}
                  {r.birthDate ? ` · ${formatDate(r.birthDate)}` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('duplicates.family.relation')}</span>
          <select value={relation} onChange={(e) => setRelation(e.target.value as FamilyRelation)}>
            {FAMILY_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`duplicates.family.relations.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={link} disabled={otherId === null}>
          {t('duplicates.family.link')}
        </button>
      </div>
      {comparing !== null && (
        <MergeDialog
          keepId={clientId}
          mergeId={comparing}
          onClose={() => setComparing(null)}
          onChanged={changed}
        />
      )}
    </section>
  );
}
