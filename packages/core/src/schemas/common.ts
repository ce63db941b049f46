import { Type, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';

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
