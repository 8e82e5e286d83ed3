import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import {
  groupRequirements,
  normaliseRequirement,
  stem,
  tokenSimilarity,
  type RequirementSource,
} from '../../src/compare/requirements.ts';
import { readPage } from '../../src/sites/registry.ts';
import { fixture, fixtureJson, parsePage } from '../sites/page.ts';

// The four Spotify seed postings, read from their Lever fixture pages by the real pipeline.
const SEEDS = {
  audio: 'spotify-ml-engineer-audio-discovery',
  samba: 'spotify-ml-engineer-samba',
  music: 'spotify-senior-ml-engineer-music-understanding',
  personalization: 'spotify-senior-ml-engineer-personalization',
} as const;
type Seed = keyof typeof SEEDS;

async function seedSources(): Promise<Record<Seed, RequirementSource>> {
  const out = {} as Record<Seed, RequirementSource>;
  for (const [key, name] of Object.entries(SEEDS) as [Seed, string][]) {
    const { url } = fixtureJson<{ url: string }>(`${name}.expected.json`);
    const { doc, close } = parsePage(fixture(`${name}.html`), url);
    const posting = annotate(readPage(doc, new URL(url))!);
    await close();
    out[key] = { postingId: key, ...posting.requirements };
  }
  return out;
}

describe('normaliseRequirement', () => {
  // What the stems look like is the stemmer's business; what matters is which phrasings meet.
  // The expectations are the content words a reader picks out, written by hand, not stems.
  it('lowercases, strips bullets, punctuation and filler: a requirement reduces to its content words', () => {
    const tokens = normaliseRequirement('- You are experienced with large-scale distributed data processing tools such as Apache Beam or Apache Spark');
    // large, scale, distributed, data, processing, tools, Apache (once), Beam, Spark
    expect(tokens).toHaveLength(9);
    expect(tokens).toEqual(normaliseRequirement('large scale distributed data processing tools apache beam spark'));
    expect(normaliseRequirement('• Familiarity with Apache Spark!')).toEqual(normaliseRequirement('apache spark'));
    expect(normaliseRequirement('apache spark')).toHaveLength(2);
  });

  it('makes the same words in other forms meet', () => {
    expect(normaliseRequirement('processing pipelines')).toEqual(normaliseRequirement('Processes, pipeline'));
    expect(stem('scalable')).toBe(stem('scale'));
    expect(stem('experienced')).toBe(stem('experience'));
  });

  it('keeps language names that punctuation would erase, and drops bare numbers', () => {
    expect(normaliseRequirement('5+ years of C++ and C#, .NET')).toEqual(['cpp', 'csharp', 'dotnet']);
  });

  it('gives nothing for filler alone', () => {
    expect(normaliseRequirement('You have strong experience')).toEqual([]);
    expect(tokenSimilarity([], ['x'])).toBe(0);
  });
});

describe('groupRequirements on the Spotify seed postings', () => {
  it('lines up "Apache Beam or Apache Spark" across the three postings that ask for it', async () => {
    const s = await seedSources();
    const groups = groupRequirements([s.audio, s.samba, s.music, s.personalization]);
    const beam = groups.filter((g) => Object.values(g.entries).some((e) => /Beam/.test(e.text)));
    expect(beam).toHaveLength(1);
    expect(Object.keys(beam[0]!.entries).sort()).toEqual(['audio', 'music', 'personalization']);
    expect(beam[0]!.count).toBe(3);
    // Shared by the most postings, so it is among the first rows.
    expect(groups.findIndex((g) => g === beam[0])).toBeLessThan(groups.filter((g) => g.count === 3).length);
  });

  it('pairs the same skill worded differently, and leaves what only one posting asks alone', async () => {
    const s = await seedSources();
    const groups = groupRequirements([s.audio, s.music]);
    const partner = (text: RegExp) => {
      const group = groups.find((g) => g.entries.audio && text.test(g.entries.audio.text));
      return group?.entries.music?.text ?? null;
    };
    expect(partner(/natural language processing and generative AI/)).toBe(
      'You have a strong background in machine learning, natural language processing, and generative AI',
    );
    expect(partner(/LLM outputs/)).toMatch(/^You are familiar with LLM-based systems/);
    // Preferred in one posting, required in the other: still one row, and marked.
    const llm = groups.find((g) => g.entries.audio && /LLM outputs/.test(g.entries.audio.text))!;
    expect(llm.entries.audio!.preferred).toBe(true);
    expect(llm.entries.music!.preferred).toBe(false);

    const onlyMusic = groups.filter((g) => g.count === 1 && g.entries.music).map((g) => g.entries.music!.text);
    expect(onlyMusic).toContain('You have worked with cloud platforms like GCP or AWS');
    expect(onlyMusic.some((t) => t.startsWith('You are comfortable applying theory'))).toBe(true);
  });

  it('keeps every requirement exactly once, and never two of one posting in a row', async () => {
    const s = await seedSources();
    const sources = [s.audio, s.samba, s.music, s.personalization];
    const groups = groupRequirements(sources);
    const seen = groups.flatMap((g) => Object.entries(g.entries).map(([id, e]) => `${id}|${e.text}`));
    const all = sources.flatMap((src) => [...src.required, ...src.preferred].map((t) => `${src.postingId}|${t}`));
    expect(seen.sort()).toEqual(all.sort());
    for (const g of groups) expect(g.count).toBe(Object.keys(g.entries).length);
    // Samba's "5+ years … backend engineering" is its own.
    const samba = groups.find((g) => g.entries.samba?.text.startsWith('You have 5+ years'))!;
    expect(samba.count).toBe(1);
    // Sorted: shared rows first.
    const counts = groups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('groups nothing between unrelated requirements', () => {
    const groups = groupRequirements([
      { postingId: 'a', required: ['Fluent Spanish'], preferred: [] },
      { postingId: 'b', required: ['Kubernetes in production'], preferred: [] },
    ]);
    expect(groups.map((g) => g.count)).toEqual([1, 1]);
  });
});
