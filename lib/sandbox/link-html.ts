// Server-rendered HTML of the hosted Link: plain forms, no JavaScript, no external resources.
// Every dynamic value goes through escapeHtml.
import { escapeHtml as e } from "./http";
import { SCENARIO_TABLE, SMS_CODE, type TLinkErrorCode } from "./scenarios";
import type { TSandboxBank } from "./banks";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef2f7;color:#1b2430;line-height:1.45}
main{max-width:440px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:14px;box-shadow:0 2px 12px rgba(20,40,80,.08);padding:24px}
.brand{display:flex;align-items:center;justify-content:space-between;margin-bottom:16px;font-weight:700;color:#1f4fd1}
.badge{font-size:.75rem;font-weight:600;background:#fff4d6;color:#7a5200;border-radius:999px;padding:2px 10px}
h1{font-size:1.3rem;margin:0 0 8px}
p{margin:0 0 12px}
label{display:block;font-weight:600;margin:14px 0 4px}
input[type=text],input[type=password]{width:100%;font-size:1rem;padding:11px 12px;border:1px solid #b8c2d0;border-radius:8px}
input:focus,button:focus{outline:3px solid #8fb0ff;outline-offset:1px}
button,input{font-family:inherit}
button{font-size:1rem;border-radius:8px;padding:11px 16px;border:1px solid transparent;cursor:pointer}
.primary{background:#1f4fd1;color:#fff;width:100%;margin-top:18px}
.secondary{background:#fff;color:#1f4fd1;border-color:#b8c2d0}
.link{background:none;color:#5a6575;text-decoration:underline;padding:8px 0}
.row{display:flex;gap:8px;justify-content:space-between;align-items:center;margin-top:12px}
.banks{list-style:none;padding:0;margin:12px 0 0;display:grid;gap:8px}
.banks button{width:100%;text-align:left;background:#f6f8fb;border-color:#d7deea;display:flex;flex-direction:column}
.banks small{color:#5a6575}
.error{background:#fdecec;border:1px solid #f3b5b5;color:#8a1c1c;border-radius:8px;padding:10px 12px;margin:0 0 12px}
.hint{font-size:.85rem;color:#5a6575}
details{margin-top:16px;font-size:.85rem}
table{border-collapse:collapse;width:100%;margin-top:8px}
th,td{text-align:left;border-top:1px solid #e3e8ef;padding:6px 4px;vertical-align:top}
code{background:#f1f3f7;border-radius:4px;padding:0 4px}
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)} · Flanks Link (sandbox)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">
<div class="brand"><span>Flanks Link</span><span class="badge">Sandbox</span></div>
${body}
</div>
<p class="hint" style="margin-top:12px;text-align:center">This is the Patrimonio sandbox imitation of the Flanks Link. No real bank is contacted.</p>
</main>
</body>
</html>`;
}

const hidden = (sessionId: string): string => `<input type="hidden" name="session" value="${e(sessionId)}">`;

const cancelForm = (action: string, sessionId: string): string =>
  `<form method="post" action="${e(action)}">${hidden(sessionId)}<button class="link" name="action" value="cancel">Cancel and go back</button></form>`;

export function bankListPage(action: string, sessionId: string, banks: readonly TSandboxBank[]): string {
  const items = banks
    .map(
      (bank) =>
        `<li><button name="bank" value="${e(bank.id)}"><strong>${e(bank.name)}</strong><small>${e(bank.kind === "broker" ? "Broker" : "Bank")} · CIF ${e(bank.cif)}${bank.alwaysManualRefresh ? " · asks for 2FA on every login" : ""}</small></button></li>`,
    )
    .join("");
  return page(
    "Choose your bank",
    `<h1>Choose your bank</h1>
<p>Select the entity whose online banking you want to connect.</p>
<form method="post" action="${e(action)}">${hidden(sessionId)}<input type="hidden" name="action" value="choose-bank">
<ul class="banks">${items}</ul>
</form>
${cancelForm(action, sessionId)}`,
  );
}

export function loginPage(options: {
  action: string;
  sessionId: string;
  bank: TSandboxBank;
  canChangeBank: boolean;
  reauth: "sca" | "reset" | null;
  username: string;
  showScenarios: boolean;
}): string {
  const { action, sessionId, bank, reauth } = options;
  const intro =
    reauth === "sca"
      ? "Your bank needs you to confirm your identity again. Enter your password to renew access."
      : reauth === "reset"
        ? "Your access details changed or the connection is blocked. Enter your current online banking credentials."
        : "Enter the username and password you use for online banking. They are sent to the bank only.";
  const usernameField =
    reauth === "sca"
      ? `<label for="username">Username</label><input id="username" type="text" name="username" value="${e(options.username)}" readonly autocomplete="username">`
      : `<label for="username">Username</label><input id="username" type="text" name="username" value="${e(options.username)}" required autocomplete="username" autocapitalize="none" spellcheck="false">`;
  const scenarios = options.showScenarios
    ? `<details open><summary>TestBank scenarios (the password chooses one)</summary>
<table><thead><tr><th scope="col">Password</th><th scope="col">What happens</th></tr></thead><tbody>
${SCENARIO_TABLE.map((row) => `<tr><td><code>${e(row.password)}</code></td><td>${e(row.effect)}</td></tr>`).join("")}
</tbody></table>
<p class="hint">Combine words with <code>+</code>, e.g. <code>sca-sms+slow</code>. Usernames ending in <code>big</code> get 100 000 account transactions; <code>tx=N</code> in the username gives N.</p>
</details>`
    : "";
  return page(
    `Connect ${bank.name}`,
    `<h1>${e(reauth ? `Reconnect ${bank.name}` : `Connect ${bank.name}`)}</h1>
<p>${e(intro)}</p>
<form method="post" action="${e(action)}">${hidden(sessionId)}
${usernameField}
<label for="password">Password</label><input id="password" type="password" name="password" required autocomplete="current-password">
<button class="primary" name="action" value="login">Continue</button>
</form>
<div class="row">
${options.canChangeBank ? `<form method="post" action="${e(action)}">${hidden(sessionId)}<button class="link" name="action" value="change-bank">Choose another bank</button></form>` : "<span></span>"}
${cancelForm(action, sessionId)}
</div>
${scenarios}`,
  );
}

export function smsPage(action: string, sessionId: string, bank: TSandboxBank, isTestBank: boolean): string {
  return page(
    "Confirm with SMS",
    `<h1>Confirm with the code we sent you</h1>
<p>${e(bank.name)} sent a 6-digit code by SMS to your phone.</p>
<form method="post" action="${e(action)}">${hidden(sessionId)}
<label for="code">SMS code</label><input id="code" type="text" name="code" inputmode="numeric" pattern="[0-9]*" maxlength="8" autocomplete="one-time-code" required>
${isTestBank || bank.alwaysManualRefresh ? `<p class="hint">Sandbox: the correct code is <code>${SMS_CODE}</code>.</p>` : ""}
<button class="primary" name="action" value="sca-code">Confirm</button>
</form>
${cancelForm(action, sessionId)}`,
  );
}

export function appApprovalPage(action: string, sessionId: string, bank: TSandboxBank): string {
  return page(
    "Approve in your banking app",
    `<h1>Approve the access in your app</h1>
<p>Open the ${e(bank.name)} app on your phone and approve the request, then confirm here.</p>
<form method="post" action="${e(action)}">${hidden(sessionId)}
<button class="primary" name="action" value="approve">I approved it in the app</button>
<div class="row"><button class="secondary" name="action" value="deny">I denied it</button></div>
</form>
${cancelForm(action, sessionId)}`,
  );
}

const ERROR_TEXT: Record<TLinkErrorCode, string> = {
  INVALID_CREDENTIALS: "The username or password is not correct.",
  INVALID_SCA: "The security confirmation (SCA) failed.",
  CREDENTIALS_ALREADY_EXIST: "These credentials are already connected.",
  INTERNAL_ERROR: "Something went wrong while connecting to the bank. Please try again later.",
  ABORTED_BY_USER: "You cancelled the connection.",
};

export function errorPage(action: string, sessionId: string | null, error: TLinkErrorCode): string {
  const retry = sessionId
    ? `<form method="post" action="${e(action)}">${hidden(sessionId)}<button class="primary" name="action" value="retry">Try again</button></form>`
    : "";
  return page(
    "Connection failed",
    `<h1>Connection not completed</h1><p class="error" role="alert">${e(ERROR_TEXT[error])} <small>(${e(error)})</small></p>${retry}`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${e(title)}</h1><p class="error" role="alert">${e(message)}</p>`);
}
