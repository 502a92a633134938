import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line per tier and a total, in the plain "N passed, N failed" form, so a reader (and CI)
 * sees at a glance that the unit, medium and end-to-end suites each ran.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of testModules) {
      const name = module.project.name || 'default';
      const row = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') row.passed += 1;
        else if (state === 'failed') failedHere += 1;
        else row.skipped += 1;
      }
      // A file that failed outside its tests (an import, a beforeAll) counts as a failure, never as skips.
      if (module.state() === 'failed' && failedHere === 0) failedHere = 1;
      row.failed += failedHere;
      perProject.set(name, row);
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
