import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { dictionaries, getDict, normalize, Strict, type DictItem } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/app-error.ts';

const Code = Type.String({ pattern: '^[a-z_]{1,40}$' });
const Item = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Optional(Type.String()),
  parentCode: Type.Optional(Type.String()),
});
/** The wire shape of an item: synonyms stay server-side, they only feed `normalize`. */
const itemView = ({ synonyms: _synonyms, ...item }: DictItem) => item;
const Summary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  standard: Type.String(),
  count: Type.Integer(),
});

/** Code tables (数据字典) of the national standards, read-only for every logged-in user. */
export async function dictRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dicts'];
  r.get('/', {
    schema: { tags, response: { 200: Type.Array(Summary) } },
    config: { permission: 'dict:read' },
    handler: async () =>
      dictionaries.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn, standard: d.standard, count: d.items.length })),
  });
  r.get('/:code', {
    schema: {
      tags,
      params: Strict({ code: Code }),
      response: { 200: Type.Composite([Type.Omit(Summary, ['count']), Type.Object({ items: Type.Array(Item) })]) },
    },
    config: { permission: 'dict:read' },
    handler: async (req) => {
      const dict = getDict(req.params.code);
      if (!dict) throw new AppError('DICT_NOT_FOUND');
      return { code: dict.code, name: dict.name, nameEn: dict.nameEn, standard: dict.standard, items: dict.items.map(itemView) };
    },
  });
  r.get('/:code/normalize', {
    schema: {
      tags,
      params: Strict({ code: Code }),
      querystring: Strict({ value: Type.String({ minLength: 1, maxLength: 100 }) }),
      response: { 200: Item },
    },
    config: { permission: 'dict:read' },
    handler: async (req) => {
      if (!getDict(req.params.code)) throw new AppError('DICT_NOT_FOUND');
      const item = normalize(req.params.code, req.query.value);
      if (!item) throw new AppError('DICT_VALUE_UNKNOWN');
      return itemView(item);
    },
  });
}
