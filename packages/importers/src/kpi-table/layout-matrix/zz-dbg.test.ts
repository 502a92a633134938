import { it } from 'vitest';
import { importDocument } from '../../import-document.js';
import { renderLayout } from './layout.js';
import { combinedCases, keyedKpiPool } from './matrix.js';
import { renderInput } from './render.js';
it('dbg', async () => {
  const wanted = (process.env.DBG ?? '').split(',').map(Number);
  for (const c of combinedCases(40).filter((_, i) => wanted.includes(i))) {
    const r = renderLayout(c.layout, keyedKpiPool());
    const f = await renderInput(r.table, c.kind);
    console.log(c.label, c.kind);
    if (c.kind !== 'xlsx') console.log(new TextDecoder().decode(f.bytes).slice(0, 500));
    const o = await importDocument({ bytes: f.bytes, fileName: f.fileName });
    if (o.ok)
      for (const k of (o.table?.kpis ?? []).slice(0, 3))
        console.log(
          JSON.stringify([
            k.name,
            k.unit,
            k.baseline?.value,
            k.baseline?.year,
            k.target?.value,
            k.target?.year,
            k.latest?.value,
            k.latest?.year,
          ]),
        );
    if (o.ok)
      console.log(
        JSON.stringify(
          o.table?.mappings[0]?.columns.map((m) => [m.header, m.role, m.dates ?? null, m.year?.year ?? null]),
        ),
      );
  }
});
