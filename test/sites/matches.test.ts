import { describe, expect, it } from 'vitest';
import { isDeclaredPage } from '../../src/sites/matches.ts';

describe('isDeclaredPage', () => {
  const patterns = ['https://jobs.lever.co/*', 'https://*.myworkdayjobs.com/*'];
  it.each([
    ['https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739', true],
    ['https://jobs.lever.co/', true],
    ['https://acme.wd5.myworkdayjobs.com/en-US/careers/job/x_R1', true],
    ['https://myworkdayjobs.com/x', true],
  ])('declared: %s', (url, expected) => {
    expect(isDeclaredPage(url, patterns)).toBe(expected);
  });
  it.each([
    'http://jobs.lever.co/spotify',
    'https://jobs.lever.co.evil.example/x',
    'https://evilmyworkdayjobs.com/x',
    'https://careers.fernhill.example/jobs/1',
    'chrome://extensions',
    'not a url',
  ])('not declared: %s', (url) => {
    expect(isDeclaredPage(url, patterns)).toBe(false);
  });
});
