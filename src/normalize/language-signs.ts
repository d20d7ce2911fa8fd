/**
 * What tells a language at a glance, before the detector is asked (src/normalize/language.ts): scripts that one
 * language alone writes in, and the function words of the languages wire copy comes in most, each word listed for the
 * one language that uses it among these and their close relatives (Catalan and Galician beside Spanish and
 * Portuguese, Afrikaans beside Dutch, Luxembourgish beside German, the Nordic languages beside English and German).
 */

/** A script one language alone writes in (of those fastText's `lid.176` knows), as code point ranges. */
export interface Script {
  readonly language: string;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}

export const SCRIPTS: readonly Script[] = [
  {
    language: 'el',
    ranges: [
      [0x0370, 0x03ff],
      [0x1f00, 0x1fff],
    ],
  },
  { language: 'hy', ranges: [[0x0530, 0x058f]] },
  { language: 'pa', ranges: [[0x0a00, 0x0a7f]] },
  { language: 'gu', ranges: [[0x0a80, 0x0aff]] },
  { language: 'or', ranges: [[0x0b00, 0x0b7f]] },
  { language: 'ta', ranges: [[0x0b80, 0x0bff]] },
  { language: 'te', ranges: [[0x0c00, 0x0c7f]] },
  { language: 'kn', ranges: [[0x0c80, 0x0cff]] },
  { language: 'ml', ranges: [[0x0d00, 0x0d7f]] },
  { language: 'si', ranges: [[0x0d80, 0x0dff]] },
  { language: 'th', ranges: [[0x0e00, 0x0e7f]] },
  { language: 'lo', ranges: [[0x0e80, 0x0eff]] },
  { language: 'bo', ranges: [[0x0f00, 0x0fff]] },
  { language: 'my', ranges: [[0x1000, 0x109f]] },
  { language: 'ka', ranges: [[0x10a0, 0x10ff]] },
  { language: 'km', ranges: [[0x1780, 0x17ff]] },
  {
    language: 'ko',
    ranges: [
      [0x1100, 0x11ff],
      [0x3130, 0x318f],
      [0xac00, 0xd7af],
    ],
  },
];

/** Japanese kana: with Han characters, Japanese; Han characters alone, Chinese. */
export const KANA: readonly [number, number] = [0x3040, 0x30ff];
export const HAN: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/**
 * Function words, lower case, by language. A word appears under one language only, and only where none of the
 * others here nor their close relatives use it as a common word (so `de`, `la`, `in`, `a`, `die`, `het`, `para`, `as`
 * and their like are left out). Languages too close to a neighbour to tell by such words (Danish and Norwegian, Czech
 * and Slovak, Indonesian and Malay, Croatian and Bosnian) are not listed: the detector tells them.
 */
export const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en:
    'the and of that with said were from which have has this would their been after they but who its had than ' +
    'about into when there what could these other should while because being those where against during',
  de:
    'und nicht mit sich ist auf eine einen einer wird wurde auch nach bei zum zur sagte werden hatte seine ihre ' +
    'noch nur vom oder haben sind wurden durch soll für ein im sollen sagt dass zu über gegen',
  fr:
    'par cet seront avait ainsi dont très contre sous déjà peut doit tous est une dans pour sur aux avec cette ' +
    'selon sont ont été leur lors ces nous vous elle ils être fait était depuis sans après aussi leurs',
  es: 'los las y fue según también sus pero muy hasta cuando dijo tras después están había ella tiene',
  it:
    'dell nell dall sull nei negli nelle agli alle dello nello mentre verso tutta tutti tutto ogni alcuni secondo tra fra contro già molto che della sono gli nel nella alla dei delle anche è più questo dopo stato essere degli dal sul hanno cui ' +
    'loro ancora dalla sulla',
  pt: 'em enquanto várias vários direção não uma com pelo pela também após já muito ainda isso então pelos pelas numa desse são',
  nl: 'terwijl echter zou zullen kunnen waren sinds welke een niet zijn voor wordt werd naar bij zich heeft hebben deze zegt zei tegen hun tussen volgens omdat hij',
  sv: 'medan från när bland sedan mellan flera någon några inom och att är inte för till ett också hade vid detta även enligt samt sade säger sina',
  fi: 'ja noin jälkeen aikana vuoden koko hänen heidän tämä tämän että mukaan myös joka sekä hän kuin mutta ovat jotka kanssa vuonna sanoi kun ole olla ollut',
  pl: 'około ciągu kilku mają już przed wobec bardzo więc gdy się że jest który która które przez oraz jego dla został była było będzie także tylko jednak podczas według może są',
  hu: 'az több miközben mintegy felé ismét előtt alatt hogy egy volt már csak szerint után között pedig vagy amely azt ezt lesz kell',
  tr: 'bütün birçok üzere ve için ile olarak çok gibi kadar ancak ise olan yüzde dedi göre değil tarafından olduğunu',
  ro: 'și şi în că fost sunt pentru prin potrivit iar după această acest sau dintre asupra între',
  vi: 'của và các được trong có cho không người này với đã những một',
  ru: 'чтобы сообщила заявила несколько которая которое этом этого однако ещё еще будет своей что это был была были его также который которые году только более уже заявил сообщил сказал',
  uk: 'що це від які який було також році після він вона вже буде його як має із і',
  bg: 'че това които която който след още ще бъде във със той',
  sr: 'је су који која није био након према још',
  ar: 'يوم نحو بين إطار أنها أنه منذ عدة بعض كما وفي في على إلى أن التي الذي عن مع هذا كان قال وقال ذلك حيث قد',
  fa: 'در که از را این است برای شد کرد خود های وی می',
  ur: 'کے میں کی ہے اور سے نے ہیں پر',
  he: 'של את על עם הוא היא זה כי גם אבל אשר',
  hi: 'के में की है और से ने कि यह भी हैं था थे किया',
};
