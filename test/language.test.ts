import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  LANGUAGE_PENDING,
  languageDetectorLoaded,
  loadLanguageDetector,
} from '../src/normalize/language.js';
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

  it('leaves language null when detection is turned off', async () => {
    const sink = new MemorySink();
    await ingest({ inputs: [PLAIN], sink, dedup: 'off', parallel: false, detectLanguage: false });
    expect(sink.records[0]?.language).toBeNull();
  });
});
