// The store's settings (attribution window, commission defaults, check-in schedule, time zone…).
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../../db/client";
import { getSettings, saveSettings } from "../../db/settings";
import { adminOnly } from "../middleware/admin-only";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { settingsPatchBody, settingsResponse } from "../schemas/admin";

const router = createRouter();
router.use("/admin/*", adminOnly);

export const adminSettingsRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/settings",
      responses: { 200: json(settingsResponse, "Every setting, defaults filled in"), ...errors(401, 403) },
    }),
    async (c) => {
      return c.json({ settings: await getSettings(getDb(c.env.DB)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/admin/settings",
      request: jsonBody(settingsPatchBody),
      responses: { 200: json(settingsResponse, "The settings after the change"), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      await saveSettings(db, c.req.valid("json"));
      return c.json({ settings: await getSettings(db) }, 200);
    },
  );
