/**
 * Build time: src/validate/validators.ts as the bundle gets it (that file says why): ajv's
 * standalone code for the same schemas and options. ajv writes CommonJS; it is wrapped into an
 * ES module here (the package is `type: module`), its require() calls of ajv's run-time helpers
 * bundled by esbuild.
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, STRUCTURE_SCHEMAS, type StructureName } from '../validate/validators.js';

/** ES module source with the exports of src/validate/validators.ts that the bundle uses. */
export function precompiledValidatorsSource(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const names = Object.keys(STRUCTURE_SCHEMAS) as StructureName[];
  for (const name of names) ajv.addSchema(STRUCTURE_SCHEMAS[name], name);
  const code = standalone.default(ajv, Object.fromEntries(names.map((name) => [name, name])));
  return `const ajvModule = { exports: {} };
(function (module, exports) {
${code}
})(ajvModule, ajvModule.exports);
export function validatorFor(name) {
  return ajvModule.exports[name];
}
`;
}
