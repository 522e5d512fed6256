import { Client } from 'pg';

/**
 * Every statement the pg driver sends in this process, with the connection
 * that sent it, while installed (the API of a test app runs in the test's
 * process). Counting them is how the money path's and the list pages' round
 * trips are held to a number (issue 11).
 */
export class StatementLog {
  readonly sent: { client: unknown; text: string; named?: boolean; params: unknown[] }[] = [];
  private readonly original = Client.prototype.query;

  install(): this {
    const sent = this.sent;
    const original = this.original as (...a: unknown[]) => unknown;
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string; name?: string };
      const params = (typeof q === 'object' ? (q as { values?: unknown[] })?.values : args[1]) as unknown[] | undefined;
      sent.push({ client: this, text: (typeof q === 'string' ? q : q?.text ?? '').replace(/\s+/g, ' ').trim(), named: typeof q === 'object' && !!q?.name, params: Array.isArray(params) ? params : [] });
      return original.apply(this, args);
    };
    return this;
  }

  uninstall(): void {
    Client.prototype.query = this.original;
  }

  clear(): void {
    this.sent.length = 0;
  }

  /** The statements of the transaction that sent a statement matching `re`, from BEGIN to COMMIT. */
  transactionOf(re: RegExp): string[] {
    return this.transactionEntriesOf(re).map((s) => s.text);
  }

  /** The same statements, each with whether it went as a named (prepared) statement (decision 0027). */
  transactionEntriesOf(re: RegExp): { text: string; named: boolean }[] {
    const writer = this.sent.find((s) => re.test(s.text))?.client;
    if (!writer) return [];
    const mine = this.sent.filter((s) => s.client === writer).map((s) => ({ text: s.text, named: s.named === true }));
    const from = mine.findIndex((s) => /^(START TRANSACTION|BEGIN)/.test(s.text));
    const to = mine.findIndex((s, i) => i > from && s.text === 'COMMIT');
    return mine.slice(from, to + 1);
  }
}
