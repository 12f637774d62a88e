import type { ComponentChildren } from 'preact';

export interface DisclosureProps {
  /** Id of the section's heading, for `aria-labelledby` and tests. */
  id: string;
  title: string;
  open?: boolean;
  children: ComponentChildren;
}

/** A section that expands: a native `<details>` whose summary is the section's heading. */
export function Disclosure({ id, title, open = false, children }: DisclosureProps) {
  return (
    <section aria-labelledby={id}>
      <details open={open}>
        <summary>
          <h2 id={id}>{title}</h2>
        </summary>
        <div class="details-body">{children}</div>
      </details>
    </section>
  );
}
