/** `Org` of docs/api-v1.md; `type` is a code of dictionary `org_type`. */
export interface Org {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  type: string;
  isUnit: boolean;
  parentId: string | null;
  status: 'active' | 'closed';
  sortOrder: number;
  children?: Org[];
}
