/**
 * Agencies and press-release wires by the names they print, mapped to one canonical name each. Used for the
 * dateline's `(AGENCY)`, sign-offs (`Reuter`) and source lines (`Source: Yonhap News Agency`).
 */
const CANONICAL = [
    ['AP', ['ap', 'associated press', 'the associated press']],
    ['Reuters', ['reuters', 'reuter', 'thomson reuters', 'reuters health']],
    ['AFP', ['afp', 'agence france-presse', 'agence france presse']],
    ['Yonhap', ['yonhap', 'yonhap news agency', 'yonhap news']],
    ['Xinhua', ['xinhua', 'xinhua news agency', 'xinhuanet']],
    ['Kyodo', ['kyodo', 'kyodo news']],
    ['dpa', ['dpa', 'deutsche presse-agentur']],
    ['UPI', ['upi', 'united press international']],
    ['Bloomberg', ['bloomberg', 'bloomberg news']],
    ['PTI', ['pti', 'press trust of india']],
    ['IANS', ['ians', 'indo-asian news service']],
    ['ANSA', ['ansa']],
    ['EFE', ['efe', 'agencia efe']],
    ['Bernama', ['bernama']],
    ['CNN', ['cnn']],
    ['TASS', ['tass', 'itar-tass']],
    ['ANI', ['ani', 'asian news international']],
    ['AAP', ['aap', 'australian associated press']],
    ['CP', ['cp', 'the canadian press', 'canadian press']],
    ['Anadolu', ['aa', 'anadolu', 'anadolu agency']],
    ['KCNA', ['kcna', 'korean central news agency']],
    ['Interfax', ['interfax']],
    ['Lusa', ['lusa']],
    ['APA', ['apa']],
    ['Belga', ['belga']],
    ['NTB', ['ntb']],
    ['TT', ['tt']],
    ['IRNA', ['irna']],
    ['WAM', ['wam']],
    ['KUNA', ['kuna']],
    ['SPA', ['spa']],
    ['PR Newswire', ['prnewswire', 'pr newswire', 'prnewswire-firstcall', 'prn']],
    ['Business Wire', ['business wire', 'businesswire']],
    ['GlobeNewswire', ['globe newswire', 'globenewswire']],
    ['ACCESSWIRE', ['accesswire']],
];
const BY_NAME = new Map();
for (const [canonical, names] of CANONICAL) {
    for (const name of names)
        BY_NAME.set(name, canonical);
}
/** The canonical agency for a printed name (`Reuter` → `Reuters`, `Yonhap News Agency` → `Yonhap`), or undefined. */
export function canonicalAgency(printed) {
    const key = printed
        .trim()
        .replace(/[\s/]+/g, ' ')
        .replace(/^the /i, '')
        .toLowerCase();
    return BY_NAME.get(key) ?? BY_NAME.get(`the ${key}`);
}
/**
 * Agencies whose dateline may lack a separator (`New Delhi, Jul 14 (PTI) The ...`, `(CNN)The ...`): only these are
 * trusted without a dash, so that an ordinary parenthesis in a first sentence is not taken for an agency.
 */
export function isKnownAgency(printed) {
    return canonicalAgency(printed) !== undefined;
}
