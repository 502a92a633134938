import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fiscalYearOfInstant } from './fiscal-year.js';
import { endOfJapanDay, fixedClock, systemClock, toJapanDate, todayInJapan } from './japan-time.js';

// Reached through globalThis so that this file reads the same in a browser, where there is no process.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const zoneBefore = env?.TZ;

afterEach(() => {
  if (env === undefined) return;
  if (zoneBefore === undefined) delete env.TZ;
  else env.TZ = zoneBefore;
});

const MIDNIGHT_IN_TOKYO = new Date('2025-03-31T15:00:00Z');
const JUST_BEFORE = new Date('2025-03-31T14:59:59.999Z');

/** The date in Tokyo by the time-zone database, as an oracle that shares no code with toJapanDate. */
const tokyoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Since 1952, when Japan last left daylight saving; the database's Tokyo is not UTC+9 before that.
const instants = fc.date({
  min: new Date('1952-01-01T00:00:00Z'),
  max: new Date('9998-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('toJapanDate', () => {
  it('turns the date at 15:00Z', () => {
    expect(toJapanDate(MIDNIGHT_IN_TOKYO)).toBe('2025-04-01');
    expect(toJapanDate(JUST_BEFORE)).toBe('2025-03-31');
  });

  it('refuses an invalid Date', () => {
    expect(() => toJapanDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('agrees with the time-zone database for any instant since 1952', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(toJapanDate(instant)).toBe(tokyoDate.format(instant));
      }),
    );
  });
});

describe('endOfJapanDay', () => {
  it('is 14:59:59.999Z of the date, still that date in Japan, the next date a millisecond later', () => {
    const end = endOfJapanDay('2025-08-31');
    expect(end).toBe('2025-08-31T14:59:59.999Z');
    expect(toJapanDate(new Date(end))).toBe('2025-08-31');
    expect(toJapanDate(new Date(Date.parse(end) + 1))).toBe('2025-09-01');
  });
});

describe('fiscalYearOfInstant', () => {
  it('puts 2025-03-31T15:00Z in FY2025 and a millisecond earlier in FY2024', () => {
    expect(fiscalYearOfInstant(MIDNIGHT_IN_TOKYO)).toBe(2025);
    expect(fiscalYearOfInstant(JUST_BEFORE)).toBe(2024);
  });

  it.each([
    ['America/Los_Angeles', 420],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('gives the same answer with the process in %s', (zone, offsetMinutes) => {
    if (env === undefined) return;
    env.TZ = zone;
    // The zone really switched, so an implementation reading local time would now get one side wrong.
    expect(MIDNIGHT_IN_TOKYO.getTimezoneOffset()).toBe(offsetMinutes);
    expect(fiscalYearOfInstant(MIDNIGHT_IN_TOKYO)).toBe(2025);
    expect(fiscalYearOfInstant(JUST_BEFORE)).toBe(2024);
  });

  it('is the year of the instant plus nine hours, less one before April', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const [year = '', month = ''] = tokyoDate.format(instant).split('-');
        expect(fiscalYearOfInstant(instant)).toBe(Number(year) - (Number(month) < 4 ? 1 : 0));
      }),
    );
  });
});

describe('fixedClock', () => {
  it('stops the clock, so todayInJapan is the Japan date of that instant', () => {
    const clock = fixedClock('2025-03-31T20:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-03-31T20:00:00.000Z');
    expect(todayInJapan(clock)).toBe('2025-04-01');
    expect(todayInJapan(fixedClock('2025-06-30T23:59:59+09:00'))).toBe('2025-06-30');
  });

  it('hands out a fresh Date each time, so a caller cannot move the clock', () => {
    const clock = fixedClock('2025-06-30');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-06-30T00:00:00.000Z');
  });

  it.each(['2025-06-30T09:00:00', 'yesterday'])('refuses %j, which has no zone', (text) => {
    expect(() => fixedClock(text)).toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('reads the machine clock', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
