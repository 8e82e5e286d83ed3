import { describe, expect, it } from 'vitest';
import { Posting } from '../src/model/index.ts';
describe('model', () => { it('rejects an empty object', () => { expect(Posting.safeParse({}).success).toBe(false); }); });
