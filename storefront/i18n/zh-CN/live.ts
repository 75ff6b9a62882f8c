// The few words the product page's small live islands show (the countdown, the stock left, the share
// button): their own module, so those islands fetch a few bytes of strings rather than common.ts.
export const live = {
  ended: "已结束",
  stockLeft: (n: number) => `仅剩 ${n} 件`,
  soldOut: "已售罄",
  share: "分享赚佣金",
  shareCopied: "链接已复制，去群里分享吧",
} as const;
