import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from './common.ts';

/** Organisation types; not a national standard (see the org_type dictionary). */
export const orgTypes = ['city_bureau', 'branch', 'station', 'brigade', 'department', 'team', 'other'] as const;
export const OrgType = Type.Union(orgTypes.map((t) => Type.Literal(t)));

export const OrgView = Type.Object({
  id: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  isUnit: Type.Boolean(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('closed')]),
  sortOrder: Type.Integer(),
});
export type OrgView = Static<typeof OrgView>;
export type OrgNode = OrgView & { children: OrgNode[] };
export const OrgNodeSchema = Type.Recursive((This) => Type.Composite([OrgView, Type.Object({ children: Type.Array(This) })]), {
  $id: 'OrgNode',
});

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const ShortName = Type.String({ minLength: 1, maxLength: 50 });
// GA 380 organ codes are 12 digits; other local codes are allowed but kept short and plain.
const Code = Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z_-]+$' });

export const CreateOrgBody = Strict({
  name: Name,
  shortName: Type.Optional(ShortName),
  code: Type.Optional(Code),
  type: OrgType,
  isUnit: Type.Boolean(),
  parentId: Id,
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type CreateOrgBody = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = Strict({
  name: Type.Optional(Name),
  shortName: Type.Optional(Type.Union([ShortName, Type.Null()])),
  code: Type.Optional(Type.Union([Code, Type.Null()])),
  type: Type.Optional(OrgType),
  isUnit: Type.Optional(Type.Boolean()),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type UpdateOrgBody = Static<typeof UpdateOrgBody>;

export const MoveOrgBody = Strict({ parentId: Id });
export const TreeQuery = Strict({ includeClosed: Type.Optional(Type.Boolean()) });
