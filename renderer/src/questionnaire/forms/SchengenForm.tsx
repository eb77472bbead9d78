import type { PrintJob, PrintSheet } from '../../../../shared/questionnaire/model';
import {
  DECLARATIONS,
  familyNote,
  OFFICIAL_USE,
  SCHENGEN_NUMBERS,
  SCHENGEN_TEXT as T,
  type SchengenVersion,
} from '../../../../shared/questionnaire/schengen-wording';
import { Box, Options, Page, Row, YesNo } from './parts';
import { sheetValues } from './sheet-values';
import { Say, Tick, type FormTongue } from './Wording';

const PAGES = 4;

function OfficialColumn({ tongue }: { tongue: FormTongue }) {
  return (
    <aside className="form-official">
      <div className="form-official-title">
        <Say w={T.official} tongue={tongue} />
      </div>
      {OFFICIAL_USE.map((item) => (
        <div key={item.label.en} className="form-official-item">
          <Say w={item.label} tongue={tongue} />
          {item.boxes?.map((box) => (
            <div key={box.en} className="form-official-box">
              <Tick on={false} /> <Say w={box} tongue={tongue} />
            </div>
          ))}
          {item.lines ? <div className="form-official-line" /> : null}
        </div>
      ))}
    </aside>
  );
}

/**
 * The harmonised Schengen application form laid out as the consulates print it: four A4 pages,
 * the photo box, the blank official-use column, the numbered boxes with the official wording, the
 * declarations, place and date, and the signature. A family member's asterisked boxes stay blank.
 */
export function SchengenForm({
  job,
  sheet,
  version,
}: {
  job: PrintJob;
  sheet: PrintSheet;
  version: SchengenVersion;
}) {
  const tongue: FormTongue = job.country.language === 'fr' ? 'en+fr' : 'en';
  const v = sheetValues(sheet);
  const field = (key: string) => job.form.fields.find((f) => f.key === key);
  const n = SCHENGEN_NUMBERS[version];
  const yesNo = { values: v, tongue, no: T.noAnswer, yes: T.yes };
  return (
    <div className={`form-schengen form-${tongue === 'en' ? 'en' : 'bilingual'}`} lang="en">
      <Page number={1} of={PAGES}>
        <header className="form-head">
          <div className="form-photo">
            <Say w={T.photo} tongue={tongue} />
          </div>
          <div className="form-titles">
            <div className="form-harmonised">
              <Say w={T.harmonised} tongue={tongue} />
            </div>
            <h1 className="form-title">
              <Say w={T.title} tongue={tongue} />
            </h1>
            <div className="form-free">
              <Say w={T.free} tongue={tongue} />
            </div>
          </div>
        </header>
        <p className="form-note">
          <Say w={familyNote(version)} tongue={tongue} />
        </p>
        <p className="form-note">
          <Say w={T.fields13} tongue={tongue} />
        </p>
        <div className="form-columns">
          <div className="form-main">
            <Box n="1" label={T.surname} tongue={tongue} value={v.value('surname')} />
            <Box n="2" label={T.surnameAtBirth} tongue={tongue} value={v.value('surname_at_birth')} />
            <Box n="3" label={T.firstNames} tongue={tongue} value={v.value('first_names')} />
            <Row>
              <Box n="4" label={T.birthDate} tongue={tongue} value={v.value('birth_date')} />
              <Box n="5" label={T.birthPlace} tongue={tongue} value={v.value('birth_place')} />
              <Box n="7" label={T.nationality} tongue={tongue} value={v.value('nationality')} />
            </Row>
            <Row>
              <Box n="6" label={T.birthCountry} tongue={tongue} value={v.value('birth_country')} />
              <Box label={T.nationalityAtBirth} tongue={tongue} value={v.value('nationality_at_birth')} />
              <Box label={T.otherNationalities} tongue={tongue} value={v.value('other_nationalities')} />
            </Row>
            <Row>
              <Box n="8" label={T.sex} tongue={tongue}>
                <Options field={field('sex')} values={v} tongue={tongue} />
              </Box>
              <Box n="9" label={T.civilStatus} tongue={tongue} grow={3}>
                <Options field={field('civil_status')} values={v} tongue={tongue} />
                <div className="form-value">{v.value('civil_status_other')}</div>
              </Box>
            </Row>
            <Box
              n="10"
              label={T.guardian}
              tongue={tongue}
              value={v.join([
                'guardian_surname',
                'guardian_first_name',
                'guardian_address',
                'guardian_phone',
                'guardian_email',
                'guardian_nationality',
              ])}
            />
            <Box n="11" label={T.nationalId} tongue={tongue} value={v.value('national_id_number')} />
            <Box n="12" label={T.documentType} tongue={tongue}>
              <Options field={field('travel_document_type')} values={v} tongue={tongue} />
              <div className="form-value">{v.value('travel_document_type_other')}</div>
            </Box>
            <Row>
              <Box
                n="13"
                label={T.documentNumber}
                tongue={tongue}
                value={v.value('travel_document_number')}
              />
              <Box n="14" label={T.issueDate} tongue={tongue} value={v.value('travel_document_issue_date')} />
              <Box
                n="15"
                label={T.validUntil}
                tongue={tongue}
                value={v.value('travel_document_valid_until')}
              />
              <Box n="16" label={T.issuedBy} tongue={tongue} value={v.value('travel_document_issued_by')} />
            </Row>
          </div>
          <OfficialColumn tongue={tongue} />
        </div>
      </Page>
      <Page number={2} of={PAGES}>
        <Box n="17" label={T.family} tongue={tongue}>
          <Row>
            <Box label={T.surname} tongue={tongue} value={v.value('eu_family_surname')} />
            <Box label={T.firstNames} tongue={tongue} value={v.value('eu_family_first_names')} />
          </Row>
          <Row>
            <Box label={T.birthDate} tongue={tongue} value={v.value('eu_family_birth_date')} />
            <Box label={T.nationalityShort} tongue={tongue} value={v.value('eu_family_nationality')} />
            <Box label={T.familyDocument} tongue={tongue} value={v.value('eu_family_document_number')} />
          </Row>
        </Box>
        <Box n="18" label={T.relationship} tongue={tongue}>
          <Options field={field('eu_family_relationship')} values={v} tongue={tongue} />
          <div className="form-value">{v.value('eu_family_relationship_other')}</div>
        </Box>
        <Row>
          <Box
            n="19"
            label={T.homeAddress}
            tongue={tongue}
            grow={3}
            value={v.join(['home_address', 'email'])}
          />
          <Box label={T.telephone} tongue={tongue} value={v.value('phone')} />
        </Row>
        <Box n="20" label={T.residence} tongue={tongue}>
          <YesNo fieldKey="other_residence" {...yesNo} />
          <div className="form-inline">
            <Say w={T.residencePermit} tongue={tongue} /> <Say w={T.no} tongue={tongue} />{' '}
            <b>{v.value('residence_permit_number')}</b> <Say w={T.validUntil} tongue={tongue} />{' '}
            <b>{v.value('residence_permit_valid_until')}</b>
          </div>
        </Box>
        <Box n="21" star label={T.occupation} tongue={tongue} value={v.value('occupation')} />
        <Box n="22" star label={T.employer} tongue={tongue} value={v.value('employer')} />
        <Box n="23" label={T.purpose} tongue={tongue}>
          <Options field={field('purpose')} values={v} tongue={tongue} />
          <div className="form-value">{v.value('purpose_other')}</div>
        </Box>
        <Box n="24" label={T.purposeDetails} tongue={tongue} value={v.value('purpose_details')} />
        <Row>
          <Box n="25" label={T.mainDestination} tongue={tongue} value={v.value('main_destination')} />
          <Box n="26" label={T.firstEntry} tongue={tongue} value={v.value('first_entry')} />
        </Row>
        <Box n="27" label={T.entries} tongue={tongue}>
          <Options field={field('entries')} values={v} tongue={tongue} />
          <Row>
            <Box label={T.arrival} tongue={tongue} value={v.value('arrival_date')} />
            <Box label={T.departure} tongue={tongue} value={v.value('departure_date')} />
          </Row>
        </Box>
      </Page>
      <Page number={3} of={PAGES}>
        {n.visaNumber && (
          <Box
            n={n.visaNumber}
            label={T.visaNumber}
            tongue={tongue}
            value={v.value('fingerprints_sticker')}
          />
        )}
        <Box n={n.fingerprints} label={T.fingerprints} tongue={tongue}>
          <YesNo fieldKey="fingerprints" {...yesNo} />
          <Row>
            <Box label={T.dateIfKnown} tongue={tongue} value={v.value('fingerprints_date')} />
            {!n.visaNumber && (
              <Box label={T.stickerIfKnown} tongue={tongue} value={v.value('fingerprints_sticker')} />
            )}
          </Row>
        </Box>
        <Box n={n.entryPermit} label={T.entryPermit} tongue={tongue}>
          <Row>
            <Box label={T.issuedByShort} tongue={tongue} value={v.value('entry_permit_issued_by')} />
            <Box label={T.validFrom} tongue={tongue} value={v.value('entry_permit_valid_from')} />
            <Box label={T.until} tongue={tongue} value={v.value('entry_permit_valid_until')} />
          </Row>
        </Box>
        <Box n={n.host} star label={T.host} tongue={tongue} value={v.value('host_name')} />
        <Row>
          <Box label={T.hostAddress} tongue={tongue} grow={3} value={v.value('host_address')} />
          <Box label={T.telephone} tongue={tongue} value={v.value('host_phone')} />
        </Row>
        <Row>
          <Box
            n={n.company}
            star
            label={T.company}
            tongue={tongue}
            grow={3}
            value={v.value('company_name_address')}
          />
          <Box label={T.companyPhone} tongue={tongue} value={v.value('company_phone')} />
        </Row>
        <Box label={T.contact} tongue={tongue} value={v.value('company_contact')} />
        <Box n={n.costs} star label={T.costs} tongue={tongue}>
          <div className="form-costs">
            <div className="form-cost-column">
              <div>
                <Tick on={v.value('cost_applicant_means') !== ''} /> <Say w={T.byApplicant} tongue={tongue} />
              </div>
              <div className="form-sublabel">
                <Say w={T.means} tongue={tongue} />
              </div>
              <Options field={field('cost_applicant_means')} values={v} tongue={tongue} />
              <div className="form-value">{v.value('cost_applicant_means_other')}</div>
            </div>
            <div className="form-cost-column">
              <div>
                <Tick on={v.value('cost_sponsor') !== '' || v.value('cost_sponsor_means') !== ''} />{' '}
                <Say w={T.bySponsor} tongue={tongue} />
              </div>
              <Options field={field('cost_sponsor')} values={v} tongue={tongue} />
              <div className="form-value">{v.value('cost_sponsor_other')}</div>
              <div className="form-sublabel">
                <Say w={T.means} tongue={tongue} />
              </div>
              <Options field={field('cost_sponsor_means')} values={v} tongue={tongue} />
              <div className="form-value">{v.value('cost_sponsor_means_other')}</div>
            </div>
          </div>
        </Box>
        <Box n={n.filler} label={T.filler} tongue={tongue} value={v.value('filler_name')} />
        <Row>
          <Box label={T.fillerAddress} tongue={tongue} grow={3} value={v.value('filler_address')} />
          <Box label={T.telephone} tongue={tongue} value={v.value('filler_phone')} />
        </Row>
      </Page>
      <Page number={4} of={PAGES}>
        <div className="form-declarations">
          {DECLARATIONS.map((d) => (
            <p key={d.en}>
              <Say w={d} tongue={tongue} />
            </p>
          ))}
        </div>
        <Row>
          <Box label={T.placeDate} tongue={tongue} value={v.join(['place', 'date'])} />
          <Box label={T.signature} tongue={tongue}>
            <div className="form-signature-space" />
          </Box>
        </Row>
      </Page>
    </div>
  );
}
