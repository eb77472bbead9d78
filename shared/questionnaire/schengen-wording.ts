/**
 * The printed wording of the harmonised Schengen application form (Annex I of Regulation (EC)
 * No 810/2009 as replaced by Regulation (EU) 2019/1155, and as amended by Regulation (EU) 2023/2667),
 * in English and French. What each text was checked against is listed in docs/forms/wording.md;
 * `checked` says, per language, which texts were seen word for word in a source, the rest still to
 * be compared with the Official Journal. A reference-book field is `checked` only when both are.
 */

export interface Wording {
  en: string;
  fr: string;
  checked: { en: boolean; fr: boolean };
}

/** true: both languages checked; 'en' or 'fr': that language only; false: neither. */
const w = (en: string, fr: string, checked: boolean | 'en' | 'fr' = false): Wording => ({
  en,
  fr,
  checked: { en: checked === true || checked === 'en', fr: checked === true || checked === 'fr' },
});

/** The two versions differ from field 28 on: 2023/2667 numbers the visa number as its own field. */
export type SchengenVersion = '2019' | '2023';

export interface SchengenNumbers {
  visaNumber: string | null;
  fingerprints: string;
  entryPermit: string;
  host: string;
  company: string;
  costs: string;
  filler: string;
}

export const SCHENGEN_NUMBERS: Record<SchengenVersion, SchengenNumbers> = {
  '2019': {
    visaNumber: null,
    fingerprints: '28',
    entryPermit: '29',
    host: '30',
    company: '31',
    costs: '32',
    filler: '33',
  },
  '2023': {
    visaNumber: '28',
    fingerprints: '29',
    entryPermit: '30',
    host: '31',
    company: '32',
    costs: '33',
    filler: '34',
  },
};

export function familyNote(version: SchengenVersion): Wording {
  const n = SCHENGEN_NUMBERS[version];
  const en = `21, 22, ${n.host}, ${n.company} and ${n.costs}`;
  const fr = `21, 22, ${n.host}, ${n.company} et ${n.costs}`;
  return w(
    `Family members of EU, EEA or CH citizens or of UK nationals who are Withdrawal Agreement beneficiaries shall not fill in fields no. ${en} (marked with *).`,
    `Les membres de la famille de ressortissants de l'UE, de l'EEE ou de la Confédération suisse ou de ressortissants du Royaume-Uni bénéficiaires de l'accord de retrait ne doivent pas remplir les cases ${fr} (assorties d'un *).`,
    // The one French copy seen prints "de l'EEE, ou de la" (docs/forms/wording.md): English only.
    version === '2019' ? 'en' : false,
  );
}

export const SCHENGEN_TEXT = {
  harmonised: w('Harmonised application form', 'Formulaire harmonisé de demande', true),
  title: w('Application for Schengen Visa', 'Demande de visa Schengen', true),
  free: w('This application form is free', 'Ce formulaire est gratuit', true),
  fields13: w(
    'Fields 1-3 shall be filled in in accordance with the data in the travel document.',
    'Les données des cases 1 à 3 doivent correspondre à celles figurant sur le document de voyage.',
    true,
  ),
  photo: w('Photo', 'Photo', true),
  official: w('FOR OFFICIAL USE ONLY', "PARTIE RÉSERVÉE À L'ADMINISTRATION", true),
  surname: w('Surname (Family name)', 'Nom (nom de famille)', true),
  surnameAtBirth: w(
    'Surname at birth (Former family name(s))',
    'Nom de naissance (nom(s) de famille antérieur(s))',
    true,
  ),
  firstNames: w('First name(s) (Given name(s))', 'Prénom(s) (Nom(s) usuel(s))', true),
  birthDate: w('Date of birth (day-month-year)', 'Date de naissance (jour-mois-année)', true),
  birthPlace: w('Place of birth', 'Lieu de naissance', true),
  birthCountry: w('Country of birth', 'Pays de naissance', true),
  nationality: w('Current nationality', 'Nationalité actuelle', true),
  nationalityAtBirth: w(
    'Nationality at birth, if different',
    'Nationalité à la naissance, si différente',
    true,
  ),
  otherNationalities: w('Other nationalities', 'Autre(s) nationalité(s)', true),
  sex: w('Sex', 'Sexe', true),
  civilStatus: w('Civil status', 'État civil', true),
  guardian: w(
    "Parental authority (in case of minors)/legal guardian (surname, first name, address, if different from applicant's, telephone no., e-mail address, and nationality)",
    'Autorité parentale (pour les mineurs)/tuteur légal (nom, prénom, adresse (si différente de celle du demandeur), numéro de téléphone, adresse électronique et nationalité)',
  ),
  nationalId: w(
    'National identity number, where applicable',
    "Numéro national d'identité, le cas échéant",
    'en',
  ),
  documentType: w('Type of travel document', 'Type de document de voyage', 'en'),
  documentNumber: w('Number of travel document', 'Numéro du document de voyage', true),
  issueDate: w('Date of issue', 'Date de délivrance', true),
  validUntil: w('Valid until', "Date d'expiration", true),
  issuedBy: w('Issued by (country)', 'Délivré par (pays)', 'en'),
  family: w(
    'Personal data of the family member who is an EU, EEA or CH citizen or a UK national who is a Withdrawal Agreement beneficiary, if applicable',
    "Données personnelles du membre de la famille qui est ressortissant de l'UE, de l'EEE ou de la Confédération suisse ou ressortissant du Royaume-Uni bénéficiaire de l'accord de retrait, le cas échéant",
    'en',
  ),
  familyDocument: w(
    'Number of travel document or ID card',
    "Numéro du document de voyage ou de la carte d'identité",
    true,
  ),
  nationalityShort: w('Nationality', 'Nationalité', true),
  relationship: w(
    'Family relationship with an EU, EEA or CH citizen or a UK national who is a Withdrawal Agreement beneficiary, if applicable',
    "Lien de parenté avec un ressortissant de l'UE, de l'EEE ou de la Confédération suisse ou un ressortissant du Royaume-Uni bénéficiaire de l'accord de retrait, le cas échéant",
  ),
  homeAddress: w(
    "Applicant's home address and e-mail address",
    'Adresse du domicile et adresse électronique du demandeur',
    true,
  ),
  telephone: w('Telephone no.', 'Numéro de téléphone', 'en'),
  residence: w(
    'Residence in a country other than the country of current nationality',
    'Résidence dans un pays autre que celui de la nationalité actuelle',
  ),
  residencePermit: w('Residence permit or equivalent', 'Autorisation de séjour ou équivalent', true),
  no: w('No.', 'N°'),
  occupation: w('Current occupation', 'Profession actuelle', true),
  employer: w(
    "Employer and employer's address and telephone number. For students, name and address of educational establishment",
    "Nom, adresse et numéro de téléphone de l'employeur. Pour les étudiants, adresse de l'établissement d'enseignement",
  ),
  purpose: w('Purpose(s) of the journey', 'Objet(s) du voyage'),
  purposeDetails: w(
    'Additional information on purpose of stay',
    "Informations complémentaires sur l'objet du voyage",
    true,
  ),
  mainDestination: w(
    'Member State of main destination (and other Member States of destination, if applicable)',
    'État membre de destination principale (et autres États membres de destination, le cas échéant)',
  ),
  firstEntry: w('Member State of first entry', 'État membre de la première entrée'),
  entries: w('Number of entries requested', "Nombre d'entrées demandées"),
  arrival: w(
    'Intended date of arrival of the first intended stay in the Schengen area',
    "Date d'arrivée prévue pour le premier séjour envisagé dans l'espace Schengen",
    true,
  ),
  departure: w(
    'Intended date of departure from the Schengen area after the first intended stay',
    "Date de départ prévue de l'espace Schengen après le premier séjour envisagé",
    true,
  ),
  visaNumber: w('Number of the visa, if known', 'Numéro du visa, s’il est connu'),
  fingerprints: w(
    'Fingerprints collected previously for the purpose of applying for a Schengen visa',
    "Empreintes digitales relevées précédemment aux fins d'une demande de visa Schengen",
  ),
  dateIfKnown: w('Date, if known', 'Date, si elle est connue'),
  stickerIfKnown: w('Visa sticker number, if known', 'Numéro de la vignette-visa, s’il est connu'),
  entryPermit: w(
    'Entry permit for the final country of destination, where applicable',
    "Autorisation d'entrée dans le pays de destination finale, le cas échéant",
    'en',
  ),
  issuedByShort: w('Issued by', 'Délivrée par', 'en'),
  validFrom: w('Valid from', 'Valable du', 'en'),
  until: w('until', 'au', 'en'),
  host: w(
    'Surname and first name of the inviting person(s) in the Member State(s). If not applicable, name of hotel(s) or temporary accommodation(s) in the Member State(s)',
    "Nom et prénom de la ou des personnes qui invitent dans l'État membre ou les États membres. À défaut, nom d'un ou des hôtels ou lieux d'hébergement temporaires dans l'État membre ou les États membres",
  ),
  hostAddress: w(
    'Address and e-mail address of inviting person(s)/hotel(s)/temporary accommodation(s)',
    "Adresse et adresse électronique de la ou des personnes qui invitent/de l'hôtel ou des hôtels/du ou des lieux d'hébergement temporaire",
  ),
  company: w(
    'Name and address of inviting company/organisation',
    "Nom et adresse de l'entreprise/l'organisation hôte",
    'en',
  ),
  companyPhone: w('Telephone no. of company/organisation', "N° de téléphone de l'entreprise/l'organisation"),
  contact: w(
    'Surname, first name, address, telephone no., and e-mail address of contact person in company/organisation',
    "Nom, prénom, adresse, numéro de téléphone et adresse électronique de la personne de contact dans l'entreprise/l'organisation",
    'en',
  ),
  costs: w(
    "Cost of travelling and living during the applicant's stay is covered",
    'Les frais de voyage et de subsistance durant votre séjour sont financés',
    'en',
  ),
  byApplicant: w('by the applicant himself/herself', 'par vous-même', 'en'),
  bySponsor: w(
    'by a sponsor (host, company, organisation), please specify',
    'par un garant (hôte, entreprise, organisation), veuillez préciser',
  ),
  means: w('Means of support', 'Moyens de subsistance', 'en'),
  filler: w(
    'Surname and first name of the person filling in the application form, if different from the applicant',
    "Nom et prénom de la personne qui remplit le formulaire de demande, si elle n'est pas le demandeur",
  ),
  fillerAddress: w(
    'Address and e-mail address of the person filling in the application form',
    'Adresse et adresse électronique de la personne qui remplit le formulaire de demande',
    'fr',
  ),
  placeDate: w('Place and date', 'Lieu et date', true),
  signature: w(
    'Signature (signature of parental authority/legal guardian, if applicable)',
    "Signature (signature de l'autorité parentale/du tuteur légal, le cas échéant)",
  ),
  yes: w('Yes', 'Oui', true),
  noAnswer: w('No', 'Non', true),
} as const;

/**
 * The right-hand column the consulate fills in; printed blank. Its English is the consulate copies';
 * their French copy of the 2019 form prints the column in English under a French heading, so the
 * French of its entries was seen on no 2019 copy (docs/forms/wording.md).
 */
export const OFFICIAL_USE: readonly { label: Wording; boxes?: readonly Wording[]; lines?: number }[] = [
  { label: w('Date of application:', 'Date de la demande :', 'en') },
  { label: w('Application number:', 'Numéro de la demande :', 'en') },
  {
    label: w('Application lodged at:', 'Demande introduite :', 'en'),
    boxes: [
      w('Embassy/consulate', 'auprès d’une ambassade/d’un consulat', 'en'),
      w('Service provider', 'auprès d’un prestataire de services', 'en'),
      w('Commercial intermediary', 'auprès d’un intermédiaire commercial', 'en'),
      w('Border (Name):', 'à la frontière (nom) :', 'en'),
      w('Other:', 'autres :', 'en'),
    ],
  },
  { label: w('File handled by:', 'Responsable du dossier :', 'en'), lines: 1 },
  {
    label: w('Supporting documents:', 'Documents justificatifs :', 'en'),
    boxes: [
      w('Travel document', 'Document de voyage', 'en'),
      w('Means of subsistence', 'Moyens de subsistance', 'en'),
      w('Invitation', 'Invitation', 'en'),
      w('TMI', 'AMV', 'en'),
      w('Means of transport', 'Moyen de transport', 'en'),
      w('Other:', 'Autres :', 'en'),
    ],
  },
  {
    label: w('Visa decision:', 'Décision concernant le visa :', 'en'),
    boxes: [
      w('Refused', 'Refusé', 'en'),
      w('Issued:', 'Délivré :', 'en'),
      w('A', 'A', true),
      w('C', 'C', true),
      w('LTV', 'VTL', 'en'),
      w('Valid: From ....... Until .......', 'Valable : du ....... au .......', 'en'),
    ],
  },
  {
    label: w('Number of entries:', "Nombre d'entrées :", 'en'),
    boxes: [w('1', '1', true), w('2', '2', true), w('Multiple', 'Multiples', 'en')],
  },
  { label: w('Number of days:', 'Nombre de jours :', 'en'), lines: 1 },
];

/** The statements the applicant signs, in the order of the form. */
export const DECLARATIONS: readonly Wording[] = [
  w(
    'I am aware that the visa fee is not refunded if the visa is refused.',
    'Je suis informé(e) que les droits de visa ne sont pas remboursés si le visa est refusé.',
    'en',
  ),
  w(
    'Applicable in case a multiple-entry visa is applied for: I am aware of the need to have an adequate travel medical insurance for my first stay and any subsequent visits to the territory of Member States.',
    "Applicable en cas de demande de visa à entrées multiples : je suis informé(e) de la nécessité de disposer d'une assurance maladie en voyage adéquate pour mon premier séjour et lors de voyages ultérieurs sur le territoire des États membres.",
  ),
  w(
    'I am aware of and consent to the following: the collection of the data required by this application form and the taking of my photograph and, if applicable, the taking of fingerprints, are mandatory for the examination of the application; and any personal data concerning me which appear on the application form, as well as my fingerprints and my photograph will be supplied to the relevant authorities of the Member States and processed by those authorities, for the purposes of a decision on my application.',
    "En connaissance de cause, j'accepte ce qui suit : aux fins de l'examen de ma demande, il y a lieu de recueillir les données requises dans ce formulaire, de me photographier et, le cas échéant, de prendre mes empreintes digitales. Les données à caractère personnel me concernant qui figurent dans le présent formulaire de demande, ainsi que mes empreintes digitales et ma photo, seront communiquées aux autorités compétentes des États membres et traitées par elles, aux fins de la décision relative à ma demande.",
    'en',
  ),
  w(
    'Such data as well as data concerning the decision taken on my application or a decision whether to annul, revoke or extend a visa issued will be entered into, and stored in the Visa Information System (VIS) for a maximum period of five years, during which it will be accessible to the visa authorities and the authorities competent for carrying out checks on visas at external borders and within the Member States, immigration and asylum authorities in the Member States for the purposes of verifying whether the conditions for the legal entry into, stay and residence on the territory of the Member States are fulfilled, of identifying persons who do not or who no longer fulfil these conditions, of examining an asylum application and of determining responsibility for such examination. Under certain conditions the data will be also available to designated authorities of the Member States and to Europol for the purpose of the prevention, detection and investigation of terrorist offences and of other serious criminal offences.',
    "Ces données ainsi que celles concernant la décision relative à ma demande ou toute décision d'annulation, d'abrogation ou de prolongation de visa seront saisies et conservées dans le système d'information sur les visas (VIS) pendant une période maximale de cinq ans, durant laquelle elles seront accessibles aux autorités chargées des visas, aux autorités compétentes chargées de contrôler les visas aux frontières extérieures et dans les États membres, aux autorités compétentes en matière d'immigration et d'asile dans les États membres aux fins de la vérification du respect des conditions d'entrée et de séjour réguliers sur le territoire des États membres, de l'identification des personnes qui ne remplissent pas ou plus ces conditions, de l'examen d'une demande d'asile et de la détermination de l'autorité responsable de cet examen. Dans certaines conditions, ces données seront aussi accessibles aux autorités désignées des États membres et à Europol aux fins de la prévention et de la détection des infractions terroristes et des autres infractions pénales graves, ainsi qu'aux fins des enquêtes en la matière.",
    'en',
  ),
  w(
    'I am aware that I have the right to obtain, in any of the Member States, notification of the data relating to me recorded in the VIS and of the Member State which transmitted the data, and to request that data relating to me which are inaccurate be corrected and that data relating to me processed unlawfully be deleted. At my express request, the authority examining my application will inform me of the manner in which I may exercise my right to check the personal data concerning me and have them corrected or deleted, including the related remedies according to the national law of the Member State concerned.',
    "Je suis informé(e) de mon droit d'obtenir auprès de n'importe quel État membre la communication des données me concernant qui sont enregistrées dans le VIS ainsi que de l'État membre qui les a transmises, et de demander que les données me concernant soient rectifiées si elles sont erronées ou effacées si elles ont été traitées de façon illicite. À ma demande expresse, l'autorité qui a examiné ma demande m'informera de la manière dont je peux exercer mon droit de vérifier les données à caractère personnel me concernant et de les faire rectifier ou supprimer, y compris des voies de recours prévues à cet égard par le droit national de l'État membre concerné.",
  ),
  w(
    'I declare that to the best of my knowledge all particulars supplied by me are correct and complete. I am aware that any false statements will lead to my application being rejected or to the annulment of a visa already granted and may also render me liable to prosecution under the law of the Member State which deals with the application.',
    "Je déclare qu'à ma connaissance, toutes les indications que j'ai fournies sont correctes et complètes. Je suis informé(e) que toute fausse déclaration entraînera le rejet de ma demande ou l'annulation du visa s'il a déjà été délivré, et peut également entraîner des poursuites pénales à mon égard en application du droit de l'État membre qui traite la demande.",
    'en',
  ),
  w(
    'I undertake to leave the territory of the Member States before the expiry of the visa, if granted. I have been informed that possession of a visa is only one of the prerequisites for entry into the European territory of the Member States. The mere fact that a visa has been granted to me does not mean that I will be entitled to compensation if I fail to comply with the relevant provisions of Article 6(1) of Regulation (EU) 2016/399 (Schengen Borders Code) and I am therefore refused entry. The prerequisites for entry will be checked again on entry into the European territory of the Member States.',
    "Je m'engage à quitter le territoire des États membres avant l'expiration du visa qui m'aura éventuellement été délivré. J'ai été informé(e) que la possession d'un visa n'est que l'une des conditions de l'entrée sur le territoire européen des États membres. Le simple fait qu'un visa m'ait été accordé n'implique pas que j'aurai droit à une indemnisation si je ne respecte pas les dispositions pertinentes de l'article 6, paragraphe 1, du règlement (UE) 2016/399 (code frontières Schengen) et que l'entrée m'est par conséquent refusée. Le respect des conditions d'entrée sera à nouveau vérifié au moment de l'entrée sur le territoire européen des États membres.",
  ),
];
