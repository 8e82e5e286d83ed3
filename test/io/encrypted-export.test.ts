import { describe, expect, it } from 'vitest';
import {
  ENCRYPTED_FORMAT,
  EncryptedExportError,
  PBKDF2_ITERATIONS,
  WRONG_PASSPHRASE,
  decryptExport,
  encryptExport,
  fromBase64,
  readEncryptedExport,
  toBase64,
} from '../../src/io/encrypted-export.ts';
import { buildExportFile, serializeExport } from '../../src/io/export-json.ts';
import { parseExport } from '../../src/io/import-json.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom } from '../helpers/postings.ts';

// Every file here is derived with the real 600,000 PBKDF2 rounds (about 0.3 s each in Node):
// what is tested is what a user's file gets.

const PASSPHRASE = 'correct horse battery staple';
const plain = serializeExport(
  buildExportFile(
    [
      savedFrom(sambaPosting(), '2026-06-03T10:00:00.000Z', { notes: 'Recruiter: Ana. Café at 10 — “bring the portfolio”.' }),
      savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z'),
    ],
    new Date('2026-06-06T12:00:00.000Z'),
    {
      exchangeRates: { base: 'USD', rates: { EUR: 0.92, GBP: 0.79 }, updatedAt: '2026-06-02T09:00:00.000Z' },
      edits: { exchangeRates: '2026-06-02T09:00:00.000Z' },
      alwaysRunOn: ['https://careers.example.org'],
    },
  ),
);

const encrypted = await encryptExport(plain, PASSPHRASE);

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected a refusal');
  return error;
}

/** The file's text with one byte of the ciphertext changed (flipped in the bytes, not the base64). */
function tamperedCiphertext(text: string, at: number): string {
  const file = JSON.parse(text) as { ciphertext: string };
  const bytes = fromBase64(file.ciphertext);
  bytes[at] = bytes[at]! ^ 0x01;
  return JSON.stringify({ ...file, ciphertext: toBase64(bytes) });
}

describe('an encrypted export', () => {
  it('opens with its passphrase to the very export that was encrypted, which imports as any export', async () => {
    const file = readEncryptedExport(encrypted);
    expect(file).not.toBeNull();
    const opened = await decryptExport(file!, PASSPHRASE);
    expect(opened).toBe(plain);
    const parsed = parseExport(opened);
    expect(parsed.postings.map((p) => p.notes)).toContain('Recruiter: Ana. Café at 10 — “bring the portfolio”.');
    expect(parsed.settings?.exchangeRates?.rates).toEqual({ EUR: 0.92, GBP: 0.79 });
  });

  it('says in a clear header how it was locked, and shows none of what it holds', () => {
    const file = JSON.parse(encrypted) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'version', 'encryption', 'ciphertext']);
    expect(file).toMatchObject({
      format: ENCRYPTED_FORMAT,
      version: 1,
      encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS },
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { salt, iv } = file.encryption as { salt: string; iv: string };
    expect(fromBase64(salt)).toHaveLength(16);
    expect(fromBase64(iv)).toHaveLength(12);
    // The ciphertext is the text's bytes plus GCM's 16-byte tag.
    expect(fromBase64(file.ciphertext as string).length).toBe(new TextEncoder().encode(plain).length + 16);
    // Words of six letters or more: a shorter one turns up in random base64 by chance.
    for (const secret of ['Recruiter', 'Spotify', 'careers.example.org', 'joblens/export', 'exchangeRates', 'portfolio']) {
      expect(encrypted).not.toContain(secret);
    }
  });

  it('is salted and uses a fresh IV each time: the same export and passphrase give another file', async () => {
    const again = JSON.parse(await encryptExport(plain, PASSPHRASE)) as { encryption: { salt: string; iv: string }; ciphertext: string };
    const first = JSON.parse(encrypted) as typeof again;
    expect(again.encryption.salt).not.toBe(first.encryption.salt);
    expect(again.encryption.iv).not.toBe(first.encryption.iv);
    expect(again.ciphertext).not.toBe(first.ciphertext);
  });

  it('refuses a wrong passphrase with the message, however close to the right one', async () => {
    const file = readEncryptedExport(encrypted)!;
    for (const wrong of ['correct horse battery stapler', 'Correct horse battery staple', `${PASSPHRASE} `]) {
      const error = await refusal(decryptExport(file, wrong));
      expect(error).toBeInstanceOf(EncryptedExportError);
      expect(error.message).toBe(WRONG_PASSPHRASE);
    }
    expect(WRONG_PASSPHRASE).toBe('Wrong passphrase, or the file was changed: nothing was imported.');
  });

  it('refuses a file with one byte of its ciphertext changed, anywhere, as a wrong passphrase', async () => {
    const length = fromBase64((JSON.parse(encrypted) as { ciphertext: string }).ciphertext).length;
    // The first byte, one in the middle, and the last (inside GCM's tag).
    for (const at of [0, Math.floor(length / 2), length - 1]) {
      const file = readEncryptedExport(tamperedCiphertext(encrypted, at))!;
      expect((await refusal(decryptExport(file, PASSPHRASE))).message).toBe(WRONG_PASSPHRASE);
    }
  });

  it('refuses a file whose header was changed (the header is authenticated with the ciphertext)', async () => {
    const file = readEncryptedExport(encrypted)!;
    const salt = fromBase64(file.encryption.salt);
    salt[0] = salt[0]! ^ 0x80;
    const changedSalt = { ...file, encryption: { ...file.encryption, salt: toBase64(salt) } };
    expect((await refusal(decryptExport(changedSalt, PASSPHRASE))).message).toBe(WRONG_PASSPHRASE);
    const moreRounds = { ...file, encryption: { ...file.encryption, iterations: PBKDF2_ITERATIONS + 1 } };
    expect((await refusal(decryptExport(moreRounds, PASSPHRASE))).message).toBe(WRONG_PASSPHRASE);
  });

  it('opens from a file re-indented by hand, header keys in another order', async () => {
    const file = JSON.parse(encrypted) as { encryption: Record<string, unknown> };
    const reordered = JSON.stringify({ ...file, encryption: Object.fromEntries(Object.entries(file.encryption).reverse()) }, null, 2);
    expect(await decryptExport(readEncryptedExport(reordered)!, PASSPHRASE)).toBe(plain);
  });

  it('takes the passphrase as typed on another machine: an accent composed or not is the same', async () => {
    const locked = readEncryptedExport(await encryptExport('{"x":1}', 'caf\u00e9 au lait'))!;
    expect(await decryptExport(locked, 'cafe\u0301 au lait')).toBe('{"x":1}');
  });

  it('is told apart from an ordinary export, which is not touched', () => {
    expect(readEncryptedExport(plain)).toBeNull();
    expect(readEncryptedExport('not json at all')).toBeNull();
  });

  it('refuses a header it cannot use, and a newer version, with what to do, before asking for the passphrase', () => {
    const file = JSON.parse(encrypted) as { encryption: Record<string, unknown> };
    const cases: [unknown, RegExp][] = [
      [{ ...file, encryption: { ...file.encryption, cipher: 'AES-CBC' } }, /header \(encryption\.cipher\) is not one JobLens writes/],
      [{ ...file, encryption: { ...file.encryption, iterations: 1000 } }, /encryption\.iterations/],
      [{ ...file, encryption: { ...file.encryption, iterations: 1e9 } }, /encryption\.iterations/],
      [{ ...file, version: 2 }, /version 2; this JobLens opens version 1\. Update JobLens/],
      [{ ...file, encryption: { ...file.encryption, iv: toBase64(new Uint8Array(8)) } }, /salt or IV is the wrong size/],
    ];
    for (const [changed, message] of cases) {
      expect(() => readEncryptedExport(JSON.stringify(changed))).toThrow(message);
    }
    expect(() => readEncryptedExport(`{"format":"${ENCRYPTED_FORMAT}","version":1,`)).toThrow(/damaged/);
  });
});

describe('base64', () => {
  it('matches Node\'s own encoding for every length and byte value, and decodes back', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 1);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >> 8)) & 0xff;
    // Every remainder of 3 (no padding, '==', '='), and a large one.
    for (const length of [0, 1, 2, 3, 4, 5, 256, bytes.length]) {
      const part = bytes.subarray(0, length);
      const text = toBase64(part);
      expect(text).toBe(Buffer.from(part).toString('base64'));
      expect(Buffer.from(fromBase64(text)).equals(Buffer.from(part))).toBe(true);
    }
  });
});
