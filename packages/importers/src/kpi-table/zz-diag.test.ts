import { it } from 'vitest';
import { BLIND_CORPUS_ROOT, corpusDocuments, importCorpusDocument } from './corpus.js';
it('diag', async () => {
  const only = process.env.DIAG;
  for (const d of corpusDocuments(BLIND_CORPUS_ROOT)) {
    if (only && !only.split(',').includes(d.name)) continue;
    const r = await importCorpusDocument(d);
    const out = [
      '== ' + d.name + ' ' + r.format + ' kpis ' + r.kpis.length,
      JSON.stringify(r.mappings).slice(0, 1500),
    ];
    for (const i of r.issues.slice(0, 10))
      out.push(
        ' issue ' +
          i.code +
          ' ' +
          i.line +
          ' ' +
          String(i.found).slice(0, 160) +
          ' | ' +
          i.message.slice(0, 160),
      );
    for (const k of r.kpis.slice(0, 30)) out.push(' kpi ' + JSON.stringify(k).slice(0, 400));
    console.log(out.join('\n'));
  }
});
