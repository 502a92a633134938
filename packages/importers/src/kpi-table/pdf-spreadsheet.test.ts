import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusDocuments, scoreDocument } from './corpus.js';
import { parseKpiPdf } from './index.js';

// Corpus tables printed by office software (see the fixtures' README): by LibreOffice Calc without rules (rows
// far apart, one-line cells centred beside wrapped ones, cells a margin apart) and by LibreOffice Writer ruled
// across only (cells that fill their column to the next one's edge). Each is held to the fields measured when
// the stream reader learnt these (2026-12-08); the corpus's own files give 144/144, 102/104 and 96/96.
const PRINTED = new URL('../fixtures/kpi-tables-printed/', import.meta.url);
const FLOORS: Readonly<Record<string, number>> = {
  'anjo-city-plan8-seika-shihyo.calc': 107,
  'nagano-plan3-main-targets.calc': 84,
  'shokuiku-3rd-plan-targets.writer': 96,
};

describe('KPI tables printed by office software', () => {
  for (const [file, floor] of Object.entries(FLOORS)) {
    const name = file.replace(/\.\w+$/u, '');
    it(`reads ${file}.pdf`, async () => {
      const document = corpusDocuments().find((d) => d.name === name);
      if (document === undefined) throw new Error(`the corpus lost ${name}`);
      const result = await parseKpiPdf(readFileSync(new URL(`${file}.pdf`, PRINTED)), {
        sourceName: `${name}.pdf`,
      });
      const score = scoreDocument(document, result.kpis);
      if (process.env.KPI_CORPUS_REPORT === '1') console.log(`${file}: ${score.right}/${score.keyed}`);
      expect(score.right).toBeGreaterThanOrEqual(floor);
    });
  }
});
