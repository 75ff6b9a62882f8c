// UI copy in Simplified Chinese: group buying (拼团), 我的拼团 and the clearance zone (品牌清仓). Islands import only the parts they show.
/** The few a product page's list of groups to join shows: its island carries these only. */
export const groupLive = {
  groupOpenList: "正在拼单，可直接参与",
  groupGo: "去拼单",
  groupSeatsLeft: (n: number) => `还差 ${n} 人`,
  groupEndsIn: "剩余",
} as const;

/** The rest, for pages (no spread of groupLive here: a spread would keep this object in the island's bundle). */
export const group = {
  groupSize: (n: number) => `${n}人团`,
  groupBuyAlone: "单独购买",
  groupOpen: "发起拼团",
  groupJoin: (price: string) => `参与拼团 ${price}`,
  groupInvite: "邀请好友参团",
  groupLeader: "团长",
  groupUnpaid: "待支付",
  groupEmptySeat: "待加入",
  groupStoreSeat: "小店补位",
  groupBy: (leader: string) => `${leader} 的拼团`,
  groupPending: "团长支付后开团，快去付款吧",
  groupPendingFriend: "这个团还没开，等团长付款",
  groupOpenNote: (n: number) => `还差 ${n} 人拼成，邀请好友一起买`,
  groupFullWaiting: "已满员，等待团员支付",
  groupSucceeded: "拼团成功！商家将尽快发货",
  groupFailed: "拼团失败，已支付的款项已自动原路退回",
  groupYouAreIn: "你已在团里，分享给好友一起拼",
  groupOtherGroups: "看看其他团",
  groupNotFound: "拼团不存在",
  groupOgTitle: (seats: number, price: string, title: string) =>
    seats > 0 ? `【还差${seats}人】${price} 拼 ${title}` : `${price} 拼 ${title}`,
  groupOgDescription: (leader: string, size: number, price: string) =>
    `${leader} 发起了${size}人团，${price} 一起买，点开参团`,
  groupStatus: { pending: "待开团", open: "拼团中", succeeded: "拼团成功", failed: "拼团失败" },
  groupListEmpty: "还没有拼团，挑一件拼团商品，叫上好友一起买更便宜",
  navGroups: "我的拼团",
  groupCheckoutOpen: (size: number) => `发起${size}人团，支付后开团，邀请好友参团`,
  groupCheckoutJoin: "参与拼团，支付后占座",
  clearanceTitle: "品牌清仓",
  clearanceIntro: "品牌好货清库存，低至冰点价，卖完即止",
  clearanceEmpty: "清仓专区暂时没有商品",
  clearanceOff: (bp: number) => `${(Math.round((10_000 - bp) / 100) / 10).toFixed(1).replace(/\.0$/, "")}折`,
  clearanceStock: (n: number) => (n === 0 ? "已售罄" : n <= 20 ? `仅剩 ${n} 件` : `库存 ${n} 件`),
} as const;
