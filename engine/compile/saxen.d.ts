// Types for the part of saxen's API the namespace check uses (the package ships none).
declare module 'saxen' {
  /** Where the parser is: 0-based line and column, and the raw text of the current token. */
  export interface SaxContext {
    line: number;
    column: number;
    data: string;
  }

  /** An element as the parser reports it in proxy mode (valid only during the callback). */
  export interface SaxElement {
    /** The name with its prefix normalised through `ns()`. */
    readonly name: string;
    /** The name as written in the document. */
    readonly originalName: string;
    /** The attributes, entities not decoded. */
    readonly attrs: Record<string, string>;
    /** The namespace scope: `prefix` -> normalised prefix and `prefix$uri` -> namespace URI (`xmlns$uri`: the default namespace). */
    readonly ns: Record<string, string | undefined>;
  }

  type GetContext = () => SaxContext;

  /** A non-validating, streaming XML parser. */
  export class Parser {
    constructor(options?: { proxy?: boolean });
    /** Turns on namespace processing, exposing each given URI under the given prefix. */
    ns(uriToPrefix?: Record<string, string>): this;
    on(event: 'openTag', handler: (element: SaxElement, decode: (text: string) => string, selfClosing: boolean, getContext: GetContext) => void): this;
    on(event: 'closeTag', handler: (element: SaxElement, decode: (text: string) => string, selfClosing: boolean, getContext: GetContext) => void): this;
    on(event: 'question', handler: (text: string, getContext: GetContext) => void): this;
    on(event: 'error' | 'warn', handler: (error: Error, getContext: GetContext) => void): this;
    /** Parses the whole text, calling the handlers; `stop()` from a handler ends it early. */
    parse(xml: string): Error | null | undefined;
    stop(): void;
  }
}
