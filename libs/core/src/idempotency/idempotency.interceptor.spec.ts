import { JsonText } from '../http/json-text';
import { answerOf } from './idempotency.interceptor';

describe('answerOf (the answer of a stored idempotent response)', () => {
  it('sends the stored text as it is, without a second serialization', () => {
    const text = '{"id":"a","gross":"1500000.00","lines":[{"amount":"1500000.00"}]}';
    const answer = answerOf(text);
    expect(answer).toBeInstanceOf(JsonText);
    expect(answer!.text).toBe(text);
    expect(JSON.stringify(answer)).toBe(text);
  });

  it('keeps an empty body empty', () => {
    expect(answerOf(null)).toBeNull();
    expect(answerOf('null')).toBeNull();
  });
});
