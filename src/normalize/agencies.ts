/**
 * The agency table: one row per news agency or press-release wire, the facts the dateline, trailer and agency rules
 * read (see FORMATS.md). Supporting a new agency is adding a row here and a fixture, not a branch in a parser.
 */

/** One agency or wire, as the copy names it. */
export interface Agency {
  /** The canonical name records carry in `agency` (`Reuters`, `AP`, `dpa`). */
  readonly name: string;
  /** Every name it is printed under, lower-case (`reuter`, `associated press`, `ΑΠΕ-ΜΠΕ`). */
  readonly aliases: readonly string[];
  /** ISO 639-1 language of its home service, when it has one (`de` for dpa; English services say so in the text). */
  readonly language?: string;
  /** IANA zone its offset-less times are written in, where a format leaves the zone implicit (STT → Helsinki). */
  readonly zone?: string;
}

export const AGENCIES: readonly Agency[] = [
  { name: 'AP', aliases: ['ap', 'associated press', 'the associated press'], language: 'en', zone: 'America/New_York' },
  { name: 'Reuters', aliases: ['reuters', 'reuter', 'thomson reuters', 'reuters health'], language: 'en' },
  {
    name: 'AFP',
    aliases: ['afp', 'agence france-presse', 'agence france presse'],
    language: 'fr',
    zone: 'Europe/Paris',
  },
  { name: 'Yonhap', aliases: ['yonhap', 'yonhap news agency', 'yonhap news'], language: 'ko', zone: 'Asia/Seoul' },
  { name: 'Xinhua', aliases: ['xinhua', 'xinhua news agency', 'xinhuanet'], language: 'zh', zone: 'Asia/Shanghai' },
  { name: 'Kyodo', aliases: ['kyodo', 'kyodo news'], language: 'ja', zone: 'Asia/Tokyo' },
  { name: 'dpa', aliases: ['dpa', 'deutsche presse-agentur'], language: 'de', zone: 'Europe/Berlin' },
  { name: 'UPI', aliases: ['upi', 'united press international'], language: 'en' },
  { name: 'Bloomberg', aliases: ['bloomberg', 'bloomberg news'], language: 'en' },
  { name: 'PTI', aliases: ['pti', 'press trust of india'], language: 'en', zone: 'Asia/Kolkata' },
  { name: 'IANS', aliases: ['ians', 'indo-asian news service'], language: 'en', zone: 'Asia/Kolkata' },
  { name: 'ANSA', aliases: ['ansa'], language: 'it', zone: 'Europe/Rome' },
  { name: 'EFE', aliases: ['efe', 'agencia efe'], language: 'es', zone: 'Europe/Madrid' },
  { name: 'Bernama', aliases: ['bernama'], language: 'ms', zone: 'Asia/Kuala_Lumpur' },
  { name: 'CNN', aliases: ['cnn'], language: 'en' },
  { name: 'TASS', aliases: ['tass', 'itar-tass'], language: 'ru', zone: 'Europe/Moscow' },
  { name: 'ANI', aliases: ['ani', 'asian news international'], language: 'en', zone: 'Asia/Kolkata' },
  { name: 'AAP', aliases: ['aap', 'australian associated press'], language: 'en', zone: 'Australia/Sydney' },
  { name: 'CP', aliases: ['cp', 'the canadian press', 'canadian press'], language: 'en', zone: 'America/Toronto' },
  { name: 'Anadolu', aliases: ['aa', 'anadolu', 'anadolu agency'], language: 'tr', zone: 'Europe/Istanbul' },
  { name: 'KCNA', aliases: ['kcna', 'korean central news agency'], language: 'ko', zone: 'Asia/Pyongyang' },
  { name: 'Interfax', aliases: ['interfax'], language: 'ru', zone: 'Europe/Moscow' },
  { name: 'Lusa', aliases: ['lusa'], language: 'pt', zone: 'Europe/Lisbon' },
  { name: 'APA', aliases: ['apa'], language: 'de', zone: 'Europe/Vienna' },
  { name: 'Belga', aliases: ['belga'], zone: 'Europe/Brussels' },
  { name: 'NTB', aliases: ['ntb'], language: 'no', zone: 'Europe/Oslo' },
  { name: 'TT', aliases: ['tt'], language: 'sv', zone: 'Europe/Stockholm' },
  { name: 'STT', aliases: ['stt', 'suomen tietotoimisto'], language: 'fi', zone: 'Europe/Helsinki' },
  { name: 'IRNA', aliases: ['irna'], language: 'fa', zone: 'Asia/Tehran' },
  { name: 'WAM', aliases: ['wam'], language: 'ar', zone: 'Asia/Dubai' },
  { name: 'KUNA', aliases: ['kuna'], language: 'ar', zone: 'Asia/Kuwait' },
  { name: 'SPA', aliases: ['spa'], language: 'ar', zone: 'Asia/Riyadh' },
  { name: 'PR Newswire', aliases: ['prnewswire', 'pr newswire', 'prnewswire-firstcall', 'prn'] },
  { name: 'Business Wire', aliases: ['business wire', 'businesswire'] },
  { name: 'GlobeNewswire', aliases: ['globe newswire', 'globenewswire'] },
  { name: 'ACCESSWIRE', aliases: ['accesswire'] },
  { name: 'BusinessDesk', aliases: ['businessdesk', 'scoop'], language: 'en', zone: 'Pacific/Auckland' },
];

const BY_NAME = new Map<string, Agency>();
for (const agency of AGENCIES) {
  for (const name of agency.aliases) BY_NAME.set(name, agency);
}

/** The table row of a printed agency name (`Reuter`, `Yonhap News Agency`, `the Associated Press`), or undefined. */
export function agencyOf(printed: string): Agency | undefined {
  const key = printed
    .trim()
    .replace(/[\s/]+/g, ' ')
    .replace(/^the /i, '')
    .toLowerCase();
  return BY_NAME.get(key) ?? BY_NAME.get(`the ${key}`);
}

/** The canonical agency for a printed name (`Reuter` → `Reuters`, `Yonhap News Agency` → `Yonhap`), or undefined. */
export function canonicalAgency(printed: string): string | undefined {
  return agencyOf(printed)?.name;
}

/**
 * Agencies whose dateline may lack a separator (`New Delhi, Jul 14 (PTI) The ...`, `(CNN)The ...`): only these are
 * trusted without a dash, so that an ordinary parenthesis in a first sentence is not taken for an agency.
 */
export function isKnownAgency(printed: string): boolean {
  return agencyOf(printed) !== undefined;
}
