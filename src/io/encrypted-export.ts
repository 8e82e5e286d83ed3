import { z } from 'zod/mini';

/**
 * An export locked with a passphrase: a small JSON document whose clear header says how it
 * was locked (so another machine, another build, knows how to open it) and whose
 * `ciphertext` is the ordinary export's text (export-json.ts), encrypted.
 *
 *     {"format":"joblens/encrypted-export","version":1,
 *      "encryption":{"cipher":"AES-GCM","kdf":"PBKDF2-SHA-256","iterations":600000,
 *                    "salt":"<16 bytes, base64>","iv":"<12 bytes, base64>"},
 *      "ciphertext":"<base64>"}
 *
 * The key is derived from the passphrase with PBKDF2-HMAC-SHA-256 and a random salt; AES-GCM
 * with a 256-bit key and a random 96-bit IV encrypts, and its 128-bit tag (the last 16 bytes
 * of the ciphertext) authenticates. The header is the cipher's additional data, so a changed
 * byte anywhere (header or ciphertext) fails to open just as a wrong passphrase does: GCM
 * cannot tell the two apart, and the message says so. WebCrypto only (crypto.subtle, in every
 * browser and in Node), no dependency.
 */

export const ENCRYPTED_FORMAT = 'joblens/encrypted-export' as const;
export const ENCRYPTED_VERSION = 1 as const;

/**
 * PBKDF2 rounds written: OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). About 0.2–0.4 s in
 * Chromium on a laptop, once per export and once per import.
 */
export const PBKDF2_ITERATIONS = 600_000;
/**
 * Rounds a file may ask for when read. Never fewer than JobLens writes; and at most ten
 * times as many, so a file cannot hold the popup for minutes.
 */
export const MIN_ITERATIONS = PBKDF2_ITERATIONS;
export const MAX_ITERATIONS = 10 * PBKDF2_ITERATIONS;

/** Shorter than this, the export form warns (it does not refuse). */
export const SHORT_PASSPHRASE = 12;

export const WRONG_PASSPHRASE = 'Wrong passphrase, or the file was changed: nothing was imported.';
export const NO_PASSPHRASE = 'Type the passphrase the file was exported with.';

const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const Base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

export const Encryption = z.strictObject({
  cipher: z.literal('AES-GCM'),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.int().check(z.minimum(MIN_ITERATIONS), z.maximum(MAX_ITERATIONS)),
  salt: Base64,
  iv: Base64,
});
export type Encryption = z.infer<typeof Encryption>;

export const EncryptedExport = z.strictObject({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(ENCRYPTED_VERSION),
  encryption: Encryption,
  ciphertext: Base64,
});
export type EncryptedExport = z.infer<typeof EncryptedExport>;

/** An encrypted export that cannot be opened for a reason other than the passphrase. */
export class EncryptedExportError extends Error {
  override name = 'EncryptedExportError';
}

const BASE64_DIGITS = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 61; // '='

/**
 * Bytes to base64, by table into a byte buffer read as ASCII: btoa needs a string of the
 * bytes first, and building that for a 34 MB export took 7 s in Node (String.fromCharCode
 * over pieces); this takes a fraction of a second.
 */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = BASE64_DIGITS[n >> 18]!;
    out[o++] = BASE64_DIGITS[(n >> 12) & 63]!;
    out[o++] = BASE64_DIGITS[(n >> 6) & 63]!;
    out[o++] = BASE64_DIGITS[n & 63]!;
  }
  const left = bytes.length - i;
  if (left > 0) {
    const n = (bytes[i]! << 16) | (left === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = BASE64_DIGITS[n >> 18]!;
    out[o++] = BASE64_DIGITS[(n >> 12) & 63]!;
    out[o++] = left === 2 ? BASE64_DIGITS[(n >> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return new TextDecoder('latin1').decode(out);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The bytes the cipher authenticates besides the ciphertext: the header, written out in a
 * fixed order from its parsed values, so a file re-indented by hand still opens and one
 * whose iterations, salt or IV were changed does not.
 */
function additionalData(encryption: Encryption): Uint8Array<ArrayBuffer> {
  const { cipher, kdf, iterations, salt, iv } = encryption;
  return new TextEncoder().encode(
    JSON.stringify({ format: ENCRYPTED_FORMAT, version: ENCRYPTED_VERSION, encryption: { cipher, kdf, iterations, salt, iv } }),
  );
}

/**
 * The same passphrase typed on two machines gives the same key: NFC, so an accented letter
 * typed as one character or as a letter and an accent is the same. Spaces are kept: they may
 * be part of it.
 */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

export interface EncryptOptions {
  /** Fewer only in tests, which would otherwise spend half a second per file. */
  iterations?: number;
}

/** The export's text locked with `passphrase`, as the encrypted file's text. */
export async function encryptExport(plaintext: string, passphrase: string, options: EncryptOptions = {}): Promise<string> {
  if (passphrase === '') throw new EncryptedExportError('Type a passphrase to encrypt the export with.');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const encryption: Encryption = {
    cipher: 'AES-GCM',
    kdf: 'PBKDF2-SHA-256',
    iterations: options.iterations ?? PBKDF2_ITERATIONS,
    salt: toBase64(salt),
    iv: toBase64(iv),
  };
  const key = await deriveKey(passphrase, salt, encryption.iterations, 'encrypt');
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(encryption), tagLength: TAG_BYTES * 8 },
    key,
    new TextEncoder().encode(plaintext),
  );
  const file: EncryptedExport = { format: ENCRYPTED_FORMAT, version: ENCRYPTED_VERSION, encryption, ciphertext: toBase64(new Uint8Array(sealed)) };
  return `${JSON.stringify(file)}\n`;
}

/**
 * The encrypted export in `text`, or null when the text is not one (an ordinary export, or
 * not JSON: the ordinary import says what is wrong with it). Throws EncryptedExportError
 * when it says it is one but its header cannot be used.
 */
export function readEncryptedExport(text: string): EncryptedExport | null {
  // An ordinary export of 30 MB is not parsed here a first time: the format is near the start.
  if (!text.slice(0, 200).includes(ENCRYPTED_FORMAT)) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new EncryptedExportError('This encrypted JobLens export is damaged (it is not valid JSON): nothing was imported.');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== ENCRYPTED_FORMAT) return null;
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > ENCRYPTED_VERSION) {
    throw new EncryptedExportError(
      `This encrypted export is version ${version}; this JobLens opens version ${ENCRYPTED_VERSION}. Update JobLens to import it.`,
    );
  }
  const parsed = EncryptedExport.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new EncryptedExportError(
      `This encrypted JobLens export cannot be opened: its header${where ? ` (${where})` : ''} is not one JobLens writes. Nothing was imported.`,
    );
  }
  const { salt, iv } = parsed.data.encryption;
  if (fromBase64(salt).length < SALT_BYTES || fromBase64(iv).length !== IV_BYTES) {
    throw new EncryptedExportError('This encrypted JobLens export cannot be opened: its salt or IV is the wrong size. Nothing was imported.');
  }
  return parsed.data;
}

/**
 * The export's text inside an encrypted export. Throws EncryptedExportError(WRONG_PASSPHRASE)
 * when the passphrase is wrong or any byte of the file was changed.
 */
export async function decryptExport(file: EncryptedExport, passphrase: string): Promise<string> {
  if (passphrase === '') throw new EncryptedExportError(NO_PASSPHRASE);
  const { encryption } = file;
  const sealed = fromBase64(file.ciphertext);
  if (sealed.length < TAG_BYTES) throw new EncryptedExportError(WRONG_PASSPHRASE);
  const key = await deriveKey(passphrase, fromBase64(encryption.salt), encryption.iterations, 'decrypt');
  let opened: ArrayBuffer;
  try {
    opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(encryption.iv), additionalData: additionalData(encryption), tagLength: TAG_BYTES * 8 },
      key,
      sealed,
    );
  } catch {
    // OperationError: the tag does not match. A wrong key and a changed byte look the same.
    throw new EncryptedExportError(WRONG_PASSPHRASE);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(opened);
  } catch {
    throw new EncryptedExportError('This encrypted export opened, but what it holds is not text: nothing was imported.');
  }
}
