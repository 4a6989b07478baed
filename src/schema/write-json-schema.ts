/** `npm run schema`: regenerates src/schema/gpforge.schema.json from the TypeBox schemas. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gpforgeJsonSchema } from './json-schema.js';

const target = fileURLToPath(new URL('./gpforge.schema.json', import.meta.url)).replace(/[\\/]dist[\\/]/, '/src/');
writeFileSync(target, gpforgeJsonSchema());
process.stdout.write(`wrote ${target}\n`);
