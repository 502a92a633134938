// The web's types come from the committed openapi.json (packages/web/src/api/schema.d.ts). This test shows
// that the chain holds: a field renamed in the contract makes the web fail its typecheck.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SCHEMA = fromRoot('packages/web/src/api/schema.d.ts');

interface OpenApiDocument {
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
}

/** The contract with one property of one schema renamed, as a careless server change would leave it. */
function renameProperty(
  document: OpenApiDocument,
  schema: string,
  from: string,
  to: string,
): OpenApiDocument {
  const copy = structuredClone(document);
  const target = copy.components.schemas[schema];
  if (target === undefined || !(from in target.properties)) throw new Error(`No ${schema}.${from}`);
  target.properties = Object.fromEntries(
    Object.entries(target.properties).map(([name, value]) => [name === from ? to : name, value]),
  );
  target.required = target.required?.map((name) => (name === from ? to : name));
  return copy;
}

/** Typechecks the web with `schemaText` in place of the committed schema.d.ts; returns the error messages. */
function typecheckWeb(
  schemaText: string,
  oldProgram?: ts.Program,
): { errors: string[]; program: ts.Program } {
  const config = ts.getParsedCommandLineOfConfigFile(
    fromRoot('packages/web/tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('Cannot read the web tsconfig');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (path) => (path === SCHEMA ? schemaText : readFile(path));
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    host,
    oldProgram,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  return { errors, program };
}

describe('the web against the contract', () => {
  it('fails its typecheck when a response field is renamed in openapi.json', async () => {
    const contract = JSON.parse(
      readFileSync(fromRoot('packages/contracts/openapi.json'), 'utf8'),
    ) as OpenApiDocument;

    // Control: the committed contract typechecks, so the failure below comes from the rename alone.
    const committed = typecheckWeb(astToString(await openapiTS(JSON.stringify(contract))));
    expect(committed.errors).toEqual([]);

    const renamed = renameProperty(contract, 'PlanTree', 'title', 'name');
    const drifted = typecheckWeb(astToString(await openapiTS(JSON.stringify(renamed))), committed.program);
    expect(drifted.errors.length).toBeGreaterThan(0);
    expect(drifted.errors.join('\n')).toMatch(/Property 'title' does not exist/);
    // Only a hang fails on time: the web's whole typecheck takes minutes on a machine busy with other work.
  }, 600_000);
});
