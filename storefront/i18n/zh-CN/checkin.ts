// UI copy in Simplified Chinese: the check-in page (签到领现金). Islands import only the parts they show.
export const checkin = {
  /** From the schedule itself, whichever way it runs: its numbers, not a promise about them. */
  checkinIntro: (firstDay: string, days: number, total: string) =>
    `每天签到领现金：第 1 天领 ${firstDay}，连续签到 ${days} 天共领 ${total}；断签一天从第 1 天重新开始`,
  checkinStreak: (days: number) => `已连续签到 ${days} 天`,
  checkinBalance: "现金余额",
  checkinWeek: "本周签到",
  weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  checkinToday: "今天",
  checkinMissed: "未签",
  checkinButton: (amount: string) => `签到领 ${amount}`,
  checkinBusy: "签到中…",
  checkinDoneToday: "今日已签到",
  checkinCredited: (amount: string) => `+${amount}`,
  checkinCreditedNote: "已存入现金余额，下单直接抵扣",
  checkinComeBack: (amount: string) => `明天接着签到，可领 ${amount}`,
  checkinFailed: "签到没有成功，请稍后再试",
  checkinSchedule: "签到奖励",
  checkinStreakDay: (day: number) => `第${day}天`,
  checkinSignInPrompt: "登录后即可签到领现金",
  checkinSignIn: "登录 / 注册",
  balanceBuys: "余额能买",
  balanceAfterCheckin: (amount: string) => `签到后余额 ${amount}。`,
  balanceCoversAll: "余额可全额抵扣，0 元带走：",
  balanceCoversPart: (amount: string, title: string, percent: number) =>
    `余额可抵扣「${title}」${amount}（${percent}%）`,
  balanceNote: "签到现金下单直接抵扣，最多可抵商品金额的 100%",
} as const;
