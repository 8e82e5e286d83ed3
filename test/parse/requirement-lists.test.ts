import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText, annotateTextPostings } from '../../src/annotate.ts';
import { readRealPosting } from '../eval/real.ts';
import { sectionsFromText } from '../../src/parse/sections.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';

/*
 * Requirement lists as real postings write them, each rule shown on the capture where it was
 * seen missed (test/corpus/real). The counts are the labels' (read before the reader was run).
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const requirements = (path: string) => annotateText(capture(path)).requirements;

describe('where a requirement list ends', () => {
  it("a heading that speaks to the reader ('Some details you should know', 'If you are interested, email us at … with') ends the list before it", () => {
    const read = requirements('text/h12-newboco-software-development-instructor.md');
    expect(read.required).toHaveLength(5);
    expect(read.required[0]).toBe('2+ years professional software development experience');
    expect(read.required.join('\n')).not.toMatch(/background check|a resume|GitHub page/);
  });

  it("'Not for You if' after 'Nice-to-Haves' is not more of the plus list", () => {
    const read = requirements('text/h12-ramp-ai-operations-specialist.md');
    expect(read.required).toHaveLength(7);
    expect(read.preferred).toHaveLength(3);
  });

  it('a topic name under a requirements heading still goes on with the list', () => {
    const text = 'Engineer\n\nRequirements\n- 5 years of Go\n- Kubernetes in production\n\nCloud & DevOps\n- Terraform\n- AWS\n\nBenefits\n- Dental';
    expect(annotateText(text).requirements.required).toEqual(['5 years of Go', 'Kubernetes in production', 'Terraform', 'AWS']);
  });
});

describe('HTML inside a Markdown record', () => {
  it("a site generator's posting written as raw <p><strong>Heading</strong></p> and <li> has its headed list read", () => {
    const read = requirements('text/h12-newboco-software-development-instructor.md');
    expect(read.required).toContain('Experience coaching and developing a team of instructors and/or software developers');
  });
});

describe('lists that are not requirements', () => {
  it("'We're looking for a HR assistant … to:' introduces what the person will do (career-pages/h15-suffolk-libraries-hr-assistant-ipswich)", () => {
    const read = requirements('career-pages/h15-suffolk-libraries-hr-assistant-ipswich.md');
    expect(read.required).toHaveLength(5);
    expect(read.required[0]).toBe('Has previous administration/office experience');
    // "… the ability to:" still introduces what the candidate brings.
    const text = "Nurse\n\nWe're looking for someone with the ability to:\n- Lift patients safely\n- Work nights\n- Keep clear records\n\nBenefits\n- Pension";
    expect(annotateText(text).requirements.required).toEqual(['Lift patients safely', 'Work nights', 'Keep clear records']);
  });

  it("'Job Details' after the requirements (Location, Division, Requisition ID) ends them (text/h14-ebrd-assistant-banking-nairobi)", () => {
    const read = requirements('text/h14-ebrd-assistant-banking-nairobi.md');
    expect(read.required).toHaveLength(15);
    expect(read.required.join('\n')).not.toMatch(/Requisition ID|Division/);
  });
});

describe('headings real postings use', () => {
  it("'You are a match if you' is required, 'It would be fantastic if you …:' preferred, and 'What will you do as a front-end developer with design skills?' and 'A day in the life of …' are duties (text/h13-easy-lms-*)", () => {
    const read = requirements('text/h13-easy-lms-front-end-developer-design-skills.md');
    expect(read.required).toHaveLength(10);
    expect(read.required[0]).toBe('Have 1 to 3 years of front-end development experience.');
    expect(read.preferred).toEqual(['Module bundlers and task runners (Webpack, Gulp, and NPM).', 'Design systems and internally developed component libraries.']);
  });

  it("traits under 'What Makes You \"Special\"' (introduced by 'Our ideal candidate:') give way to the 'Core Qualifications' list (text/h9-nura-space-*)", () => {
    const read = requirements('text/h9-nura-space-full-stack-developer-melbourne.md');
    expect(read.required).toHaveLength(10);
    expect(read.required[0]).toBe('4+ years in full‑stack development with demonstrable expertise in both front and back ends');
  });

  it("a Chinese item that ends in its plus ('…Node.js更佳（加分）') is preferred, and '方向' (areas of work) after the requirements is not more of them (text/h9-deepexi-*)", () => {
    const read = requirements('text/h9-deepexi-java-backend-developer-zh.md');
    expect(read.required).toHaveLength(9);
    expect(read.preferred).toEqual(['有意愿参与开源项目及了解前端技术栈更佳（加分）', '熟悉docker容器引擎技术、Node.js更佳（加分）']);
  });

  it("'Big plus if you have' heads a plus list, as 'Plus' does", async () => {
    const { classifyHeading } = await import('../../src/parse/requirements.ts');
    expect(['Big plus if you have', 'A huge plus if you know', 'Plus']).toEqual(['Big plus if you have', 'A huge plus if you know', 'Plus'].filter((h) => classifyHeading(h) === 'preferred'));
    const text = 'Engineer\n\nCandidate must have\n- 2 years of Ruby\n- SQL\n\nBig plus if you have\n- Twilio\n- React\n\nBenefits\n- Dental';
    expect(annotateText(text).requirements).toEqual({ required: ['2 years of Ruby', 'SQL'], preferred: ['Twilio', 'React'] });
  });
});


const readReal = (path: string, item = 0) => readRealPosting(path, item).requirements;

const count = (r: { required: string[]; preferred: string[] }) => ({ required: r.required.length, preferred: r.preferred.length });

describe('which heading a list belongs to', () => {
  it('a neutral heading goes on with the list before it only when its lines read as what is asked: duties under a misspelt heading and an offer under its own heading do not (career-pages/h14-sea-coahuila-vacantes-informatica, text/h9-xinminlabs-full-stack-engineer-shanghai-zh)', () => {
    const coahuila = annotateTextPostings(capture('career-pages/h14-sea-coahuila-vacantes-informatica.txt'));
    expect(count(coahuila[0]!.requirements)).toEqual({ required: 6, preferred: 0 });
    expect(count(coahuila[1]!.requirements)).toEqual({ required: 4, preferred: 0 });
    const xinmin = requirements('text/h9-xinminlabs-full-stack-engineer-shanghai-zh.md');
    expect(count(xinmin)).toEqual({ required: 8, preferred: 6 });
    expect(xinmin.preferred.join('\n')).not.toContain('稳定的收入');
  });

  it("'Recommended' heads a plus list, and a heading named only by a shared word ('Experience with:') goes on with the list before it (text/h10-costco-pos-quality-assurance-analyst)", () => {
    expect(count(requirements('text/h10-costco-pos-quality-assurance-analyst.md'))).toEqual({ required: 13, preferred: 12 });
  });

  it("'… an individual who can:' introduces duties, and 'the successful candidate will already have:' the requirements (career-pages/h16-suffolk-libraries-bury-caretaker)", () => {
    expect(count(requirements('career-pages/h16-suffolk-libraries-bury-caretaker.md'))).toEqual({ required: 5, preferred: 0 });
  });

  it("a 'Label: value' line ('Experience Level: Experienced Professional') is a fact, not a heading (text/h12-lockheed-martin-manufacturing-support-team-member)", () => {
    expect(requirements('text/h12-lockheed-martin-manufacturing-support-team-member.md').required).toHaveLength(4);
  });

  it("'Benefícios / Diferenciais' is the offer, though 'diferenciais' also names a plus (text/h16-bovcontrol-desenvolvedor-react-native-sao-paulo-pt)", () => {
    expect(count(requirements('text/h16-bovcontrol-desenvolvedor-react-native-sao-paulo-pt.md'))).toEqual({ required: 13, preferred: 0 });
  });

  it('a web component that shows its title as a heading starts a section, so the benefits after the requirements are not more of them (jsonld/h3-valtiolle-palkeet-paakirjanpitaja)', () => {
    const palkeet = readReal('jsonld/h3-valtiolle-palkeet-paakirjanpitaja.html');
    expect(palkeet.required.length).toBeLessThanOrEqual(10);
    expect(palkeet.required.join('\n')).not.toMatch(/Tarjoamme/i);
  });

  it("a short Title Case paragraph right before a list heads it ('Leadership & Team Development'), so duties do not go on with the plus list (smartrecruiters/h2-bosch-logistics-section-manager-bursa)", () => {
    expect(readReal('smartrecruiters/h2-bosch-logistics-section-manager-bursa.json').preferred.length).toBeLessThanOrEqual(5);
  });
});

describe('lines of a list that ask nothing', () => {
  it("'Full-time', 'This role … will be performed on site', a placeholder 'To Be Updated Soon' and how to send a resume are not items (text/h2-flint-ien-rn-icu-new-mexico, workday/gdit-data-engineer, career-pages/h15-gsa-tts-login-gov-fraud-analyst, career-pages/h13-gsa-tts-contact-center-analyst)", () => {
    expect(requirements('text/h2-flint-ien-rn-icu-new-mexico.txt').required).toHaveLength(6);
    expect(readReal('workday/gdit-data-engineer.json').required.join('\n')).not.toMatch(/will be performed on site/i);
    expect(requirements('career-pages/h15-gsa-tts-login-gov-fraud-analyst.md').required).toEqual([]);
    const gsa = requirements('career-pages/h13-gsa-tts-contact-center-analyst.md');
    expect(gsa.required).toHaveLength(4);
    expect(gsa.required.join('\n')).not.toMatch(/^Provide|Failure to provide/m);
  });

  it('a line wrapped at 120 characters, as text from a PDF is, is joined to the line it goes on from (text/h12-bain-associate-ams-coe-gurugram)', () => {
    expect(requirements('text/h12-bain-associate-ams-coe-gurugram.txt').required).toHaveLength(3);
  });
});

describe('text flattened to one line (LinkedIn JSON-LD descriptions)', () => {
  it("finds the headings it keeps: 'What You Will Need', a heading in capitals ('CANDIDATE PROFILE'), and 'About <Company>' before the company's name again (linkedin/h2-egypt-jsonld-five-postings-ikea-hitachi-marriott-givaudan #2, #3)", () => {
    expect(readReal('linkedin/h2-egypt-jsonld-five-postings-ikea-hitachi-marriott-givaudan.json', 2).required).toEqual([
      "Education And Experience 4-year bachelor's degree in Finance and Accounting or related major; no work experience required.",
    ]);
    expect(readReal('linkedin/h2-egypt-jsonld-five-postings-ikea-hitachi-marriott-givaudan.json', 3).required).toEqual(['Minimum 2 years of experience in Customer Service or Reception.']);
  });

  it('cuts only at capitals that name a part of a posting, and at "About X" only where X is named again', () => {
    const filler = 'We build tools for teams across the region and we have done so for many years with care. '.repeat(3);
    const sections = sectionsFromText(`${filler}You will work with AWS GCP Terraform daily. KEY REQUIREMENTS Python and SQL in production. Talk About Acme Corp today and about our plans. About Acme Corp Acme Corp was founded in 1990.`);
    expect(sections.map((s) => s.heading)).toEqual([null, 'KEY REQUIREMENTS', 'About Acme Corp']);
    expect(sections[0]!.paragraphs.join(' ')).toContain('AWS GCP Terraform');
    expect(sections[1]!.paragraphs.join(' ')).toContain('Talk About Acme Corp today');
  });
});

describe('a heading glued to the item before it', () => {
  it("'… mentoroinnistaArvostamme lisäksi:' is the item and then the heading, where a page lost the break after a list (jsonld/h3-kuntarekry-esko-sovellusarkkitehti-oulu)", () => {
    expect(count(readReal('jsonld/h3-kuntarekry-esko-sovellusarkkitehti-oulu.html'))).toEqual({ required: 6, preferred: 5 });
  });

  it('leaves a word in camel case alone when what follows is no known heading', () => {
    const items = sectionsFromText('Requirements:\n- Experience with JavaScript and its frameworks:\n- Knowledge of PostgreSQL and its tools:').flatMap((s) => s.items);
    expect(items).toEqual(['Experience with JavaScript and its frameworks:', 'Knowledge of PostgreSQL and its tools:']);
  });
});

describe('lines under a heading beside a stray board line', () => {
  it("reads the lines under 'Big plus if you have:' though a board's 'Job Type: Full-time' sits in that section as an item (text/h9-cloverhound-junior-software-developer-charlotte)", () => {
    const read = requirements('text/h9-cloverhound-junior-software-developer-charlotte.txt');
    expect(read.preferred).toContain('Experience in a client-facing consulting role.');
    expect(read.preferred.filter((i) => /^(?:Experience|Working knowledge)/.test(i))).toHaveLength(8);
    expect(read.preferred.join('\n')).not.toMatch(/equal opportunity|Job Type/);
  });
});

describe('a label and its value', () => {
  it("is a heading when its value is one ('Required Skills:\\tWhat You Have:', \"text: 'Ihr Profil'\"), and a fact otherwise ('Experience Level: Experienced Professional')", () => {
    const headings = sectionsFromText("Intro line of the posting.\nRequired Skills:\tWhat You Have:\n- Python\nExperience Level: Experienced Professional\ntext: 'Ihr Profil'\n- Deutsch").map((s) => s.heading);
    expect(headings).toContain('Required Skills: What You Have');
    expect(headings).toContain("text: 'Ihr Profil'");
    expect(headings).not.toContain('Experience Level: Experienced Professional');
  });
});

describe('requirements as one sentence, with no heading', () => {
  it("'You will have a PhD …; Demonstrative … understanding …; … publication record …; …; …' is five items (text/h2-heriot-watt-postdoc-microplastics)", () => {
    const read = requirements('text/h2-heriot-watt-postdoc-microplastics.txt');
    expect(read.required).toHaveLength(5);
    expect(read.required[0]).toMatch(/^You will have a PhD/);
  });

  it('reads such a sentence only where no list is found, and only when it says it asks', () => {
    const listed = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Python'] }, { heading: null, paragraphs: ['You will have a laptop; a phone; a desk.'], items: [] }]);
    expect(listed.required).toEqual(['Python']);
    expect(extractRequirements([{ heading: null, paragraphs: ['We offer a pension; a bonus; a gym.'], items: [] }]).required).toEqual([]);
  });
});

describe("a list's name among its lines", () => {
  it("'Required Qualifications' as a line of the list is its name, not an item (eightfold/microsoft-software-engineer-ai-compilers)", () => {
    const r = extractRequirements([{ heading: 'Qualifications', paragraphs: [], items: ['Required Qualifications', "Bachelor's Degree in Computer Science", 'Preferred Qualifications:', 'Experience with LLVM'] }]);
    expect(r.required.join('\n')).not.toMatch(/^Required Qualifications$/m);
    expect(r.required).toContain("Bachelor's Degree in Computer Science");
    // A line that names a skill is an item, though "skills" heads lists too.
    expect(extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Excellent communication skills'] }]).required).toEqual(['Excellent communication skills']);
  });
});

describe('requirements written as prose', () => {
  it("Leeds Community Homes' 'About you' paragraphs: each sentence that asks is an item, 'It will be an advantage' a plus, and the terms after '#### Terms and conditions .......' are not", () => {
    const read = readRealPosting('career-pages/h12-leeds-community-homes-clh-adviser.md').requirements;
    expect(read.required).toHaveLength(5);
    expect(read.required[1]).toMatch(/^You'll have a good understanding of the needs of groups/);
    expect(read.preferred).toEqual([
      'It will be an advantage to be an accredited Community Led Housing Adviser or have undertaken the national course.',
      'Also, previous experience of working in the construction industry or social housing sector will be an advantage.',
    ]);
    expect(read.required.join('\n')).not.toMatch(/Term|Hours/);
  });

  it('beside a list, the prose that sums it up is not read as more items', () => {
    const text = 'Engineer\n\nRequirements\n\nYou will need strong Python. Candidates should have experience with scraping. A methodical approach is essential.\n\n- 5+ years of Python\n- Experience with Selenium\n\nBenefits\n- Dental';
    expect(annotateText(text).requirements.required).toEqual(['5+ years of Python', 'Experience with Selenium']);
  });

  it('a paragraph about the lists asks nothing', () => {
    const text = 'Engineer\n\nAbout you\n\nYou will have a degree in physics. The preferred qualifications are a bonus, not a requirement.\n\nBenefits\n- Dental';
    expect(annotateText(text).requirements).toEqual({ required: ['You will have a degree in physics.'], preferred: [] });
  });
});

describe('a topic heading before the requirements heading it sits beside', () => {
  it("RASSURE's SEEK paste: the 'Collaboration & Problem Solving' lines before 'Technical Skills' are required too, and SEEK's 'Employer questions' link is not an item", () => {
    const read = requirements('text/rassure-junior-software-developer.txt');
    expect(read.required).toContain('Strong communication skills, with the ability to clearly explain problem-solving approaches to both technical and non-technical stakeholders.');
    expect(read.required).toContain('Strong proficiency in Python and SQL (or equivalent languages).');
    expect(read.required).not.toContain('Employer questions');
    // The label's eleventh, 'a minimum of 12-18 months of commercial experience', is in the introduction's prose, not read.
    expect(read.required).toHaveLength(10);
    expect(read.preferred).toEqual(['Proficiency with tools like Git and Jira is a plus.']);
  });

  it('duties under a topic heading before the requirements are not requirements', () => {
    const text = 'Engineer\n\nDay to Day\nBuild data pipelines\nReview pull requests\nMentor juniors\n\nTechnical Skills\nPython\nSQL\n\nBenefits\n- Dental';
    expect(annotateText(text).requirements.required).toEqual(['Python', 'SQL']);
  });
});

describe('clauses that each say their class', () => {
  it("'College degree required, previous library experience preferred.' is one required and one preferred item (text/h3-white-plains-library-trove-library-assistant)", () => {
    const read = requirements('text/h3-white-plains-library-trove-library-assistant.txt');
    expect(read).toEqual({ required: ['College degree required'], preferred: ['previous library experience preferred'] });
  });

  it("'College degree preferred, but not required' stays one item, and one sentence saying 'required' is not split from the next", () => {
    const text = 'Assistant\n\nQualifications\n\nCollege degree preferred, but not required. Strong written skills required. You will present to leaders.\n\nBenefits\n- Dental';
    const read = annotateText(text).requirements;
    expect(read.preferred).toEqual(['College degree preferred, but not required.']);
  });
});
