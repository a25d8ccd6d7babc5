// Cheap scanners that see the text before the parsers do, so hostile input is stopped while it is
// still small: a single literal, IRI or token that never ends (the parsers buffer it whole), and
// XML entity declarations (the RDF/XML parser would register and expand them).

/** What a guard found: nothing, or the reason to stop. */
export type GuardVerdict = undefined | 'literal_too_long' | 'xml_entities';

const enum State {
  Normal,
  Open,
  Short,
  Long,
  Iri,
  Comment,
}

/** Tracks Turtle / N-Triples lexical state across chunks and measures every literal, IRI and bare token. */
export class TurtleGuard {
  private state = State.Normal;
  private quote = '';
  private quotes = 0;
  private escaped = false;
  private run = 0;

  constructor(private readonly limit: number) {}

  check(chunk: string): GuardVerdict {
    const limit = this.limit;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      switch (this.state) {
        case State.Normal:
          if (c === '"' || c === "'") {
            this.state = State.Open;
            this.quote = c;
            this.quotes = 1;
            this.run = 0;
          } else if (c === '<') {
            this.state = State.Iri;
            this.run = 0;
          } else if (c === '#') {
            this.state = State.Comment;
          } else if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === ';' || c === ',' || c === '.') {
            this.run = 0;
          } else if (++this.run > limit) {
            return 'literal_too_long';
          }
          break;
        case State.Open:
          if (c === this.quote) {
            this.quotes += 1;
            if (this.quotes === 3) {
              this.state = State.Long;
              this.quotes = 0;
            }
          } else if (this.quotes === 2) {
            // An empty short string: back to normal and look at this character again.
            this.state = State.Normal;
            this.run = 0;
            i -= 1;
          } else {
            this.state = State.Short;
            i -= 1;
          }
          break;
        case State.Short:
          if (this.escaped) this.escaped = false;
          else if (c === '\\') this.escaped = true;
          else if (c === this.quote || c === '\n' || c === '\r') {
            this.state = State.Normal;
            this.run = 0;
            break;
          }
          if (++this.run > limit) return 'literal_too_long';
          break;
        case State.Long:
          if (this.escaped) this.escaped = false;
          else if (c === '\\') this.escaped = true;
          else if (c === this.quote) {
            this.quotes += 1;
            if (this.quotes === 3) {
              this.state = State.Normal;
              this.quotes = 0;
              this.run = 0;
              break;
            }
          } else this.quotes = 0;
          if (++this.run > limit) return 'literal_too_long';
          break;
        case State.Iri:
          if (c === '>' || c === '\n') {
            this.state = State.Normal;
            this.run = 0;
          } else if (++this.run > limit) return 'literal_too_long';
          break;
        case State.Comment:
          if (c === '\n' || c === '\r') this.state = State.Normal;
          break;
      }
    }
    return undefined;
  }
}

/** Refuses XML entity declarations and bounds every run of text between two markup characters. */
export class XmlGuard {
  private tail = '';
  private run = 0;

  constructor(private readonly limit: number) {}

  check(chunk: string): GuardVerdict {
    const window = this.tail + chunk;
    if (window.includes('<!ENTITY')) return 'xml_entities';
    this.tail = window.slice(-8);
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 60 || c === 62) this.run = 0;
      else if (++this.run > this.limit) return 'literal_too_long';
    }
    return undefined;
  }
}
