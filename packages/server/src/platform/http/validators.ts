import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Two validators on purpose: bodies are validated strictly (no type coercion, unknown fields
 * rejected by `additionalProperties: false`), while querystrings and params — which arrive as
 * text — are coerced to the declared types. Fastify's default strips unknown fields silently.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    allErrors: false,
    strict: false,
  });
  // ajv-formats is CommonJS: its default export arrives wrapped under ESM.
  (formatsPlugin as unknown as { default: (a: Ajv) => void }).default(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
