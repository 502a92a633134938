import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusDocuments, scoreDocument } from './corpus.js';
import { parseKpiPdf } from './index.js';

// Corpus tables printed by LibreOffice Calc without rules (see the fixtures' README): rows far apart, one-line
// cells centred beside wrapped ones, cells a margin apart. Each is held to the fields measured when the stream
// reader learnt these (2026-12-08); the corpus's own files give 144/144 and 102/104.
const PRINTED = new URL('../fixtures/kpi-tables-printed/', import.meta.url);
const FLOORS: Readonly<Record<string, number>> = {
  'anjo-city-plan8-seika-shihyo': 107,
  'nagano-plan3-main-targets': 84,
};

describe('KPI tables printed by a spreadsheet without rules', () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`reads ${name}`, async () => {
      const document = corpusDocuments().find((d) => d.name === name);
      if (document === undefined) throw new Error(`the corpus lost ${name}`);
      const result = await parseKpiPdf(readFileSync(new URL(`${name}.calc.pdf`, PRINTED)), {
        sourceName: `${name}.pdf`,
      });
      const score = scoreDocument(document, result.kpis);
      if (process.env.KPI_CORPUS_REPORT === '1') console.log(`${name}: ${score.right}/${score.keyed}`);
      expect(score.right).toBeGreaterThanOrEqual(floor);
    });
  }
});
