import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  LANGUAGE_PENDING,
  languageDetectorLoaded,
  loadLanguageDetector,
  withHomeLanguage,
} from '../src/normalize/language.js';
import { glance } from '../src/normalize/glance.js';
import { FUNCTION_WORDS } from '../src/normalize/language-signs.js';
import { languageTag } from '../src/normalize/language-tag.js';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';

const NITF = fileURLToPath(new URL('./fixtures/nitf/full/input.xml', import.meta.url));
const PLAIN = fileURLToPath(new URL('./fixtures/plain/dpa-german/input.txt', import.meta.url));

// One file, in order: the detector is loaded once per thread, and the first tests show when it is not.
describe('language detection', () => {
  it('does not load the detector for stories whose input declares a language', async () => {
    const sink = new MemorySink();
    await ingest({ inputs: [NITF], sink, dedup: 'off', parallel: false });
    expect(sink.records[0]?.language).toBe('en-US');
    expect(languageDetectorLoaded()).toBe(false);
  });

  it('answers pending until the detector is loaded, and leaves too short a text undetected without loading', () => {
    expect(detectLanguage('', ['Der Bundestag hat am Freitag das Gesetz beschlossen.'])).toBe(LANGUAGE_PENDING);
    expect(detectLanguage('Hi', ['OK.'])).toBeNull();
    expect(languageDetectorLoaded()).toBe(false);
  });

  it('settles a language plain to see without loading the detector', () => {
    // Many English function words and no others'; Greek and Korean by their scripts.
    expect(
      detectLanguage('', [
        'The ministry said on Tuesday that the new rules would apply from March, and that companies which had not ' +
          'filed their reports by then could be fined.',
      ]),
    ).toBe('en');
    expect(detectLanguage('', ['Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τους αγρότες.'])).toBe('el');
    expect(detectLanguage('', ['정부는 27일 새로운 경제 대책을 발표했다고 밝혔다.'])).toBe('ko');
    expect(languageDetectorLoaded()).toBe(false);
  });

  it('loads the detector when a plain story needs it, and detects its language', async () => {
    const sink = new MemorySink();
    await ingest({ inputs: [PLAIN], sink, dedup: 'off', parallel: false });
    expect(languageDetectorLoaded()).toBe(true);
    expect(sink.records[0]?.language).toBe('de');
  });

  it('reads headlines in capitals, and falls back to the headline when the body is short', async () => {
    await loadLanguageDetector();
    expect(detectLanguage('EL GOBIERNO APRUEBA LA REFORMA DE LA LEY DE VIVIENDA', [])).toBe('es');
    expect(detectLanguage('Le gouvernement présente son budget pour 2027', ['Détails.'])).toBe('fr');
    expect(detectLanguage('', ['Die Opposition kündigte am Freitag Widerstand gegen das neue Gesetz an.'])).toBe('de');
  });

  it('asks the detector when a glance does not settle it: close neighbours, mixed scripts', async () => {
    await loadLanguageDetector();
    // Catalan shares most of its words with Spanish and French: it is the detector's to tell.
    expect(
      glance("El Govern ha aprovat aquest dimarts una reforma de la llei d'habitatge que limita els preus."),
    ).toBeNull();
    // A Chinese story naming an English body is not English.
    expect(
      glance(
        '国务院新闻办公室 said that the report of the commission was 发布了关于经济形势的报告，并表示将继续推进改革',
      ),
    ).not.toBe('en');
    // Danish and Norwegian are too close to tell at a glance.
    expect(
      glance('Regeringen vil give flere penge til de ældre, og det er ikke sket før, siger ministeren.'),
    ).toBeNull();
  });

  it('never names a language of another script for text in Latin letters alone', async () => {
    await loadLanguageDetector();
    const noise = ['ryryryry copyright by dpa ryryryry copyright by dpa ryryryry ryryryry copyright by dpa ryryryry'];
    expect(['zh', 'ja', 'ko', 'ru', 'el', 'ar']).not.toContain(detectLanguage('Impressum', noise));
    // The same model still names such a language when the text is written in its script.
    expect(detectLanguage('', ['国务院新闻办公室发布了关于经济形势的报告，并表示将继续推进改革开放。'])).toBe('zh');
  });

  it('leaves language null when detection is turned off', async () => {
    const sink = new MemorySink();
    await ingest({ inputs: [PLAIN], sink, dedup: 'off', parallel: false, detectLanguage: false });
    expect(sink.records[0]?.language).toBeNull();
  });
});

describe('the signs a glance reads', () => {
  it('lists each function word for one language only', () => {
    const owners = new Map<string, string[]>();
    for (const [language, words] of Object.entries(FUNCTION_WORDS))
      for (const word of words.split(' ')) owners.set(word, [...(owners.get(word) ?? []), language]);
    expect([...owners].filter(([, languages]) => languages.length > 1)).toEqual([]);
    for (const word of owners.keys()) expect(word).toBe(word.toLowerCase());
  });

  it('folds case and ignores a word glued to punctuation', () => {
    expect(glance('THE COMMITTEE SAID THAT THE PLAN WOULD BE DELAYED BECAUSE OF THE COSTS, WHICH HAD RISEN.')).toBe(
      'en',
    );
    expect(
      glance('Die Regierung hat am Dienstag beschlossen, dass die Steuer für Unternehmen nicht steigt, sagte er.'),
    ).toBe('de');
  });

  it('does not settle a text with too few function words or two languages mixed', () => {
    expect(glance('Central bank raises key rate')).toBeNull();
    expect(
      glance('The minister said that the plan, « une réforme pour tous les salariés dans cette crise », was fair.'),
    ).toBeNull();
  });
});

describe("the agency's home language against the detected one", () => {
  it('takes the home language only over a sibling the detector confuses it with', () => {
    expect(withHomeLanguage('id', 'ms')).toBe('ms');
    expect(withHomeLanguage('da', 'no')).toBe('no');
    expect(withHomeLanguage('sr', 'hr')).toBe('hr');
    expect(withHomeLanguage('en', 'ms')).toBe('en');
    expect(withHomeLanguage('sv', 'no')).toBe('sv');
    expect(withHomeLanguage('id', undefined)).toBe('id');
    expect(withHomeLanguage(null, 'ms')).toBeNull();
  });
});

describe('a declared language, in the case BCP 47 writes it', () => {
  it.each([
    ['EN', 'en'],
    ['nl-nl', 'nl-NL'],
    ['fi-FI', 'fi-FI'],
    ['en_US', 'en-US'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    [' fr ', 'fr'],
    ['English', null],
    ['', null],
    [null, null],
  ])('%s → %s', (declared, tag) => {
    expect(languageTag(declared)).toBe(tag);
  });
});
