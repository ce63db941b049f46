import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Versions of the field-encryption key (ADR 019). Version 1 is DATA_DIR/secret.key as it always
 * was; later versions, made by `rotate-keys`, sit in DATA_DIR/field-keys.json (mode 0600) with
 * the current version and, while a rotation runs, the version it is moving to. Old versions stay
 * so that a backup taken before a rotation can still be read; delete them only with such backups.
 */
export interface Keyring {
  readonly secrets: ReadonlyMap<number, Buffer>;
  readonly current: number;
  readonly rotatingTo: number | null;
}

interface KeyringJson {
  format: 'zhenggong-field-keys';
  current: number;
  rotatingTo: number | null;
  keys: Record<string, string>;
}

export const keyringFile = (secretKeyFile: string): string => path.join(path.dirname(secretKeyFile), 'field-keys.json');

const isVersion = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

function readJson(file: string): KeyringJson | null {
  if (!fs.existsSync(file)) return null;
  const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (
    json === null ||
    typeof json !== 'object' ||
    !('current' in json) ||
    !isVersion(json.current) ||
    !('rotatingTo' in json) ||
    !(json.rotatingTo === null || isVersion(json.rotatingTo)) ||
    !('keys' in json) ||
    json.keys === null ||
    typeof json.keys !== 'object'
  ) {
    throw new Error(`${file} is not a valid field keyring`);
  }
  const keys: Record<string, string> = {};
  for (const [k, v] of Object.entries(json.keys)) {
    if (!/^[1-9]\d{0,5}$/.test(k) || typeof v !== 'string' || !/^[0-9a-f]{64,}$/.test(v))
      throw new Error(`${file} has an invalid key ${k}`);
    keys[k] = v;
  }
  return { format: 'zhenggong-field-keys', current: json.current, rotatingTo: json.rotatingTo, keys };
}

export function readKeyring(secretKeyFile: string): Keyring {
  const secrets = new Map<number, Buffer>([[1, Buffer.from(fs.readFileSync(secretKeyFile, 'utf8').trim(), 'hex')]]);
  const json = readJson(keyringFile(secretKeyFile));
  if (!json) return { secrets, current: 1, rotatingTo: null };
  for (const [k, v] of Object.entries(json.keys)) secrets.set(Number(k), Buffer.from(v, 'hex'));
  for (const v of [json.current, json.rotatingTo]) {
    if (v !== null && !secrets.has(v)) throw new Error(`${keyringFile(secretKeyFile)} names key version ${v}, which it does not hold`);
  }
  return { secrets, current: json.current, rotatingTo: json.rotatingTo };
}

/** Write-then-rename, so a crash leaves the old keyring or the new one, never half of one. */
function writeJson(file: string, json: KeyringJson): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Starts a rotation to a new version, or returns the one already under way (resume). */
export function beginRotation(secretKeyFile: string): Keyring {
  const file = keyringFile(secretKeyFile);
  const json = readJson(file) ?? { format: 'zhenggong-field-keys', current: 1, rotatingTo: null, keys: {} };
  if (json.rotatingTo === null) {
    const versions = [1, ...Object.keys(json.keys).map(Number)];
    const next = Math.max(...versions) + 1;
    json.keys[String(next)] = crypto.randomBytes(32).toString('hex');
    json.rotatingTo = next;
    writeJson(file, json);
  }
  return readKeyring(secretKeyFile);
}

export function finishRotation(secretKeyFile: string): void {
  const file = keyringFile(secretKeyFile);
  const json = readJson(file);
  if (!json || json.rotatingTo === null) return;
  writeJson(file, { ...json, current: json.rotatingTo, rotatingTo: null });
}
