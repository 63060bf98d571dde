// Validates JSON files against a JSON Schema (draft 2020-12) with Ajv, an independent validator:
// node validate-json.mjs SCHEMA FILE... prints every error as "FILE: /path message" and exits 1
// when a file is invalid. Formats (uri, date) are checked too (ajv-formats).
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
let invalid = false;
for (const file of files) {
  if (validate(JSON.parse(readFileSync(file, 'utf8')))) continue;
  invalid = true;
  for (const error of validate.errors) console.log(`${file}: ${error.instancePath || '/'} ${error.message}`);
}
process.exit(invalid ? 1 : 0);
