/** Narrows a runtime string (e.g. a code from the server) to a key of a known table. */
export function hasKey<T extends object>(table: T, key: PropertyKey): key is keyof T {
  // Not Object.hasOwn: it is missing from the Chromium 86/87 cores of some domestic browsers.
  return Object.prototype.hasOwnProperty.call(table, key);
}
