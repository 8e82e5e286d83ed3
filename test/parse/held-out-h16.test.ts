import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate, annotateText, annotateTextPostings } from '../../src/annotate.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { readPage } from '../../src/sites/registry.ts';
import { parsePage } from '../sites/page.ts';

/*
 * What held-out batch h16 (test/corpus/real/*\/h16-*) showed the reader getting wrong when it was
 * measured: the list APIs of the Bundesagentur für Arbeit, Dealls and hh.ru, which no reader knew.
 * Each rule is the board's documented shape, with the capture that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
afterAll(() => window.happyDOM.close());

function readFeed(path: string) {
  const json: unknown = JSON.parse(capture(path));
  const reader = payloadReaderFor(json);
  expect(reader, path).not.toBeNull();
  const doc = window.document as unknown as Document;
  return reader!.items(json).map((item) => annotate(reader!.readItem(item, { doc, single: false })));
}

describe('list APIs of boards no reader knew', () => {
  it("the Bundesagentur für Arbeit's job search (HAL `_embedded.jobs`): each offer's own title, employer and place, no pay invented", () => {
    const read = readFeed('aggregator/h16-arbeitsagentur-jobsuche-ten-internships-werkstudent.json');
    expect(read).toHaveLength(10);
    expect(read[0]).toMatchObject({ title: 'Praktikant Digitales Lernen m/w/d', company: 'Handwerkskammer Koblenz' });
    expect(read[0]!.location).toContain('Koblenz am Rhein');
    expect(read.every((p) => p.salaries.length === 0)).toBe(true);
  });

  it("Dealls (`data.docs`): the role, the company, 'onSite' as on site; a salary with neither currency nor period is not turned into pay", () => {
    const read = readFeed('aggregator/h16-dealls-ku-creatives-three-video-editor-shifts.json');
    expect(read.map((p) => p.title)).toEqual(['Video Editor (Day Shift)', 'Video Editor (Middle Shift)', 'Video Editor - Night Shift']);
    expect(read.map((p) => p.remote.policy)).toEqual(['onsite', 'onsite', 'onsite']);
    expect(read[0]!.company).toBe('Ku Creatives Unlimited');
  });

  it("hh.ru: 'from 100 000 RUR' is roubles a month (the API's convention), and schedule 'fullDay' is worked on site", () => {
    const read = readFeed('aggregator/h16-hh-ru-api-two-junior-python-moscow.json');
    expect(read[0]!.salaries.map((s) => [s.min, s.max, s.currency, s.period])).toEqual([[100000, 100000, 'RUB', 'month']]);
    expect(read.map((p) => p.remote.policy)).toEqual(['onsite', 'onsite']);
    expect(read[0]!.remote.evidence).toMatch(/fullDay/);
  });
});

describe('requirements', () => {
  it("Vietnamese: '- Yêu cầu đối với ứng viên:' as a list's last item heads the lines after it, one item a line, 'Ưu tiên …' preferred, '- Quyền lợi được hưởng' (benefits) ends them (text/h16-agriseco-*)", () => {
    const read = annotateText(capture('text/h16-agriseco-chuyen-vien-phat-trien-phan-mem-hanoi-vi.md')).requirements;
    expect(read.required).toHaveLength(7);
    expect(read.required[2]).toMatch(/^Có kiến thức về cơ sở dữ liệu; thành thạo SQL;/);
    expect(read.preferred).toHaveLength(2);
    expect(read.preferred.every((p) => p.startsWith('Ưu tiên'))).toBe(true);
  });

  it("'TUYỂN DỤNG' (recruiting) before a Vietnamese title is the advert's word, not the title's (text/h16-agriseco-*)", () => {
    expect(annotateText(capture('text/h16-agriseco-chuyen-vien-phat-trien-phan-mem-hanoi-vi.md')).title.toLowerCase()).toBe('chuyên viên phát triển phần mềm');
  });

  it("'We’ll be especially thrilled if you' heads a plus list; 'What You Will Need' heads what is asked (text/h16-jetbrains-*, text/h16-e-inc-*)", () => {
    const jetbrains = annotateText(capture('text/h16-jetbrains-ml-research-engineer.md')).requirements;
    expect([jetbrains.required.length, jetbrains.preferred.length]).toEqual([6, 3]);
    const eInc = annotateText(capture('text/h16-e-inc-eblock-staff-developer.md')).requirements;
    expect(eInc.required.slice(0, 2)).toEqual(["Bachelor's degree in Computer Science or related field, or equivalent practical experience", '7+ years of professional software development experience']);
  });
});

describe('the workplace a JSON-LD page states outside its JobPosting', () => {
  const page = (path: string, url: string) => {
    const { doc } = parsePage(capture(path), url);
    return annotate(readPage(doc, new URL(url))!);
  };

  it("'1 jour de télétravail par semaine' among Welcome to the Jungle's facts is hybrid (jsonld/h16-wttj-*)", () => {
    const read = page('jsonld/h16-wttj-yuri-neil-stage-builder-ia-agentique.html', 'https://www.welcometothejungle.com/fr/companies/yuri-neil/jobs/stage-builder-ia-agentique');
    expect(read.remote.policy).toBe('hybrid');
    expect(read.remote.evidence).toMatch(/télétravail/);
  });

  it("'Ton profil', which the page shows and its JSON-LD leaves out, is read; 'Tu as idéalement …' is a plus (jsonld/h16-wttj-*)", () => {
    const read = page('jsonld/h16-wttj-yuri-neil-stage-builder-ia-agentique.html', 'https://www.welcometothejungle.com/fr/companies/yuri-neil/jobs/stage-builder-ia-agentique');
    expect([read.requirements.required.length, read.requirements.preferred.length]).toEqual([5, 1]);
    expect(read.requirements.preferred[0]).toMatch(/^Tu as idéalement/);
  });

  it("a Finnish state job's 'Etätyö' fact beside its JSON-LD says some remote work (jsonld/h3-valtiolle-*)", () => {
    const read = page('jsonld/h3-valtiolle-palkeet-paakirjanpitaja.html', 'https://www.valtiolle.fi/fi-FI/ilmoitus/palkeet-paakirjanpitaja');
    expect(read.remote.policy).toBe('hybrid');
  });

  it("leaves a board's menu alone ('Browse remote jobs', 'Hybrid jobs in Paris'): a line about other jobs is not this one's workplace", () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Comptable', description: '<p>Tenue de la comptabilité générale.</p>', hiringOrganization: { name: 'Acme' } });
    const html = `<html><body><nav><ul><li><a href="/r">Browse remote jobs today</a></li><li><a href="/h">Hybrid jobs in Paris</a></li></ul></nav><script type="application/ld+json">${ld}</script><h1>Comptable</h1></body></html>`;
    const { doc } = parsePage(html, 'https://jobs.example.org/offre/1');
    expect(annotate(readPage(doc, new URL('https://jobs.example.org/offre/1'))!).remote.policy).toBe('unspecified');
  });
});

describe('where the work is, in other languages', () => {
  const policy = (text: string) => parseRemote({ text, location: null, structured: [] }).policy;

  it("'Stage conventionné basé à Montpellier' is on site; 'Poste basé à Paris, 2 jours de télétravail par semaine' hybrid (jsonld/h16-hellowork-*)", () => {
    expect(policy('- Stage conventionné basé à Montpellier')).toBe('onsite');
    expect(policy('Poste basé à Paris, 2 jours de télétravail par semaine')).toBe('hybrid');
    expect(policy('Vaga baseada em São Paulo')).toBe('onsite');
  });

  it("a place-of-work label in Vietnamese, Portuguese and Indonesian names where the work is", () => {
    expect(policy('Địa điểm làm việc: Hà Nội')).toBe('onsite');
    expect(policy('Local de trabalho: Lisboa')).toBe('onsite');
    expect(policy('Lokasi kerja: Jakarta Selatan')).toBe('onsite');
  });

  it("a place-of-work field glued after another on one line ('Số lượng …: 02 người - Địa điểm làm việc: …') still says where (text/h16-agriseco-*)", () => {
    const read = annotateText(capture('text/h16-agriseco-chuyen-vien-phat-trien-phan-mem-hanoi-vi.md')).remote;
    expect(read.policy).toBe('onsite');
    expect(read.evidence).toContain('Địa điểm làm việc: Công ty Cổ phần Chứng khoán Agribank');
    expect(policy('Vollzeit | Arbeitsort: Köln')).toBe('onsite');
    // The glued field must name the place of work: a count of hires is not a workplace.
    expect(policy('Số lượng cần tuyển dụng: 02 người - Hạn nộp hồ sơ: 30/11')).toBe('unspecified');
  });
});

describe('where the work is, when nothing says remote', () => {
  it("JSON-LD jobLocation.streetAddress ('Blvd. Luis Donaldo Colosio No. 703') is an office the work is done at (career-pages/h14-sea-coahuila-*)", () => {
    const read = annotateTextPostings(capture('career-pages/h14-sea-coahuila-vacantes-informatica.txt'));
    expect(read).toHaveLength(2);
    for (const posting of read) {
      expect(posting.remote.policy).toBe('onsite');
      expect(posting.remote.evidence).toMatch(/^address: Blvd\. Luis Donaldo Colosio No\. 703/);
      // The address is the remote reader's evidence, not the location the panel shows.
      expect(posting.location).toBe('Saltillo, Coahuila de Zaragoza, MX');
    }
  });

  it('a street address yields to any word about remote work, and a city alone says nothing', () => {
    const address = 'Blvd. Luis Donaldo Colosio No. 703';
    expect(parseRemote({ text: 'You can work from anywhere: this role is fully remote.', location: null, address, structured: [] }).policy).toBe('remote');
    expect(parseRemote({ text: 'We build software.', location: null, address: 'Saltillo', structured: [] }).policy).toBe('unspecified');
  });

  it("a title naming an archives ('OFFICE ASSISTANT - R. C. Diocese of Brooklyn Archives') is work done where the records are (text/h16-diocese-*)", () => {
    const read = annotateText(capture('text/h16-diocese-of-brooklyn-archives-office-assistant.md')).remote;
    expect(read.policy).toBe('onsite');
    expect(read.evidence).toMatch(/work done in person/);
  });
});

