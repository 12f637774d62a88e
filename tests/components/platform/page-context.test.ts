/** The background prepares what pages need; pages read it defensively. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from '../ui/i18n';
import { PAGE_CONTEXT_KEY, currentPageContext, formatBanDates, parsePageContext, proceedLabel, readPageContext, watchPageInputs, writePageContext } from '@/components/platform/page-context';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage('en', key, subs)) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

describe('page context', () => {
  it('prepares the block screen\'s plural-resolved proceed label for the policy, so pages need no Intl', async () => {
    await fakeBrowser.storage.managed.set({ proceedMinutes: 1 });
    await writePageContext();
    expect((await readPageContext())?.proceedLabel).toBe('Proceed anyway for 1 minute');
    expect(proceedLabel({})).toBe('Proceed anyway for 60 minutes');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage('es', key, subs)) as never);
    expect(proceedLabel({ proceedMinutes: 1 }, 'es')).toBe('Continuar de todos modos durante 1 minuto');
    expect(proceedLabel({ proceedMinutes: 1440 }, 'es')).toBe('Continuar de todos modos durante 1440 minutos');
  });

  it('the background writes validated policy, zone and dates; pages read them back', async () => {
    await fakeBrowser.storage.managed.set({ enforcement: 'block', region: 'nowhere' });
    await writePageContext();
    const context = await readPageContext();
    expect(context?.policy, 'only valid policy keys reach pages').toEqual({ enforcement: 'block' });
    expect(['us', 'non-us', 'unknown']).toContain(context?.zone);
    expect(context?.dates.noUpdates).toMatch(/2024/);
    expect(context?.messages?.notice_details, 'the notice\'s words come with the context: pages never start the browser\'s i18n').toBe(getMessage('en', 'notice_details'));
    expect(context?.messages?.notice_kaspersky_active).toContain('\ue001');
  });

  it('keeps the last validated policy while managed storage has not answered', async () => {
    await fakeBrowser.storage.local.set({ [PAGE_CONTEXT_KEY]: { policy: { enforcement: 'block' }, timeZone: 'UTC', zone: 'unknown', dates: { noNewSales: 'a', noUpdates: 'b' } } });
    let answer: (value: Record<string, unknown>) => void = () => {};
    // A spy, so beforeEach's restoreAllMocks gives later tests an answering managed storage again.
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation((() => new Promise<Record<string, unknown>>((resolve) => (answer = resolve))) as never);
    const writing = writePageContext();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await readPageContext())?.policy, 'the first write keeps the cached policy').toEqual({ enforcement: 'block' });
    answer({ enforcement: 'warn' });
    await writing;
    expect((await readPageContext())?.policy).toEqual({ enforcement: 'warn' });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'x'],
    ['no dates', { policy: {}, timeZone: 'UTC', zone: 'unknown' }],
    ['a bad zone', { policy: {}, timeZone: 'UTC', zone: 'mars', dates: { noNewSales: 'a', noUpdates: 'b' } }],
  ])('%s is treated as absent', (_name, raw) => expect(parsePageContext(raw)).toBeUndefined());

  it('a malformed policy becomes no policy, the rest is kept', () => {
    expect(parsePageContext({ policy: ['x'], timeZone: 'UTC', zone: 'unknown', dates: { noNewSales: 'a', noUpdates: 'b' } })?.policy).toEqual({});
  });

  it('formats the cut-off on the US Eastern calendar, in the language given', () => {
    expect(formatBanDates('en')).toEqual({ noNewSales: 'July 20, 2024', noUpdates: 'September 29, 2024' });
    expect(formatBanDates('es').noUpdates).toBe('29 de septiembre de 2024');
  });

  it('before the background has stored it, a page asks the background', async () => {
    const asked = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type?: string }) =>
      message?.type === 'kban:page-context' ? currentPageContext() : undefined) as never);
    const context = await readPageContext();
    expect(context, 'the page must not fall back to guessing').toBeDefined();
    expect(['us', 'non-us', 'unknown']).toContain(context?.zone);
    expect(asked).toHaveBeenCalledTimes(1);
  });
});

describe('watchPageInputs', () => {
  it('fires when the settings or the context change, not when the same context is written again', async () => {
    await writePageContext();
    const listener = vi.fn();
    const stop = watchPageInputs(listener);
    await writePageContext(); // what the background does at every start
    expect(listener, 'the same context written again').not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(listener, 'another key').not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ settings: { region: 'non-us' } });
    expect(listener).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.managed.set({ enforcement: 'block' });
    await writePageContext();
    expect(listener, 'a new policy in the context').toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.storage.local.set({ settings: { region: 'us' } });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
