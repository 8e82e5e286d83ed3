import { describe, expect, it, vi } from 'vitest';
import { lazy } from '../../src/model/lazy.ts';
import { FieldValue, PayPeriod, RawPosting, RawSection, StructuredPay, ValueSource } from '../../src/model/index.ts';
import { fieldValueSchema, rawPostingSchema, rawSectionSchema, structuredPaySchema } from '../../src/model/raw.ts';
import { payPeriodSchema, valueSourceSchema } from '../../src/model/terms.ts';

describe('lazy', () => {
  it('builds nothing until asked, then builds once and keeps it', () => {
    const build = vi.fn(() => ({ built: true }));
    const get = lazy(build);
    expect(build).not.toHaveBeenCalled();
    const first = get();
    expect(get()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('keeps a value that is falsy', () => {
    const build = vi.fn(() => 0);
    const get = lazy(build);
    expect([get(), get()]).toEqual([0, 0]);
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe("the model's getters", () => {
  it('give the very schemas the model exports', () => {
    expect(rawPostingSchema()).toBe(RawPosting);
    expect(fieldValueSchema()).toBe(FieldValue);
    expect(structuredPaySchema()).toBe(StructuredPay);
    expect(rawSectionSchema()).toBe(RawSection);
    expect(valueSourceSchema()).toBe(ValueSource);
    expect(payPeriodSchema()).toBe(PayPeriod);
  });
});
