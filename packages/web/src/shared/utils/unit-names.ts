/**
 * Bar labels for sibling units: "示例市公安局上城分局东街派出所" under 上城分局 reads "东街派出所".
 * Drops the parent's name, or else the prefix all siblings share; a name is never emptied.
 */
export function shortUnitNames(names: readonly string[], parentName?: string): string[] {
  let prefix = '';
  if (parentName && names.every((name) => name.startsWith(parentName))) prefix = parentName;
  else if (names.length > 1) {
    const first = names[0] ?? '';
    let length = 0;
    while (length < first.length && names.every((name) => name[length] === first[length])) length += 1;
    prefix = first.slice(0, length);
  }
  return names.map((name) => (prefix && name.length > prefix.length ? name.slice(prefix.length) : name));
}
