// The strings the pages use; one catalogue today.
import { zhCN } from "./zh-CN";
import { zhCNAdmin } from "./zh-CN-admin";

export const t = zhCN;
/** The admin pages' strings (only the admin bundle carries them). */
export const ta = zhCNAdmin;
export const LANG = "zh-CN";
