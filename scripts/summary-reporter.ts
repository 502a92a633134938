import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line per tier and a total, in the plain "N passed, N failed" form, so a reader (and CI)
 * sees at a glance that the unit, medium and end-to-end suites each ran.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    const perDatabase = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of testModules) {
      const name = module.project.name || 'default';
      const row = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        // Medium suites loop over the engines and name them ("… on postgres"); count each engine apart.
        const engine = / on (sqlite|postgres)\b/.exec(test.fullName)?.[1];
        if (engine !== undefined) {
          const byEngine = perDatabase.get(engine) ?? { passed: 0, failed: 0, skipped: 0 };
          if (state === 'passed') byEngine.passed += 1;
          else if (state === 'failed') byEngine.failed += 1;
          else byEngine.skipped += 1;
          perDatabase.set(engine, byEngine);
        }
        if (state === 'passed') row.passed += 1;
        else if (state === 'failed') failedHere += 1;
        else row.skipped += 1;
      }
      // A file that failed outside its tests (an import, a beforeAll) counts as a failure, never as skips.
      if (module.state() === 'failed' && failedHere === 0) failedHere = 1;
      row.failed += failedHere;
      perProject.set(name, row);
    }
    for (const [engine, row] of perDatabase) {
      console.log(`database ${engine}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const [name, row] of perProject) {
      console.log(`suite ${name}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
      total.passed += row.passed;
      total.failed += row.failed;
      total.skipped += row.skipped;
    }
    console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
