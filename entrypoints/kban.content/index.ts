import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentMatches, findRule } from '@/components/core/site-rules';
import { startPageCheck } from './controller';

export default defineContentScript({
  matches: contentMatches(),
  runAt: 'document_end',
  main(ctx) {
    const rule = findRule(location.hostname);
    if (rule) startPageCheck(ctx, rule);
  },
});
