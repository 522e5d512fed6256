import { MigrationInterface, QueryRunner } from 'typeorm';

// API.md registers a vendor with `{ name, npwp, bankName, bankAccount }`: its
// business qualification (SMALL, MEDIUM, LARGE) may be unknown when it is
// registered. NULL says "not declared"; such a vendor gets the advance limit
// of a non-small vendor (docs/decisions/0115). The taxes of a contract never
// read this column (they follow the construction certificates, decision 0410).
export class VendorQualificationOptional1764307000000 implements MigrationInterface {
  name = 'VendorQualificationOptional1764307000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE vendors ALTER COLUMN qualification DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE vendors SET qualification = 'MEDIUM' WHERE qualification IS NULL`);
    await q.query(`ALTER TABLE vendors ALTER COLUMN qualification SET NOT NULL`);
  }
}
