import { ProblemDetailsFilter } from './problem-details.filter';

// A body whose Content-Encoding does not match its bytes reaches the filter as an untyped
// http-error from the body parser: it was answered 500.
describe('problem details of a body not encoded as declared', () => {
  const filter = new ProblemDetailsFilter();

  it('answers a body that is not the gzip its Content-Encoding declares with 400 naming Content-Encoding', () => {
    // what body-parser passes on: http-errors' createError(400, zlibError)
    const zlib = Object.assign(new Error('incorrect header check'), { errno: -3, code: 'Z_DATA_ERROR', status: 400, statusCode: 400, expose: true });
    const p = filter.toProblem(zlib);
    expect(p).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'Content-Encoding' }] });
    expect(p.detail).toContain('incorrect header check');
  });

  it('still answers 500 for an error that says nothing of the client', () => {
    expect(filter.toProblem(new Error('boom')).status).toBe(500);
    expect(filter.toProblem(Object.assign(new Error('hidden'), { status: 400, expose: false })).status).toBe(500);
  });
});
