// Every piece of UI copy, in Simplified Chinese, split by area (zh-CN/) so that an island's
// bundle carries only the strings it shows. An English catalogue can follow with the same keys.
import { common } from "./zh-CN/common";
import { checkin } from "./zh-CN/checkin";
import { login } from "./zh-CN/login";
import { bargain } from "./zh-CN/bargain";
import { promote } from "./zh-CN/promote";
import { checkout } from "./zh-CN/checkout";

export const zhCN = { ...common, ...checkin, ...login, ...bargain, ...promote, ...checkout };

export type Strings = typeof zhCN;
