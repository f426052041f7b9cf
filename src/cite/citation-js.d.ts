/**
 * Types for the parts of Citation.js (0.8) that src/cite uses; the packages ship none.
 * Only what is declared here is relied on, so an upgrade that changes it shows up in one place.
 */
declare module '@citation-js/core' {
  /** citation-js's key-value store for styles and locales (`util.Register`). */
  export interface Register<T> {
    add(name: string, value: T): this;
    set(name: string, value: T): this;
    get(name: string): T | undefined;
    has(name: string): boolean;
    remove(name: string): this;
  }

  /** Configuration of @citation-js/plugin-csl, `plugins.config.get('@csl')`. */
  export interface CslPluginConfig {
    /** CSL style XML by template name (`apa`, `vancouver`, `harvard1` built in). */
    readonly styles: Register<string>;
    /** CSL locale XML by language tag. */
    readonly locales: Register<string>;
  }

  /** A CSL cite item: which entry, and where in it. */
  export interface CiteItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }

  export interface CslOutputOptions {
    /** Output dictionary: 'text', 'html' or 'rtf'. */
    format?: 'text' | 'html' | 'rtf';
    /** Registered CSL style name. */
    template?: string;
    lang?: string;
    /** bibliography: entries to include; citation: the cite items of the one citation. */
    entry?: string | readonly string[] | readonly CiteItem[];
    /** bibliography: return `[id, entry][]` instead of one string. */
    asEntryArray?: boolean;
    nosort?: boolean;
  }

  export const plugins: {
    config: {
      get(name: '@csl'): CslPluginConfig;
      get(name: string): unknown;
    };
    input: {
      util: {
        /** Normalises CSL-JSON; with best-guess conversions it parses string names into family/given. */
        clean(data: readonly object[], bestGuessConversions?: boolean): Record<string, unknown>[];
      };
      /** Parses any registered input format (BibTeX with plugin-bibtex, CSL-JSON…) to CSL-JSON. */
      chain(data: unknown, options?: { generateGraph?: boolean }): Record<string, unknown>[];
    };
    output: {
      format(
        name: 'bibliography',
        data: readonly object[],
        options: CslOutputOptions & { asEntryArray: true },
      ): Array<[string, string]>;
      format(name: 'bibliography' | 'citation', data: readonly object[], options: CslOutputOptions): string;
      format(name: 'bibtex' | 'biblatex', data: readonly object[], options?: { format?: 'text' }): string;
      has(name: string): boolean;
    };
  };

  export const version: string;
}

/** Registers the '@csl' plugin (bibliography and citation output) on @citation-js/core. */
declare module '@citation-js/plugin-csl' {}

/** Registers the '@bibtex' plugin (bibtex and biblatex output) on @citation-js/core. */
declare module '@citation-js/plugin-bibtex' {}
