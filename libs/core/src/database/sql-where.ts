// Builds a WHERE clause from optional filters with numbered parameters, so
// that list queries never interpolate a value into SQL. `?` in a condition
// stands for the value just added (every `?` in it, when it appears twice).
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds `sql` with `value` as its parameter, unless value is undefined, null or ''. */
  add(sql: string, value: unknown): this {
    if (value === undefined || value === null || value === '') return this;
    this.params.push(value);
    this.conditions.push(sql.replace(/\?/g, `$${this.params.length}`));
    return this;
  }

  /**
   * The organization scope of AccessService: null means every organization. One organization (an OPD
   * without sub-units) is an equality, which the planner uses as one (an index range in list order,
   * decision 0064); `= ANY(array)` of one element is not.
   */
  scope(column: string, organizationIds: string[] | null): this {
    if (organizationIds === null) return this;
    return organizationIds.length === 1 ? this.add(`${column} = ?::uuid`, organizationIds[0]) : this.add(`${column} = ANY(?::uuid[])`, organizationIds);
  }

  get clause(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** `LIMIT $n OFFSET $n+1` and the parameters with them. */
  page(limit: number, offset: number): { sql: string; params: unknown[] } {
    const n = this.params.length;
    return { sql: `LIMIT $${n + 1} OFFSET $${n + 2}`, params: [...this.params, limit, offset] };
  }
}
