// Parses each Mermaid file given on the command line with Mermaid's own parser and exits
// non-zero, naming the file and the error, when one does not parse.
// Usage: node tests/js/mermaid-parse.mjs a.mmd b.mmd
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

// Mermaid sanitises labels with DOMPurify, which needs a DOM.
const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file} (${result.diagramType})`);
  } catch (error) {
    failed += 1;
    console.error(`FAIL ${file}: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`);
  }
}
process.exit(failed ? 1 : 0);
