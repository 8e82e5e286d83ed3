import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { parseRemote } from '../../src/parse/remote.ts';

/*
 * Ways real postings state the workplace without the words "remote", "hybrid" or "on-site" in
 * the forms the other rules know. Each names the capture (test/corpus/real) that showed it.
 */

const policyOf = (text: string) => parseRemote({ structured: [], location: null, text }).policy;
const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');

describe('time split between home and the office is hybrid', () => {
  it.each([
    'Soms werken zij thuis, en soms op kantoor.',
    'You will split your week between home and our Leeds office.',
    'Work from home and sometimes in the office, as the team agrees.',
    'Sie haben die Möglichkeit zum mobilen Arbeiten.',
    'Tarjoamme joustavan etätyömahdollisuuden.',
  ])('%s', (text) => {
    expect(policyOf(text)).toBe('hybrid');
  });

  it('"op kantoor" alone is still on site, "from home" alone is no policy', () => {
    expect(policyOf('Je werkt vier dagen per week op kantoor in Utrecht.')).toBe('onsite');
    expect(policyOf('Bring your own laptop from home.')).toBe('unspecified');
  });

  it("reads GRRR's Dutch page as hybrid, with the sentence as evidence (text/h2-grrr-front-end-developer)", () => {
    const { remote } = annotateText(capture('text/h2-grrr-front-end-developer.txt'));
    expect(remote.policy).toBe('hybrid');
    expect(remote.evidence).toMatch(/thuis.*op kantoor/);
  });
});

describe('"is full-time and on-site"', () => {
  it('is on site (text/h2-marmalade-steam-marketing-specialist)', () => {
    expect(policyOf('This position is full-time and on-site')).toBe('onsite');
    expect(annotateText(capture('text/h2-marmalade-steam-marketing-specialist.txt')).remote.policy).toBe('onsite');
  });

  it('but not when the role is full-time and remote', () => {
    expect(policyOf('This position is full-time and remote.')).toBe('remote');
    expect(policyOf('The role is permanent, hybrid.')).toBe('hybrid');
  });
});

describe('what most of the company\'s jobs offer is not this role\'s policy (aggregator/h3-reed-search-five-london-ai-postings #4)', () => {
  it.each([
    'We are also all about balance so most of our jobs offer the opportunity for hybrid working built around your role.',
    'Many of our teams work remotely.',
  ])('%s', (text) => {
    expect(policyOf(text)).toBe('unspecified');
  });

  it('unless it names this role', () => {
    expect(policyOf('Like most of our jobs, this role is hybrid.')).toBe('hybrid');
  });
});

describe('systems called hybrid are not the workplace (text/h6-breuninger-it-system-engineer-devops)', () => {
  it.each(['Du bist neugierig auf ein hybrides Betriebsumfeld und fühlst Dich zwischen on-Prem und Cloud wohl.', 'You will run a hybrid estate spanning on-prem racks and the cloud.'])('%s', (text) => {
    expect(policyOf(text)).toBe('unspecified');
  });
});

describe('where the desk is, said without a policy word, is on site when nothing else is said', () => {
  it.each([
    // text/h2-quarteera-sozialarbeiter-in, text/h8-quarteera-psychosoziale-beraterin
    'einen zentralen Arbeitsplatz in unserem Beratungszentrum in Berlin-Prenzlauer Berg',
    // text/h5-fronteers-sonic-equipment-senior-react-developer
    'Een fijne werkplek in ons moderne en goed bereikbare hoofdkantoor in Purmerend',
    // jsonld/completude-conseiller-clientele-cdd-angers (an offer list's item)
    'Basé à Angers, facile d’accès entre le stade de foot et le centre commercial',
    // text/h6-metocean-wavewatch-modeller-raglan
    'This position would be primarily based in Raglan with some opportunity to work from other offices in the future.',
    // career-pages/h7-cu-boulder-director-protective-services
    'The incumbent is required to report to work for his / her regularly assigned shift during emergency campus closures.',
  ])('%s', (text) => {
    expect(policyOf(text)).toBe('onsite');
  });

  it('a company based somewhere is not the role, and any remote word still decides', () => {
    expect(policyOf('Nous sommes une ESN spécialisée en Data, basée à Croix, dans le Nord.')).toBe('unspecified');
    expect(policyOf('Een fijne werkplek in ons kantoor in Utrecht en twee dagen per week thuiswerken.')).toBe('hybrid');
  });

  it('reads the Dutch page as on site with its sentence as evidence', () => {
    const { remote } = annotateText(capture('text/h5-fronteers-sonic-equipment-senior-react-developer.txt'));
    expect(remote.policy).toBe('onsite');
    expect(remote.evidence).toMatch(/hoofdkantoor in Purmerend/);
  });
});

describe('more ways to say part home, part office, or home only', () => {
  it.each([
    // text/h5-rush-carla-nurse-coordinator-chicago
    ['The nurse position is based at Rush University Medical Center, and requires majority in-person work.', 'hybrid'],
    // text/h8-fronteers-identity-managers-angular-developer
    ['Flexibiliteit in uren en in (thuis)werken', 'hybrid'],
    // text/h9-xinminlabs-full-stack-engineer-shanghai-zh
    ['上海+在家办公', 'remote'],
    ['我们支持混合办公', 'hybrid'],
    // text/h9-fisiodesk-backend-engineer-rag: an offer list's item, marker and all
    ['* Remote/ibrido, flessibilità', 'remote'],
    ['- Remote or hybrid, as you prefer', 'remote'],
  ])('%s → %s', (text, policy) => {
    expect(policyOf(text)).toBe(policy);
  });

  it('"Located Remotely? N" in a flattened form is not remote (linkedin/h2-egypt-jsonld-five-postings, Marriott)', () => {
    const line = 'Cairo, Egypt,VIEW ON MAP Schedule Full Time Located Remotely? N Position Type Management Job Summary';
    expect(policyOf(line)).toBe('onsite');
    expect(policyOf('Schedule Full Time Located Remotely? Y Position Type Management')).toBe('remote');
    expect(policyOf('Located Remotely? N')).toBe('onsite');
  });
});

describe('titles of work done in person, in more words', () => {
  it.each(['Fachärztin für Allgemeinmedizin', 'Network Field Tech', 'Field Service Engineer'])('%s', (title) => {
    expect(parseRemote({ structured: [], location: null, text: 'Wir freuen uns auf Ihre Bewerbung.', title }).policy).toBe('onsite');
  });
});

describe('shift work and a position located somewhere (career-pages/natural-essentials-it-support-specialist)', () => {
  it.each(['This is a full time first shift position that is located in Aurora, OH.', 'Night shift, four nights a week.', 'The position which is based in Leeds reports to the CFO.'])('%s', (text) => {
    expect(policyOf(text)).toBe('onsite');
  });

  it('a remote word still decides', () => {
    expect(policyOf('This is a remote first shift position covering US hours.')).toBe('remote');
  });
});

describe('where the work is, said by a place-of-work label, a store or a team in a town', () => {
  it.each([
    // text/h9-deepexi-java-backend-developer-zh
    '工作地点：广州，成都，南京',
    'Work location: Kocaeli, Turkey',
    // career-pages/h10-stepup-mario-outlet-executive-secretary-ko: a label alone, its value on the next line
    '근무 시간 및 장소\n주 5일 (월~금) 09:00 ~ 18:00 서울 금천구 디지털로9길 23',
    // linkedin/h2-egypt-jsonld-five-postings (IKEA)
    'Greeting customers at the store and storing their bags.',
    // text/h4-suffolk-libraries-customer-service-advisor
    'We’re looking for a full time customer service advisor to work in the IT & Customer Services team in Ipswich.',
  ])('%s', (text) => {
    expect(policyOf(text)).toBe('onsite');
  });

  it('a place-of-work label whose value is a policy says the policy; a remote word anywhere still decides', () => {
    expect(policyOf('Work location: Remote')).toBe('remote');
    expect(policyOf('工作地点：上海+在家办公')).toBe('remote');
    expect(policyOf('You will work in the data team in Berlin, fully remote.')).toBe('remote');
  });
});

describe('titles of work done in person, more of them (text/h3-iks-*, h5-suffolk-*, h6-nybg-*, h12-newboco-*)', () => {
  const byTitle = (title: string) => parseRemote({ structured: [], location: null, text: 'Apply today.', title }).policy;
  it.each(['Praxisanleiter (m/w/d)', 'Stock assistant, Ipswich Stock Unit', 'Museum Registrar', 'Software Development Instructor'])('%s', (title) => {
    expect(byTitle(title)).toBe('onsite');
  });

  it('an instructor-led training sales manager, or an online instructor, is not (text/h9-google-cloud-ilt-training-sales-manager)', () => {
    expect(byTitle('Google Cloud Platform Instructor-Led Training Sales Manager')).toBe('unspecified');
    expect(byTitle('Online Software Instructor')).toBe('unspecified');
  });
});
