import type { Database } from "@quarry/db/client";

/** The workspace with this id, for commands that name one by `--workspace`. */
export async function findWorkspace(db: Database, id: string) {
  return db.selectFrom("workspaces").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}
