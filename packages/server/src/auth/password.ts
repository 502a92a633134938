import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is memory-hard: N=2^15, r=8 costs 32 MiB per hash, which keeps offline guessing expensive while a
// sign-in still takes well under a second on a two-core office server. Parameters are stored in the hash, so
// they can be raised later without invalidating existing passwords.
const COST_LOG2 = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 64;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function options(costLog2: number, blockSize: number, parallelism: number): ScryptOptions {
  const N = 2 ** costLog2;
  return { N, r: blockSize, p: parallelism, maxmem: 256 * N * blockSize };
}

function format(salt: Buffer, key: Buffer): string {
  return ['scrypt', COST_LOG2, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

interface Stored {
  salt: Buffer;
  expected: Buffer;
  options: ScryptOptions;
}

function parse(stored: string): Stored | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, costLog2, blockSize, parallelism, salt, key] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(key, 'base64');
  if (expected.length === 0) return null;
  return {
    salt: Buffer.from(salt, 'base64'),
    expected,
    options: options(Number(costLog2), Number(blockSize), Number(parallelism)),
  };
}

/** Hash a password as `scrypt$logN$r$p$salt$key` (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(
    salt,
    await scryptAsync(password, salt, KEY_LENGTH, options(COST_LOG2, BLOCK_SIZE, PARALLELISM)),
  );
}

/** Check a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === null) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.expected.length, parsed.options);
  return timingSafeEqual(actual, parsed.expected);
}

/** hashPassword on the calling thread (for the hashing worker thread, which has nothing else to do). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(
    salt,
    scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, options(COST_LOG2, BLOCK_SIZE, PARALLELISM)),
  );
}

/** verifyPassword on the calling thread (for the hashing worker thread). */
export function verifyPasswordSync(password: string, stored: string): boolean {
  const parsed = parse(stored);
  if (parsed === null) return false;
  const actual = scryptSync(password.normalize('NFC'), parsed.salt, parsed.expected.length, parsed.options);
  return timingSafeEqual(actual, parsed.expected);
}

/** A random password for a new account, printed once: 20 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
