/**
 * Month names by language (ISO 639-1), one module each: adding a language is adding a module and a line here. The
 * dateline reads a spelling in the language of the agency it names when two languages disagree (`listopada` is
 * October in Croatian, November in Polish).
 */
import { en } from './en.js';
import { es } from './es.js';
import { pt } from './pt.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ca } from './ca.js';
import { de } from './de.js';
import { nl } from './nl.js';
import { sv } from './sv.js';
import { da } from './da.js';
import { no } from './no.js';
import { fi } from './fi.js';
import { cs } from './cs.js';
import { sk } from './sk.js';
import { pl } from './pl.js';
import { hu } from './hu.js';
import { hr } from './hr.js';
import { sl } from './sl.js';
import { sr } from './sr.js';
import { ro } from './ro.js';
import { el } from './el.js';
import { ru } from './ru.js';
import { uk } from './uk.js';
import { bg } from './bg.js';
import { tr } from './tr.js';
import { id } from './id.js';
import { ms } from './ms.js';
import type { MonthNames } from './types.js';

export type { MonthNames } from './types.js';

export const MONTH_NAMES: Readonly<Record<string, MonthNames>> = {
  en,
  es,
  pt,
  fr,
  it,
  ca,
  de,
  nl,
  sv,
  da,
  no,
  fi,
  cs,
  sk,
  pl,
  hu,
  hr,
  sl,
  sr,
  ro,
  el,
  ru,
  uk,
  bg,
  tr,
  id,
  ms,
};
