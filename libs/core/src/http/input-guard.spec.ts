import fc from 'fast-check';
import { assertBodyShape, assertJsonTextShape, BodyShapeLimits } from './input-guard';

const small: BodyShapeLimits = { maxDepth: 3, maxKeysPerObject: 3, maxArrayLength: 3, maxTotalNodes: 1_000_000 };
const verdict = (fn: () => void): string => { try { fn(); return 'ok'; } catch (e) { return (e as { errors?: { field: string; message: string }[] }).errors?.[0]?.message ?? 'error'; } };
const safeKey = fc.string({ maxLength: 4 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k) && !k.includes('\u0000'));

describe('body shape limits', () => {
  it('refuses exactly the same bodies from the raw text as from the parsed value', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 5 }).filter((s) => !s.includes('\u0000')), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(safeKey, tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(fc.property(json, (v) => {
      const text = Buffer.from(JSON.stringify(v));
      // the reason may differ (the text is read left to right, the value container first), the verdict may not
      expect(verdict(() => assertJsonTextShape(text, small)) === 'ok').toBe(verdict(() => assertBodyShape(v, small)) === 'ok');
    }), { numRuns: 2000 });
  });

  it('walks 10,000 levels without recursion and names the path', () => {
    const deep = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(() => assertJsonTextShape(Buffer.from(deep))).toThrow(/nested deeper than 32 levels/);
    expect(() => assertBodyShape(JSON.parse(deep))).toThrow(/nested deeper than 32 levels/);
  });
});
