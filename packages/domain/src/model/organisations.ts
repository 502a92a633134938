/** A ministry or office, identified by the short tag the documents print (【厚】). */
export interface Organisation {
  /** The short tag: 厚, 文, 経, 健 … */
  code: string;
  nameJa: string;
  nameEn: string;
  /** First day the organisation exists under this code (ISO date). */
  validFrom: string;
  /** Last day, or null while it exists. Reorganisations are new rows, never edits. */
  validTo: string | null;
}

/** The organisations the seed and the Health Policy Bureau deal with; reorganisations are added as rows. */
export const ORGANISATIONS: readonly Organisation[] = [
  { code: '内', nameJa: '内閣官房', nameEn: 'Cabinet Secretariat', validFrom: '2001-01-06', validTo: null },
  {
    code: '健',
    nameJa: '内閣府健康・医療戦略推進事務局',
    nameEn: 'Secretariat of Headquarters for Healthcare Policy, Cabinet Office',
    validFrom: '2014-06-10',
    validTo: null,
  },
  {
    code: '厚',
    nameJa: '厚生労働省',
    nameEn: 'Ministry of Health, Labour and Welfare',
    validFrom: '2001-01-06',
    validTo: null,
  },
  {
    code: '文',
    nameJa: '文部科学省',
    nameEn: 'Ministry of Education, Culture, Sports, Science and Technology',
    validFrom: '2001-01-06',
    validTo: null,
  },
  {
    code: '経',
    nameJa: '経済産業省',
    nameEn: 'Ministry of Economy, Trade and Industry',
    validFrom: '2001-01-06',
    validTo: null,
  },
  {
    code: '総',
    nameJa: '総務省',
    nameEn: 'Ministry of Internal Affairs and Communications',
    validFrom: '2001-01-06',
    validTo: null,
  },
  { code: '財', nameJa: '財務省', nameEn: 'Ministry of Finance', validFrom: '2001-01-06', validTo: null },
  { code: 'デ', nameJa: 'デジタル庁', nameEn: 'Digital Agency', validFrom: '2021-09-01', validTo: null },
  {
    code: '外',
    nameJa: '外務省',
    nameEn: 'Ministry of Foreign Affairs',
    validFrom: '2001-01-06',
    validTo: null,
  },
  {
    code: '農',
    nameJa: '農林水産省',
    nameEn: 'Ministry of Agriculture, Forestry and Fisheries',
    validFrom: '2001-01-06',
    validTo: null,
  },
  {
    code: 'こ',
    nameJa: 'こども家庭庁',
    nameEn: 'Children and Families Agency',
    validFrom: '2023-04-01',
    validTo: null,
  },
];

/** Whether an organisation exists under its code on a given day (ISO date). */
export function isOrganisationValidOn(organisation: Organisation, isoDate: string): boolean {
  return (
    organisation.validFrom <= isoDate && (organisation.validTo === null || isoDate <= organisation.validTo)
  );
}
