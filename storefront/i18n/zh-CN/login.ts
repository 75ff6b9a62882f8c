// UI copy in Simplified Chinese: signing in and up. Islands import only the parts they show.
export const login = {
  loginTitle: "登录",
  signupTitle: "注册",
  loginPhone: "手机号",
  loginPassword: "密码",
  loginPasswordHint: "至少 8 位",
  loginNickname: "昵称（选填）",
  loginSubmit: "登录",
  signupSubmit: "注册并登录",
  loginBusy: "请稍候…",
  loginToSignup: "还没有账号？立即注册",
  loginToLogin: "已有账号？去登录",
  loginErrors: {
    bad_credentials: "手机号或密码错误",
    phone_taken: "该手机号已注册，请直接登录",
    too_many_attempts: "尝试次数过多，请 15 分钟后再试",
    too_many_requests: "操作太频繁，请一分钟后再试",
    invalid_input: "请输入 11 位手机号和至少 8 位密码",
  } as Record<string, string>,
  loginFailed: "出错了，请稍后再试",
} as const;
