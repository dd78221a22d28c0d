// @vitest-environment happy-dom
/** The brand form's business-hours editor, driven as the agent would: typing, blurring, clicking. */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BusinessHoursEditor, withHoliday } from '@/components/brand/BusinessHoursEditor';
import { DEFAULT_BUSINESS_HOURS, BusinessHoursSchema, type BusinessHours } from '@/lib/schemas/settings';
import { englishGetMessage } from '../support/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
let latest: BusinessHours = DEFAULT_BUSINESS_HOURS;

function Harness({ zone }: { zone: string }) {
  const [hours, setHours] = useState<BusinessHours>(DEFAULT_BUSINESS_HOURS);
  const [text, setText] = useState(zone);
  latest = hours;
  return <BusinessHoursEditor value={hours} onChange={setHours} zoneText={text} onZoneText={setText} />;
}

/** Sets an input's value the way typing does (React listens to the native setter's input event). */
function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const zoneInput = () => host.querySelector<HTMLInputElement>('input[list]')!;
const button = (label: string) => [...host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === label)!;

beforeAll(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishGetMessage());
});
beforeEach(async () => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root.render(<Harness zone="" />));
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('BusinessHoursEditor', () => {
  it.each<[string, boolean]>([
    ['Moscow', true],
    ['Europe/Moscow', false],
    ['Asia/Shanghai', false],
  ])('zone %j after blur: error shown = %s', async (zone, bad) => {
    await act(async () => type(zoneInput(), zone));
    await act(async () => zoneInput().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    const alert = host.querySelector('[role=alert]');
    expect(alert?.textContent ?? null).toBe(bad ? `“${zone}” is not a time zone. Pick one from the list, written as Region/City — e.g. Europe/Moscow.` : null);
    expect(zoneInput().getAttribute('aria-invalid')).toBe(String(bad));
  });

  it('offers every IANA zone to search', () => {
    const options = [...host.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(expect.arrayContaining(['Europe/Moscow', 'America/New_York', 'Asia/Shanghai']));
  });

  it('adds a second (split) shift and an overnight shift, and the result parses', async () => {
    await act(async () => button('Add a shift on Monday').click());
    expect(latest.week[1]).toEqual([{ start: '09:00', end: '17:00' }, { start: '09:00', end: '17:00' }]);
    await act(async () => button('Add a shift on Sunday').click());
    const sunday = [...host.querySelectorAll<HTMLInputElement>('input[type=time]')].filter((i) => i.getAttribute('aria-label')?.startsWith('Sunday'));
    await act(async () => type(sunday[0]!, '22:00'));
    await act(async () => type(sunday[1]!, '06:00'));
    expect(latest.week[0]).toEqual([{ start: '22:00', end: '06:00' }]);
    expect(host.textContent).toContain('ends the next day');
    expect(BusinessHoursSchema.safeParse(latest).success).toBe(true);
    await act(async () => button('Remove this shift on Sunday').click());
    expect(latest.week[0]).toEqual([]);
  });

  it('adds a holiday; 24×7 hides the week', async () => {
    const date = host.querySelector<HTMLInputElement>('input[type=date]')!;
    await act(async () => type(date, '2026-12-25'));
    await act(async () => button('Add holiday').click());
    expect(latest.holidays).toEqual(['2026-12-25']);
    const always = host.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    await act(async () => always.click());
    expect(latest.alwaysOpen).toBe(true);
    expect(host.querySelector('input[type=time]')).toBeNull();
    expect(BusinessHoursSchema.safeParse(latest).success).toBe(true);
  });
});

describe('withHoliday', () => {
  it.each<[string[], string, string[]]>([
    [[], '2026-12-25', ['2026-12-25']],
    [['2026-12-31'], '2026-01-01', ['2026-01-01', '2026-12-31']],
    [['2026-12-25'], '2026-12-25', ['2026-12-25']],
  ])('%j + %s → %j', (list, day, expected) => {
    expect(withHoliday(list, day)).toEqual(expected);
  });
});
