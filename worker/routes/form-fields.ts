// A page form's fields as strings: what a browser posts without JavaScript
// (application/x-www-form-urlencoded or multipart/form-data); files and repeated names are dropped.
import type { Context } from "hono";
import type { AppEnv } from "../app-env";

export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => ({}));
  return Object.fromEntries(
    Object.entries(body).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])),
  );
}
