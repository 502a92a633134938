import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

describe('hashPassword', () => {
  it('stores scrypt parameters and a salt, never the password', async () => {
    const hash = await hashPassword('正しいパスワード');
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('正しい');
    expect(await hashPassword('正しいパスワード')).not.toBe(hash);
  });

  it('verifies the right password and rejects a wrong or malformed one', async () => {
    const hash = await hashPassword('s3cret-pass');
    expect(await verifyPassword('s3cret-pass', hash)).toBe(true);
    expect(await verifyPassword('s3cret-pasS', hash)).toBe(false);
    expect(await verifyPassword('s3cret-pass', 'plain')).toBe(false);
    expect(await verifyPassword('s3cret-pass', 'scrypt$15$8$1$c2FsdA==$')).toBe(false);
  });
});

describe('generatePassword', () => {
  it('makes 20 unambiguous characters, different every time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
