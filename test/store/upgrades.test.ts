import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openJobLensDB } from '../../src/store/db.ts';
import {
  POSTINGS_STORE,
  SAVED_AT_INDEX,
  createPostingsStore,
  runUpgrades,
  upgrades,
  type UpgradeDatabase,
  type UpgradeStep,
  type UpgradeTransaction,
} from '../../src/store/upgrades.ts';
import { musicUnderstandingPosting, savedFrom } from '../helpers/postings.ts';

const open: IDBPDatabase<unknown>[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function freshName(): string {
  return `joblens-test-${crypto.randomUUID()}`;
}

/** Opens `name` at `version`, running only `step` in the upgrade: a step's test in isolation. */
async function openWithStep(name: string, version: number, step: UpgradeStep): Promise<IDBPDatabase<unknown>> {
  const db = await openDB(name, version, {
    upgrade(database, _old, _new, tx) {
      void step(database as UpgradeDatabase, tx as unknown as UpgradeTransaction);
    },
  });
  open.push(db);
  return db;
}

describe('upgrade steps', () => {
  it('has one step per version', () => {
    expect(upgrades).toHaveLength(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(1);
  });

  describe('upgrades[0]: v0 -> v1, createPostingsStore', () => {
    it('creates the postings store keyed by id, with a savedAt index', async () => {
      // v0 is "no database": nothing to seed.
      const db = await openWithStep(freshName(), 1, createPostingsStore);
      expect([...db.objectStoreNames]).toEqual([POSTINGS_STORE]);
      const store = db.transaction(POSTINGS_STORE).objectStore(POSTINGS_STORE);
      expect(store.keyPath).toBe('id');
      expect([...store.indexNames]).toEqual([SAVED_AT_INDEX]);
      expect(store.index(SAVED_AT_INDEX).keyPath).toBe('savedAt');
      expect(store.index(SAVED_AT_INDEX).unique).toBe(false);
    });

    it('stores a saved posting under its id and orders the index by savedAt', async () => {
      const db = await openWithStep(freshName(), 1, createPostingsStore);
      const older = savedFrom(musicUnderstandingPosting({ id: 'lever:a' }), '2026-06-01T10:00:00.000Z');
      const newer = savedFrom(musicUnderstandingPosting({ id: 'lever:b' }), '2026-06-02T10:00:00.000Z');
      await db.put(POSTINGS_STORE, newer);
      await db.put(POSTINGS_STORE, older);
      expect(await db.get(POSTINGS_STORE, 'lever:a')).toEqual(older);
      const byDate = (await db.getAllFromIndex(POSTINGS_STORE, SAVED_AT_INDEX)) as { id: string }[];
      expect(byDate.map((r) => r.id)).toEqual(['lever:a', 'lever:b']);
    });
  });
});

describe('runUpgrades', () => {
  it('runs the steps from the old version to the new one, in order', async () => {
    const ran: number[] = [];
    const steps: UpgradeStep[] = [() => void ran.push(0), () => void ran.push(1), () => void ran.push(2)];
    const db = await openDB(freshName(), 3, {
      upgrade(database, oldVersion, newVersion, tx) {
        void runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 3, steps);
      },
    });
    open.push(db);
    expect(ran).toEqual([0, 1, 2]);
  });

  it('aborts the upgrade when a step fails, leaving the old version and its data', async () => {
    const name = freshName();
    const v1 = await openJobLensDB(name);
    const record = savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z');
    await v1.put(POSTINGS_STORE, record);
    v1.close();

    const failing: UpgradeStep[] = [
      ...upgrades,
      (db) => {
        db.deleteObjectStore(POSTINGS_STORE);
        throw new Error('step failed');
      },
    ];
    let failure: unknown;
    await expect(
      openDB(name, failing.length, {
        upgrade(database, oldVersion, newVersion, tx) {
          runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 0, failing).catch(
            (error: unknown) => {
              failure = error;
            },
          );
        },
      }),
    ).rejects.toThrow();
    expect(String(failure)).toContain('step failed');

    const again = await openJobLensDB(name);
    open.push(again as unknown as IDBPDatabase<unknown>);
    expect(again.version).toBe(DB_VERSION);
    expect(await again.get(POSTINGS_STORE, record.id)).toEqual(record);
  });

  it('refuses a version it has no step for', async () => {
    let failure: unknown;
    await expect(
      openDB(freshName(), upgrades.length + 1, {
        upgrade(database, oldVersion, newVersion, tx) {
          runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 0).catch(
            (error: unknown) => {
              failure = error;
            },
          );
        },
      }),
    ).rejects.toThrow();
    expect(String(failure)).toMatch(/No database upgrade step/);
  });
});

describe('openJobLensDB', () => {
  it('creates the current schema and keeps saved data across reopening', async () => {
    const name = freshName();
    const first = await openJobLensDB(name);
    expect(first.version).toBe(DB_VERSION);
    const record = savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z');
    await first.put(POSTINGS_STORE, record);
    first.close();

    const second = await openJobLensDB(name);
    open.push(second as unknown as IDBPDatabase<unknown>);
    expect(await second.get(POSTINGS_STORE, record.id)).toEqual(record);
  });
});
