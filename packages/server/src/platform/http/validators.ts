import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Two validators on purpose: bodies are validated strictly (no type coercion, unknown fields
 * rejected by `additionalProperties: false`), while querystrings and params — which arrive as
 * text — are coerced to the declared types. Fastify's default strips unknown fields silently.
 */
function makeAjv(coerce: boolean, shared: Record<string, unknown>): Ajv {
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    allErrors: false,
    strict: false,
    // One-decimal 学时 (multipleOf 0.1): 0.3 / 0.1 is 2.9999999999999996 in floating point.
    multipleOfPrecision: 9,
  });
  // ajv-formats is CommonJS: its default export arrives wrapped under ESM.
  (formatsPlugin as unknown as { default: (a: Ajv) => void }).default(ajv);
  for (const schema of Object.values(shared)) ajv.addSchema(schema as object);
  return ajv;
}

/**
 * Installed as Fastify's validator *builder* (schemaController.compilersFactory), not with
 * setValidatorCompiler: a plugin that calls addSchema would otherwise fall back to the default.
 */
export function buildValidator(shared: Record<string, unknown> = {}): FastifySchemaCompiler<object> {
  const bodyAjv = makeAjv(false, shared);
  const textAjv = makeAjv(true, shared);
  return ({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
}
