import fc from 'fast-check';
import { assertBodyShape, assertJsonTextShape, BodyShapeLimits, JsonShapeScanner } from './input-guard';

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

  it('gives the same verdict and names the same field whatever the chunks the text arrives in', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 6 }).filter((s) => !s.includes('\u0000')), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(fc.oneof(safeKey, fc.constantFrom('a"b', 'é\\', 'ключ')), tie('value'), { maxKeys: 5 }),
    })).value;
    const detail = (fn: () => void): string => { try { fn(); return 'ok'; } catch (e) { return (e as Error).message; } };
    fc.assert(fc.property(json, fc.array(fc.nat(), { maxLength: 8 }), (v, cuts) => {
      const text = Buffer.from(JSON.stringify(v));
      const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...at].map((from, k) => text.subarray(from, k < at.length ? at[k] : text.length));
      const whole = detail(() => assertJsonTextShape(text, small));
      expect(detail(() => { const s = new JsonShapeScanner(small); for (const c of chunks) s.push(c); })).toBe(whole);
    }), { numRuns: 2000 });
  });

  it('splits an escape or a multi-byte key between chunks without losing the key', () => {
    const text = Buffer.from('{"a\\"b":1,"ключ":{"x":[1,2,3,4]}}');
    const expected = /ключ.x has more than 3 elements/;
    expect(() => assertJsonTextShape(text, small)).toThrow(expected);
    for (let cut = 1; cut < text.length; cut++) {
      const s = new JsonShapeScanner(small);
      expect(() => { s.push(text.subarray(0, cut)); s.push(text.subarray(cut)); }).toThrow(expected);
    }
  });
});

describe('unpaired surrogates', () => {
  const codeOf = (fn: () => void): string => { try { fn(); return 'ok'; } catch (e) { return `${(e as { code: string }).code} ${(e as { errors: { field: string }[] }).errors[0].field}`; } };

  it('refuses half a surrogate pair in a value or a key, naming the field, and lets whole pairs through', () => {
    expect(codeOf(() => assertBodyShape(JSON.parse('{"payee":{"name":"a\\ud800b"}}')))).toBe('INVALID_UNICODE payee.name');
    expect(codeOf(() => assertBodyShape(JSON.parse('{"items":["ok","\\udc00"]}')))).toBe('INVALID_UNICODE items[1]');
    expect(codeOf(() => assertBodyShape(JSON.parse('{"x\\ud83d":1}')))).toBe('INVALID_UNICODE x\uFFFD');
    expect(codeOf(() => assertBodyShape(JSON.parse('{"name":"Warung \\ud83d\\ude00 Sate","tail":"\\ud83d\\ude00"}')))).toBe('ok');
  });

  it('refuses a string exactly when it is not well-formed UTF-16', () => {
    // UTF-16 code units, half of them surrogates, so that pairs, halves and plain characters all come up
    const unit = fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 1, max: 0xffff }));
    fc.assert(fc.property(fc.array(unit, { maxLength: 8 }).map((units) => String.fromCharCode(...units)), (s) => {
      const wellFormed = Buffer.from(s, 'utf8').toString('utf8') === s;
      expect(codeOf(() => assertBodyShape({ v: s })) === 'ok').toBe(wellFormed);
    }), { seed: 521, numRuns: 2000 });
  });
});
