// Every piece of UI copy, in Simplified Chinese, split by area (zh-CN/) so that an island's
// bundle carries only the strings it shows. An English catalogue can follow with the same keys.
import { bargain } from "./zh-CN/bargain";
import { checkin } from "./zh-CN/checkin";
import { checkout } from "./zh-CN/checkout";
import { common } from "./zh-CN/common";
import { group, groupLive } from "./zh-CN/group";
import { login } from "./zh-CN/login";
import { promote } from "./zh-CN/promote";

export const zhCN = { ...common, ...checkin, ...login, ...bargain, ...promote, ...checkout, ...groupLive, ...group };

export type Strings = typeof zhCN;
