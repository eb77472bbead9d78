import type { Wording } from '../../../../shared/questionnaire/schengen-wording';

/** How an official form speaks: English, French, or both as on the bilingual consulate copies. */
export type FormTongue = 'en' | 'fr' | 'en+fr';

/** One official text in the form's language(s); the French line of a bilingual form in italics under it. */
export function Say({ w, tongue }: { w: Pick<Wording, 'en' | 'fr'>; tongue: FormTongue }) {
  if (tongue === 'en') return <span lang="en">{w.en}</span>;
  if (tongue === 'fr') return <span lang="fr">{w.fr}</span>;
  return (
    <>
      <span lang="en">{w.en}</span>
      {w.fr !== w.en && (
        <span lang="fr" className="form-second">
          {' / '}
          {w.fr}
        </span>
      )}
    </>
  );
}

/** A tick box as printed: X when chosen. */
export function Tick({ on }: { on: boolean }) {
  return <span className="form-box">{on ? 'X' : '\u00a0'}</span>;
}
