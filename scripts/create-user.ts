/**
 * Create a user from the command line, e.g. the first admin of a new installation:
 *
 *   npm run user:create -- --email ana@example.com --role admin [--name "Ana Ruiz"] [--password ...]
 *
 * Without --password a strong one is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { databaseUrl } from "../lib/database-url.ts";
import { createDb } from "../lib/server/db.ts";
import { createUser } from "../lib/server/users/commands.ts";
import { newUserSchema } from "../lib/validation/users.ts";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "operator" },
      name: { type: "string" },
      password: { type: "string" },
    },
  });
  const password = values.password ?? randomBytes(15).toString("base64url");
  const parsed = newUserSchema.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split("@")[0],
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`--${issue.path.join(".")}: ${issue.message}`);
    console.error(
      'usage: npm run user:create -- --email ana@example.com --role admin [--name "Ana Ruiz"] [--password ...]',
    );
    process.exit(2);
  }
  const db = createDb(databaseUrl());
  try {
    const result = await createUser(
      db,
      { type: "system", label: "command line" },
      parsed.data,
      new Date(),
    );
    if (!result.ok) {
      console.error(result.error.message);
      process.exit(1);
    }
    console.log(`Created ${parsed.data.role} ${parsed.data.email}.`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
