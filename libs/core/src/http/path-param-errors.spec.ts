import { pathParamErrors } from './problem-details.filter';

describe('the path parameters a parse pipe refused', () => {
  it('names each parameter that does not have the expected shape', () => {
    expect(pathParamErrors('Validation failed (uuid is expected)', { id: 'not-a-uuid' })).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    expect(pathParamErrors('Validation failed (uuid is expected)', { id: '0b7f7c3e-2f7a-4c59-9d0f-4f1b2f0c9a11', itemId: 'x' })).toEqual([{ field: 'itemId', message: 'must be a UUID' }]);
    expect(pathParamErrors('Validation failed (numeric string is expected)', { fiscalYear: '2026', month: 'march' })).toEqual([{ field: 'month', message: 'must be a whole number' }]);
  });

  it('names nothing for any other refusal', () => {
    expect(pathParamErrors('invalid request: amount: …', { id: 'x' })).toEqual([]);
    expect(pathParamErrors('Validation failed (enum is expected)', { kind: 'x' })).toEqual([]);
  });
});
