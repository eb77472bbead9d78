import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyMember } from '../../../shared/domain/duplicates';
import type { Tour } from '../../../shared/domain/tour';
import { call } from '../api/client';

const nameOf = (t: Tour['tourists'][number]) =>
  [t.lastNameRu, t.firstNameRu].filter(Boolean).join(' ') || [t.lastNameLat, t.firstNameLat].join(' ');

/**
 * Above a tour's tourists (issue 13): the family of a regular client just added, who are not in
 * the tour yet, and minors travelling without a parent (a consent letter may be needed).
 */
export function TourFamilyNotes({ tour }: { tour: Tour }) {
  const { t } = useTranslation();
  const [minors, setMinors] = useState<number[]>([]);
  const [offer, setOffer] = useState<{ name: string; members: FamilyMember[] } | null>(null);
  const known = useRef<Set<number> | null>(null);

  useEffect(() => {
    call('families.tourChecks', { tourId: tour.id }).then(
      (r) => setMinors(r.minorsWithoutParent),
      () => setMinors([]),
    );
    const ids = new Set(tour.tourists.map((x) => x.id));
    const before = known.current;
    known.current = ids;
    // Only a tourist added while the tour is open brings the offer, not the tour's first showing.
    const added = before ? tour.tourists.filter((x) => !before.has(x.id) && x.clientId !== null) : [];
    const last = added[added.length - 1];
    if (!last || last.clientId === null) return;
    call('families.companions', { tourId: tour.id, clientId: last.clientId }).then(
      (members) => setOffer(members.length > 0 ? { name: nameOf(last), members } : null),
      () => setOffer(null),
    );
  }, [tour]);

  const minorNames = tour.tourists.filter((x) => minors.includes(x.id)).map(nameOf);
  if (!offer && minorNames.length === 0) return null;
  return (
    <div data-testid="tour-family-notes">
      {offer && (
        <p className="banner banner-info" role="status">
          {t('duplicates.companions', {
            name: offer.name,
            names: offer.members.map((m) => m.name).join(', '),
          })}
        </p>
      )}
      {minorNames.length > 0 && (
        <p className="banner banner-warning" role="note">
          {t('duplicates.minorWithoutParent')} {minorNames.join(', ')}
        </p>
      )}
    </div>
  );
}
