// Fails when the hand-written TypeScript (src/ without src/generated/, example/) switches type checking off: `any`,
// a cast (`x as T`, `<T>x`; `as const` is fine), a non-null assertion (`x!`) or a @ts-ignore/-expect-error/-nocheck.
// Each would let code compile while it disagrees with the contracts, which is what the generated types are for.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = new URL("..", import.meta.url).pathname;
const skip = join(root, "src", "generated");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === skip) {
      return [];
    }
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const found = [];
const checked = [...files(join(root, "src")), ...files(join(root, "example"))];
for (const file of checked) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const report = (node, what) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${relative(root, file)}:${line + 1}: ${what}: ${node.getText(source).split("\n")[0]}`);
  };
  const visit = (node) => {
    if (ts.isAsExpression(node) && !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === "const")) {
      report(node, "cast");
    } else if (ts.isTypeAssertionExpression(node)) {
      report(node, "cast");
    } else if (ts.isNonNullExpression(node)) {
      report(node, "non-null assertion");
    } else if (node.kind === ts.SyntaxKind.AnyKeyword) {
      report(node, "any");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  text.split("\n").forEach((line, i) => {
    if (/@ts-(ignore|expect-error|nocheck)/.test(line)) {
      found.push(`${relative(root, file)}:${i + 1}: suppression: ${line.trim()}`);
    }
  });
}
if (found.length > 0) {
  console.error(`${found.length} type escape(s):\n${found.join("\n")}`);
  process.exit(1);
}
console.log(`no type escapes in ${checked.length} hand-written files`);
