/**
 * Types shared by the signal reader, the classifier and the site rules.
 * @module
 */

/** What a page is, for a user covered by the ban. */
export type Verdict = 'purchase' | 'download' | 'exempt' | 'none';

/** What a badged tile on a listing page leads to. */
export type ItemKind = 'purchase' | 'download';

/** Which exempt category an exempt page belongs to (ban-facts §4). */
export type ExemptCategory = 'threat-intelligence' | 'security-training' | 'consulting';

/** One schema.org thing read from JSON-LD or microdata, reduced to what we use. */
export interface StructuredItem {
  /** schema.org type without the URL prefix, e.g. `Product`, `SoftwareApplication`. */
  type: string;
  name: string;
  brand?: string;
  /** Author, publisher or seller of an app (app stores put the developer here). */
  author?: string;
  category?: string;
  hasOffer: boolean;
  /** The first offer's price (or lowest price), as written: `"0"`, `"29.99"`. */
  price?: string;
  /** The first offer's address: a review's offer points to another shop. */
  offerUrl?: string;
  /** `downloadUrl` / `installUrl` of an app. */
  downloadUrl?: string;
  operatingSystem?: string;
}

/** A link or button near the page's main heading, as the generic check sees it. */
export interface ControlSignal {
  /** Its text, or its label when it has none ("Add to cart", "Install", "Buy at Amazon"). Size-capped. */
  text: string;
  /** The link leads to another site. */
  offsite: boolean;
  /** `rel="sponsored"`, or an affiliate-network or redirect address (`/go/…`, `/out/…`). */
  sponsored: boolean;
  /** The link is an installer or package file (.exe, .msi, .apk, .dmg, …). */
  installer: boolean;
}

/** What the generic rule reads on sites without a rule of their own (absent for other rules). */
export interface GenericSignals {
  /** Links and buttons near the main heading, nearest first (capped). */
  controls: ControlSignal[];
  /** Package-manager commands the page shows (`choco install kav`, `winget install --id …`), capped. */
  commands: string[];
  /** `<meta name="generator">`: forum and blog engines name themselves there. */
  generator?: string;
}

/**
 * Everything the classifier needs from a page, as plain serialisable data.
 * Produced by `collectSignals` (the only DOM reader); every string is size-capped.
 */
export interface PageSignals {
  url: string;
  title: string;
  /** `og:title`, `og:type`, `og:site_name`, `product:brand`, `twitter:title`, … (lowercase keys). */
  meta: Record<string, string>;
  h1: string;
  /** Products, apps and other schema.org things with a name. */
  items: StructuredItem[];
  /** Every schema.org type seen on the page (e.g. `NewsArticle`, `BreadcrumbList`). */
  pageTypes: string[];
  breadcrumbs: string[];
  /**
   * False when the cheap pass found no mention of Kaspersky anywhere it looks (title, h1, Open Graph
   * title, the site's product title and brand, the URL): the rest was not read. Absent means true.
   */
  relevant?: boolean;
  /** Values read with the site rule's own selectors (absent when the rule has none). */
  site: {
    productTitle?: string;
    brand?: string;
    hasBuyControl?: boolean;
    hasDownloadControl?: boolean;
    /** The rule's `free` marker matched: the product is offered at no charge (price 0, a Get or Install button). */
    free?: boolean;
  };
  /** Read only for the generic rule, once the page names Kaspersky. */
  generic?: GenericSignals;
}

/** A listing tile as the signal reader saw it: its index in the page and its title text. */
export interface TileSignal {
  index: number;
  title: string;
  /** The tile's whole text (byline, format, price), size-capped; tells a paperback from software. */
  detail?: string;
}

/** The classifier's answer, with the reasons a person can read. */
export interface Classification {
  verdict: Verdict;
  /** The product the page is about, as the page names it (trimmed). */
  product?: string;
  category?: ExemptCategory;
  /** The rule that decided (its id equals its file name). */
  ruleId?: string;
  /** Short machine-readable reasons, e.g. `site:amazon`, `product-title`, `brand:kaspersky`. */
  reasons: string[];
  /** True when the page is a listing (search results, category): tiles, not the page, get marked. */
  listing?: boolean;
}

/** How a site's pages are laid out; pure data, one site per file under `site-rules/`. */
export interface SiteRule {
  /** Kebab-case id, equal to the file name. */
  id: string;
  /** Display name ("Amazon"). */
  name: string;
  /** Host names or suffixes (`amazon.com` covers `www.amazon.com`). Lowercase, no protocol. */
  hosts: string[];
  /**
   * `vendor`: Kaspersky's own sites (paths decide);
   * `store`: retailers, marketplaces, resellers (a Kaspersky product page is a purchase page);
   * `download`: download portals and app stores (a Kaspersky product page is a download page);
   * `generic`: the one rule for sites without their own (`GENERIC_RULE`): it has no hosts, and the
   * page's own product data and controls decide (`classify-generic.ts`).
   */
  role: 'vendor' | 'store' | 'download' | 'generic';
  /** Path+query patterns of product (detail) pages. */
  productPaths?: RegExp[];
  /** Path+query patterns of listing pages: search results, categories. */
  listingPaths?: RegExp[];
  /**
   * Optional: strings of which every listing path contains at least one (case-sensitive), such as `/s` for
   * Amazon's `/s?k=…`. `onListingPath` turns away a path containing none of them before any listing pattern
   * runs, so most pages of the site never compile the patterns (tests/components/core/site-rules checks
   * that every path the patterns match contains one).
   */
  listingPathsContain?: string[];
  /** Path patterns that are never flagged on this site (news, reviews, support, help). */
  ignorePaths?: RegExp[];
  /**
   * Vendor sites only: first matching pattern decides the verdict of a path.
   * Unmatched vendor paths are `none`.
   */
  vendorPaths?: Array<{ path: RegExp; verdict: Verdict; category?: ExemptCategory }>;
  /**
   * Stores only: how the site says a product costs nothing. When the text of an element matching `selector`
   * matches `text`, a Kaspersky product page is a `download` (getting a free app), not a `purchase`.
   * The first 20 elements are read, each up to 200 000 characters; `text` must run in linear time.
   */
  free?: { selector: string; text: RegExp };
  /**
   * Words this site uses, in its other languages, for books, e-books and other media ("Taschenbuch", "Broché",
   * "単行本", a "Bücher" breadcrumb): a subject, breadcrumb or listing tile that matches is not software.
   * The English words are the classifier's own; this keeps the other languages in the one rule that needs them.
   */
  mediaWords?: RegExp;
  /**
   * `false` for a site whose pages carry no schema.org data (JSON-LD, microdata) and name their product in their
   * own markup: the page check then skips the walk of the whole document that looks for it (about 1 ms on a large page).
   */
  structuredData?: false;
  /** CSS selectors for this site's own markup. */
  selectors?: {
    productTitle?: string;
    brand?: string;
    buy?: string;
    download?: string;
    breadcrumbs?: string;
    /** A product tile on listing pages, and the title inside it. */
    tile?: string;
    tileTitle?: string;
  };
}

/**
 * What a page needs of its rule: the manifest already picked the rule by host, so the host list
 * and display name stay out of the page (the popup and the search script use the full table).
 */
export type PageRule = Omit<SiteRule, 'hosts' | 'name'>;
