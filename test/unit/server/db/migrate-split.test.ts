import { describe, expect, it } from "vitest";
import { splitStatements } from "../../../../server/db/migrate";
import { MIGRATIONS } from "../../../../server/db/migrations";

describe("splitStatements", () => {
  it("splits at semicolons that end a line, but not inside a dollar-quoted body", () => {
    const sql = `create table a (id int);
create function f() returns trigger language plpgsql as $$
begin
  insert into a values (1);
  return null;
end
$$;
create function g() returns int language sql as $$ select 1; $$;
alter table a add column b text;`;
    expect(splitStatements(sql)).toEqual([
      "create table a (id int)",
      "create function f() returns trigger language plpgsql as $$\nbegin\n  insert into a values (1);\n  return null;\nend\n$$",
      "create function g() returns int language sql as $$ select 1; $$",
      "alter table a add column b text",
    ]);
  });

  it("leaves no migration with an unterminated body", () => {
    for (const migration of MIGRATIONS) {
      for (const statement of splitStatements(migration.sql)) {
        expect((statement.match(/\$\$/g)?.length ?? 0) % 2, migration.id).toBe(0);
      }
    }
  });
});
