// The device class of a visit, from the User-Agents shoppers in chat apps actually send.
import { describe, expect, it } from "vitest";
import { deviceClass } from "../../core/rules/device-class";

const UA = {
  wechatIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
  wechatAndroid:
    "Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110017 MMWEBSDK/20231202 MicroMessenger/8.0.42.2460(0x28002A35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
  harmonyPhone:
    "Mozilla/5.0 (Phone; OpenHarmony 5.0; HarmonyOS 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile",
  harmonyTablet:
    "Mozilla/5.0 (Tablet; OpenHarmony 5.0; HarmonyOS 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1",
  ipad: "Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1",
  androidTablet:
    "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
  kindle:
    "Mozilla/5.0 (Linux; U; Android 4.0.3; en-us; KFTT Build/IML74K) AppleWebKit/537.36 (KHTML, like Gecko) Silk/3.68 like Chrome/39.0.2171.93 Safari/537.36",
  androidPhoneChrome:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36",
  macSafari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  windowsChrome:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
  windowsTabletPc: "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0; Tablet PC 2.0)",
  wechatWindows:
    "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/9129",
  linuxFirefox: "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
};

describe("device class of a visit", () => {
  it.each([
    ["WeChat on an iPhone", UA.wechatIphone],
    ["WeChat on an Android phone", UA.wechatAndroid],
    ["a HarmonyOS phone", UA.harmonyPhone],
    ["Chrome on an Android phone", UA.androidPhoneChrome],
  ])("%s is mobile", (_, ua) => {
    expect(deviceClass(ua)).toBe("mobile");
  });

  it.each([
    ["an iPad that still says iPad", UA.ipad],
    ["an Android tablet (no Mobile token)", UA.androidTablet],
    ["a HarmonyOS tablet", UA.harmonyTablet],
    ["a Kindle Fire", UA.kindle],
  ])("%s is a tablet", (_, ua) => {
    expect(deviceClass(ua)).toBe("tablet");
  });

  it.each([
    ["Safari on a Mac (and iPadOS 13+, which looks the same)", UA.macSafari],
    ["Chrome on Windows", UA.windowsChrome],
    ["an old Windows Tablet PC, a laptop in practice", UA.windowsTabletPc],
    ["WeChat for Windows", UA.wechatWindows],
    ["Firefox on Linux", UA.linuxFirefox],
  ])("%s is desktop", (_, ua) => {
    expect(deviceClass(ua)).toBe("desktop");
  });

  it("a missing or empty User-Agent counts as desktop", () => {
    expect(deviceClass(undefined)).toBe("desktop");
    expect(deviceClass(null)).toBe("desktop");
    expect(deviceClass("")).toBe("desktop");
  });
});
