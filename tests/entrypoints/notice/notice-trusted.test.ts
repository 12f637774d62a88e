/**
 * @vitest-environment happy-dom
 */
import { describe, expect, it, vi } from 'vitest';
import { POLICY_DEFAULTS } from '@/components/core/policy/policy';
import { createBlockScreen } from '@/entrypoints/block-screen/block-screen';
import { createNotice as createBar } from '@/entrypoints/notice/notice';
import { noticeRoot, placeNotice, type NoticeProps } from '@/entrypoints/notice/notice-parts';

/** The warning bar or the block screen, as the page check draws them (each from its own script). */
const createNotice = (props: NoticeProps) => (props.mode === 'block' ? createBlockScreen(props) : createBar(props));

function props(overrides: Partial<NoticeProps> = {}): NoticeProps {
  return {
    classification: { verdict: 'purchase', product: 'Kaspersky Premium', reasons: [] },
    mode: 'warn',
    policy: { ...POLICY_DEFAULTS, allowProceed: true },
    words: { title: 'Title', lead: 'Lead', facts: 'Facts', details: 'Details', dismiss: 'Dismiss', proceed: 'Proceed anyway' },
    onDetails: vi.fn(),
    onDismiss: vi.fn(),
    onProceed: vi.fn(),
    ...overrides,
  };
}

describe('createNotice', () => {
  it('closes its shadow root to the page and keeps it for itself', () => {
    const host = createNotice(props());
    expect(host.shadowRoot, 'page script reads host.shadowRoot: it must get nothing').toBeNull();
    expect(noticeRoot(host)?.querySelector('button'), 'our own code still reaches the buttons').not.toBeNull();
    expect(noticeRoot(document.createElement('kban-notice')), 'a host we did not create has no root for us').toBeNull();
  });

  it.each(['warn', 'block'] as const)('ignores synthetic clicks (%s): a page cannot dismiss, proceed or open tabs', (mode) => {
    const notice = props({ mode });
    const host = createNotice(notice);
    placeNotice(host, null);
    for (const button of noticeRoot(host)!.querySelectorAll('button')) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    expect(noticeRoot(host)!.querySelectorAll('button').length, 'the buttons exist').toBeGreaterThan(1);
    expect([notice.onDetails, notice.onDismiss, notice.onProceed].map((handler) => (handler as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([0, 0, 0]);
    host.remove();
  });
});
