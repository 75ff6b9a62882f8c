// The strings the pages use; one catalogue today.
import { zhCN } from "./zh-CN";

export const t = zhCN;
export const LANG = "zh-CN";
