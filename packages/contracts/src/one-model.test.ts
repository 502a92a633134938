import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The contracts describe the domain's things on the wire. Where both packages export a type of one name, it must
// mean one thing: every field the two have in common holds the same kind of value, the wire's a view of the
// domain's (one is assignable to the other: a breakdown null rather than absent, a budget line without its id).
// The wire may leave out or add fields (a KPI on the wire has its status, not its placement), but never give a
// shared field another meaning, as the calendar's Period and the wire's period once did.
const source = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

function program(): ts.Program {
  return ts.createProgram([source('contracts/src/index.ts'), source('domain/src/index.ts')], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    // Read the domain from its source, so the test needs no build.
    baseUrl: source('.'),
    paths: { '@kotei/domain': ['domain/src/index.ts'] },
  });
}

interface Clash {
  name: string;
  /** Whether the wire's type is written in terms of the domain's (domain.Kpi, Pick<domain.Kpi, …>). */
  derived: boolean;
  /** Fields both types have whose types differ, as "field: wire type ≠ domain type". */
  conflicts: string[];
  shared: number;
}

interface Exported {
  symbol: ts.Symbol;
  type: ts.Type;
}

function exportedTypes(checker: ts.TypeChecker, file: ts.SourceFile): Map<string, Exported> {
  const module = checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`no module symbol for ${file.fileName}`);
  const types = new Map<string, Exported>();
  for (const symbol of checker.getExportsOfModule(module)) {
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (resolved.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))
      types.set(symbol.name, { symbol: resolved, type: checker.getDeclaredTypeOfSymbol(resolved) });
  }
  return types;
}

// Whether a type declaration names `target` anywhere in its type (domain.Kpi, Pick<domain.Kpi, …>).
function mentions(checker: ts.TypeChecker, declared: ts.Symbol, target: ts.Symbol): boolean {
  const visit = (node: ts.Node): boolean => {
    if (ts.isTypeReferenceNode(node)) {
      const named = checker.getSymbolAtLocation(node.typeName);
      const resolved = named && named.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(named) : named;
      if (resolved === target) return true;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return (declared.declarations ?? []).some(
    (declaration) => ts.isTypeAliasDeclaration(declaration) && visit(declaration.type),
  );
}

function clashes(): Clash[] {
  const built = program();
  const checker = built.getTypeChecker();
  const file = (path: string): ts.SourceFile => {
    const found = built.getSourceFile(source(path));
    if (!found) throw new Error(`${path} is not in the program`);
    return found;
  };
  const wire = exportedTypes(checker, file('contracts/src/index.ts'));
  const model = exportedTypes(checker, file('domain/src/index.ts'));
  const found: Clash[] = [];
  for (const [name, { symbol, type: wireType }] of wire) {
    const modelExport = model.get(name);
    if (!modelExport) continue;
    const modelType = modelExport.type;
    const conflicts: string[] = [];
    let shared = 0;
    for (const property of checker.getPropertiesOfType(modelType)) {
      const other = wireType.getProperty(property.name);
      if (!other) continue;
      shared += 1;
      const a = checker.getNonNullableType(checker.getTypeOfSymbol(other));
      const b = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      if (!checker.isTypeAssignableTo(a, b) && !checker.isTypeAssignableTo(b, a))
        conflicts.push(`${property.name}: ${checker.typeToString(a)} ≠ ${checker.typeToString(b)}`);
    }
    found.push({ name, derived: mentions(checker, symbol, modelExport.symbol), conflicts, shared });
  }
  return found;
}

describe('one model: a name the domain and the contracts both export means one thing', () => {
  const found = clashes();

  it('finds the types both packages export (the check is looking at something)', () => {
    expect(found.map((clash) => clash.name)).toEqual(expect.arrayContaining(['Kpi', 'KpiPoint', 'Measure']));
  });

  it('writes the wire type in terms of the domain type, never again by hand', () => {
    expect(found.filter((clash) => !clash.derived).map((clash) => clash.name)).toEqual([]);
  });

  it('gives every field they share the same kind of value, and shares at least one field', () => {
    expect(found.filter((clash) => clash.conflicts.length > 0 || clash.shared === 0)).toEqual([]);
  });
});
