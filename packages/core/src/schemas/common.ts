import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';

/** An object that rejects unknown fields (mass-assignment protection: unknown → 400, never silently dropped). */
export const Strict = <T extends TProperties>(properties: T, options: { description?: string } = {}): TObject<T> =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const Id = Type.String({ format: 'uuid', description: 'UUIDv7' });
export const IdParams = Strict({ id: Id });
export const IsoTime = Type.String({ format: 'date-time' });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
  sort: Type.Optional(Type.String({ pattern: '^-?[a-zA-Z]+$', maxLength: 40 })),
};

export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

/** The success answer of a route that answers 204 with no body (`void` so `reply.send()` needs no argument). */
export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'No content' });

/**
 * A file, document or stream answered as raw bytes (xlsx, docx, pdf, images, NDJSON progress).
 * The serializer never touches buffers and streams; the schema documents the answer in OpenAPI.
 * `unknown` because the body is whatever byte source the route streams (Buffer, stream, string).
 */
export const FileDownload = Type.Unsafe<unknown>({
  type: 'string',
  format: 'binary',
  description: 'File content (see the route for its media type)',
});

/** An array the server hands out read-only (its types say `readonly T[]`); the JSON is an ordinary array. */
export const ReadonlyList = <T extends TSchema>(item: T) => Type.Unsafe<readonly Static<T>[]>(Type.Array(item));

/** GET /api/health: liveness with the database dialect and the application version. */
export const HealthView = Type.Object({
  status: Type.Literal('ok'),
  db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  version: Type.String(),
});

/** An import answered as NDJSON while it runs: progress lines, then one `result` or `error` line. */
export const NdjsonProgress = Type.Unsafe<unknown>({
  type: 'string',
  description: 'NDJSON lines: progress, then one result or error line',
});
