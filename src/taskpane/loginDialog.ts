/**
 * The pane's personal login through Office's dialog API (issue 25): the dialog opens the
 * service's /login?rude=1, the OpenID provider's pages follow in it, and the service's last page
 * hands the pane a short-lived `tss_…` token with messageParent. The only Office calls of the
 * login; `office` is the host's Office (the fake host's in the browser tests).
 */

type OfficeDialog = Pick<typeof Office, "context" | "AsyncResultStatus" | "EventType">;

/** Danish for Office's dialog errors (learn.microsoft.com: "Error codes in the Office dialog API"). */
const FEJL: Record<number, string> = {
  12002: "Login-siden kunne ikke findes. Tjek adressen på indberetningsservicen.",
  12003: "Login-siden skal bruge https://.",
  12004: "Indberetningsservicens adresse er ikke et af tilføjelsesprogrammets domæner, så Office vil ikke åbne login-vinduet.",
  12005: "Login-siden skal bruge https://.",
  12006: "Login-vinduet blev lukket, før du var logget ind.",
  12007: "Et andet login-vindue er allerede åbent. Luk det, og prøv igen.",
  12009: "Login-vinduet blev afvist. Tryk Log ind igen, og vælg Tillad.",
  12011: "Browseren blokerede login-vinduet (pop op-blokering). Tillad pop op-vinduer for Excel på nettet.",
};

const RESERVE = "Du kan i stedet skrive et token i feltet ovenfor.";

export function dialogFejltekst(kode: number | undefined): string {
  return `${(kode !== undefined && FEJL[kode]) || `Login-vinduet kunne ikke åbnes${kode ? ` (fejl ${kode})` : ""}.`} ${RESERVE}`;
}

/** Opens the login in Office's dialog; the pane's token, or a Danish reason it failed. */
export function logIndMedDialog(office: OfficeDialog, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (typeof office.context?.ui?.displayDialogAsync !== "function") {
      reject(new Error(`Denne udgave af Office kan ikke åbne et login-vindue. ${RESERVE}`));
      return;
    }
    office.context.ui.displayDialogAsync(url, { height: 70, width: 40, promptBeforeOpen: false }, (res) => {
      if (res.status === office.AsyncResultStatus.Failed) {
        reject(new Error(dialogFejltekst(res.error?.code)));
        return;
      }
      const dialog = res.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const token = "message" in arg ? laesToken(arg.message) : null;
        if (token) resolve(token);
        else reject(new Error(`Login-vinduet svarede ikke med et login. ${RESERVE}`));
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        reject(new Error(dialogFejltekst("error" in arg ? arg.error : undefined)));
      });
    });
  });
}

function laesToken(besked: string): string | null {
  try {
    const t = (JSON.parse(besked) as { token?: unknown }).token;
    return typeof t === "string" && /^tss_[A-Za-z0-9_-]{43}$/.test(t) ? t : null;
  } catch {
    return null;
  }
}
