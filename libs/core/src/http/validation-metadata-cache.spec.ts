import { IsInt, IsOptional, IsString, Max, MaxLength, Min, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class PageQuery {
  @IsOptional() @IsInt() @Min(1) page?: number;
}

class LineQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(6) accountCode?: string;
}

const errorsOf = (o: object) => validateSync(o, { whitelist: true, forbidNonWhitelisted: true }).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).sort().join(',')}`).sort();

function lineQuery(v: Record<string, unknown>): LineQuery {
  return Object.assign(new LineQuery(), v);
}

describe('cached class-validator rule lookups', () => {
  it('validate as before, inherited rules included, and see rules of classes declared afterwards', () => {
    const cases = [{ page: 1, accountCode: '5.1.02' }, { page: 0, accountCode: '5.1.02.01.0001' }, { page: 'x' }, { other: 1 }];
    const before = cases.map((c) => errorsOf(lineQuery(c)));
    expect(before[1]).toEqual(['accountCode:maxLength', 'page:min']);
    cacheValidationMetadata();
    cacheValidationMetadata(); // once
    expect(cases.map((c) => errorsOf(lineQuery(c)))).toEqual(before);
    expect(cases.map((c) => errorsOf(lineQuery(c)))).toEqual(before);

    class Later extends LineQuery {
      @IsOptional() @IsInt() @Max(10) limit?: number;
    }
    expect(errorsOf(Object.assign(new Later(), { page: 0, limit: 11 }))).toEqual(['limit:max', 'page:min']);
    expect(errorsOf(lineQuery({ limit: 11 }))).toEqual(['limit:whitelistValidation']);
  });
});
