// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRule } from '@/components/core/classifier/types';
import { amazon } from '@/components/core/site-rules/amazon';
import { MAX_LOOKS, subjectParsed, whenSubjectParsed } from '@/entrypoints/page-check/subject-parsed';

/** A document as the parser leaves it part-way through an Amazon product page: `html` is what has arrived so far. */
function parsedSoFar(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const TITLE = '<div id="titleSection" class="a-section a-spacing-none"><h1 id="title" class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large product-title-word-break">Kaspersky Premium Total Security 2024 | 5 Devices</span></h1>';

describe('subjectParsed', () => {
  it('is false while the product title is the last thing parsed (its text may still be arriving)', () => {
    expect(subjectParsed(parsedSoFar(`<body><div id="dp">${TITLE}`), amazon)).toBe(false);
  });

  it('is true once anything follows the title or one of its ancestors', () => {
    expect(subjectParsed(parsedSoFar(`<body><div id="dp">${TITLE}\n<div id="bylineInfo_feature_div">`), amazon)).toBe(true);
    expect(subjectParsed(parsedSoFar(`<body><div id="dp">${TITLE}</div></div><div id="navFooter">`), amazon)).toBe(true);
  });

  it('is false before the title has arrived, whatever else has', () => {
    expect(subjectParsed(parsedSoFar('<head><title>Amazon.com: Kaspersky Premium</title></head><body><div id="nav-belt"></div><div id="wayfinding-breadcrumbs_feature_div">'), amazon)).toBe(false);
  });

  it('looks for the first h1 on sites whose rule names no product title', () => {
    const rule = { ...amazon, selectors: { ...amazon.selectors, productTitle: undefined } } as PageRule;
    expect(subjectParsed(parsedSoFar('<body><main><h1>Kaspersky Standard</h1><p>'), rule)).toBe(true);
    expect(subjectParsed(parsedSoFar('<body><main><h1>Kaspersky Standard'), rule)).toBe(false);
  });

  it('a subject in <head> (a rule that names its product by the page title) leaves the check to DOMContentLoaded', () => {
    const rule = { ...amazon, selectors: { ...amazon.selectors, productTitle: 'head > title' } } as PageRule;
    expect(subjectParsed(parsedSoFar('<head><title>Kaspersky Threat Intelligence Portal</title><meta charset="utf-8"></head><body><div id="app">'), rule)).toBe(false);
  });

  it('a malformed selector in a rule leaves the check to DOMContentLoaded', () => {
    const rule = { ...amazon, selectors: { ...amazon.selectors, productTitle: '#productTitle[' } } as PageRule;
    expect(subjectParsed(parsedSoFar(`<body>${TITLE}<p>`), rule)).toBe(false);
  });
});

describe('whenSubjectParsed', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Frames drawn by hand: each call runs the callbacks requested since the last. */
  function frames() {
    let queued: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => (queued.push(callback), queued.length));
    return {
      draw: () => {
        const now = queued;
        queued = [];
        for (const callback of now) callback(0);
      },
      pending: () => queued.length,
    };
  }

  it('calls back once, at the first frame after the title has parsed, while the page is still loading', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    document.body.innerHTML = '<div id="nav-belt"></div>';
    const frame = frames();
    const onParsed = vi.fn();
    whenSubjectParsed(document, amazon, onParsed);
    frame.draw();
    expect(onParsed).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', `${TITLE}</div><div id="bylineInfo_feature_div"></div>`);
    frame.draw();
    expect(onParsed).toHaveBeenCalledTimes(1);
    expect(frame.pending()).toBe(0);
  });

  it('stops looking once the page has parsed: DOMContentLoaded checks it', () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    document.body.innerHTML = '<div id="nav-belt"></div>';
    const frame = frames();
    const onParsed = vi.fn();
    whenSubjectParsed(document, amazon, onParsed);
    frame.draw();
    readyState.mockReturnValue('interactive');
    document.body.insertAdjacentHTML('beforeend', `${TITLE}</div><p></p>`);
    frame.draw();
    expect(onParsed).not.toHaveBeenCalled();
    expect(frame.pending()).toBe(0);
  });

  it(`looks in at most ${MAX_LOOKS} frames on a page without its subject`, () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    document.body.innerHTML = '<div id="nav-belt"></div>';
    const frame = frames();
    const query = vi.spyOn(document, 'querySelector');
    whenSubjectParsed(document, amazon, () => {});
    for (let i = 0; i < MAX_LOOKS + 10; i++) frame.draw();
    expect(query).toHaveBeenCalledTimes(MAX_LOOKS);
    expect(frame.pending()).toBe(0);
  });
});
