// The status bar's state from the server's work-done progress ($/progress). Pure: unit-tested.

export type Phase = "idle" | "busy" | "verified" | "built" | "failed" | "not-built";

export interface ProgressValue { kind: "begin" | "report" | "end"; title?: string; message?: string; percentage?: number }

/** What an `end` message from server/actions.py means. */
export function phaseOfEnd(message: string | undefined): Phase {
  const m = (message ?? "").toLowerCase();
  if (/failed|not translatable|no wasm toolchain|cannot build|internal error/.test(m)) return "failed";
  if (/not built|not written/.test(m)) return "not-built";
  if (/verified on|same as cpython/.test(m)) return "verified";
  if (/^built|translated to/.test(m)) return "built";
  return "idle";
}

export class StatusModel {
  private running = new Map<string, { title: string; message: string; percentage?: number }>();
  last: { phase: Phase; message: string } = { phase: "idle", message: "" };

  update(token: string, v: ProgressValue): void {
    if (v.kind === "begin") {
      this.running.set(token, { title: v.title ?? "Portalis", message: v.message ?? "", percentage: v.percentage });
    } else if (v.kind === "report") {
      const r = this.running.get(token) ?? { title: "Portalis", message: "" };
      if (v.message) r.message = v.message;
      r.percentage = v.percentage ?? r.percentage;
      this.running.set(token, r);
    } else {
      const r = this.running.get(token);
      this.running.delete(token);
      this.last = { phase: phaseOfEnd(v.message), message: `${r ? r.title.replace(/^Portalis: /, "") + ": " : ""}${v.message ?? ""}` };
    }
  }

  /** {text, tooltip} for the status bar item (codicons in $(...)). */
  view(): { text: string; tooltip: string; phase: Phase } {
    const busy = [...this.running.values()];
    if (busy.length) {
      const r = busy[busy.length - 1];
      const more = busy.length > 1 ? ` (+${busy.length - 1})` : "";
      return { text: `$(sync~spin) Portalis: ${r.message || r.title}${more}`, tooltip: `${r.title}: ${r.message}`, phase: "busy" };
    }
    const { phase, message } = this.last;
    const icon: Record<Phase, string> = {
      idle: "$(check)", busy: "$(sync~spin)", verified: "$(pass-filled)", built: "$(check)", failed: "$(error)", "not-built": "$(info)",
    };
    const word: Record<Phase, string> = {
      idle: "Portalis", busy: "Portalis", verified: "Portalis: verified", built: "Portalis: built",
      failed: "Portalis: failed", "not-built": "Portalis: not built",
    };
    return { text: `${icon[phase]} ${word[phase]}`, tooltip: message || "Portalis: idle (click for the log)", phase };
  }
}
