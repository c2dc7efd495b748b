import ts from "typescript";

/**
 * Reading rule ids (R-J3, R-E2, ...) out of text and test names out of test files, for the check
 * that docs/domain.md and the code cite the same rules (domain-doc.test.ts).
 */

const RULE = /\bR-([A-Z]+)(\d+)\b(?:\.\.(?:R-\1)?(\d+)\b)?/g;

/** Every rule id a text names; a range such as "R-E1..R-E5" (or "R-G1..4") names each one in it. */
export function ruleIdsIn(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(RULE)) {
    const [, family, first, last] = m;
    const from = Number(first);
    const to = last === undefined ? from : Number(last);
    for (let n = from; n <= Math.max(from, to); n++) ids.add(`R-${family}${n}`);
  }
  return ids;
}

/** Rule ids in the order a reader expects: by family, then by number (R-J2 before R-J10). */
export function byRuleOrder(a: string, b: string): number {
  const [, fa = "", na = "0"] = /^R-([A-Z]+)(\d+)$/.exec(a) ?? [];
  const [, fb = "", nb = "0"] = /^R-([A-Z]+)(\d+)$/.exec(b) ?? [];
  return fa === fb ? Number(na) - Number(nb) : fa.localeCompare(fb);
}

const TEST_FUNCTIONS = new Set(["it", "test", "describe"]);

/** The function a call chain starts from: `it`, `it.each(rows)`, `test.describe`, `it.runIf(x)`. */
function rootName(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) return rootName(e.expression);
  return null;
}

/** A test's name as written; a template's `${...}` parts become "…". */
function literalText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => `…${s.literal.text}`).join("");
  }
  return null;
}

/** The names of the tests and suites of one Vitest or Playwright file, whitespace folded. */
export function testNamesIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const root = rootName(node.expression);
      const name = root && TEST_FUNCTIONS.has(root) ? literalText(node.arguments[0]!) : null;
      if (name !== null) names.push(name.replace(/\s+/g, " ").trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/** A file the rulebook names, with the identifiers it says the file defines. */
export type CodeCitation = { path: string; symbols: string[] };
/** A test the rulebook quotes, by file and exact name. */
export type TestCitation = { path: string; name: string };

/** "`lib/x.ts` (`a`, `b`)": a file and what in it enforces a rule. */
export function codeCitationsIn(markdown: string): CodeCitation[] {
  return [...markdown.matchAll(/`([\w./-]+\.tsx?)` \(((?:`\w+`(?:, )?)+)\)/g)].map((m) => ({
    path: m[1]!,
    symbols: [...m[2]!.matchAll(/`(\w+)`/g)].map((s) => s[1]!),
  }));
}

/** "`lib/x.test.ts`: "R-J5: ..."": a test quoted by its name. */
export function testCitationsIn(markdown: string): TestCitation[] {
  return [...markdown.matchAll(/`([\w./-]+\.(?:test|spec)\.tsx?)`: "([^"]+)"/g)].map((m) => ({
    path: m[1]!,
    name: m[2]!,
  }));
}

/** Every repository path the page names in backticks (files and folders). */
export function pathsIn(markdown: string): string[] {
  const paths = markdown.matchAll(
    /`((?:app|components|docs|e2e|lib|prisma|scripts|test)\/[\w./[\]-]*)`/g,
  );
  return [...new Set([...paths].map((m) => m[1]!))];
}

/** The body rows of every Markdown table whose header cells are exactly `header`, as cells. */
export function tablesWithHeader(markdown: string, header: readonly string[]): string[][][] {
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
  const lines = markdown.split("\n");
  const tables: string[][][] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith("|") || cells(line).join("|") !== header.join("|")) return;
    const rows: string[][] = [];
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith("|"); j++)
      rows.push(cells(lines[j]!));
    tables.push(rows);
  });
  return tables;
}

/** "Creating, Shipping" -> ["Creating", "Shipping"]; backticks dropped. */
export function listCell(cell: string): string[] {
  return cell
    .replaceAll("`", "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
