import { useTranslation } from 'react-i18next';
import type { Choice, Match } from './import-reducer';

/** What a row does on commit: link to one of its matches, a new regular client, or a tourist only. */
export function ChoiceCell({
  position,
  choice,
  matches,
  forTour,
  onChoose,
}: {
  /** The row's place in the grid, 1-based, for its label. */
  position: number;
  choice: Choice;
  matches: readonly Match[];
  forTour: boolean;
  onChoose: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      aria-label={`${t('import.action')} ${position}`}
      value={choice.action === 'link' ? `link:${choice.clientId}` : choice.action}
      onChange={(e) => {
        const [action, id] = e.target.value.split(':');
        onChoose({ action: action as Choice['action'], clientId: id ? Number(id) : null });
      }}
    >
      {matches.map((m) => (
        <option key={m.clientId} value={`link:${m.clientId}`}>
          {m.inTour
            ? t('duplicates.inTour', { name: m.name, number: m.inTour.number })
            : t(m.newerPassport ? 'import.actions.linkNewer' : 'import.actions.link', { name: m.name })}
        </option>
      ))}
      <option value="create">{t('import.actions.create')}</option>
      {forTour && <option value="touristOnly">{t('import.actions.touristOnly')}</option>}
    </select>
  );
}
