"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInWithCredentials } from "@/components/auth/auth-client";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { sameOriginPath } from "@/lib/security/same-origin-path";

export function LoginForm({ callbackUrl, initialNotice }: { callbackUrl?: string; initialNotice?: string }) {
  const { t } = useI18n();
  const l = useMessages("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signInWithCredentials(String(form.get("email") ?? ""), String(form.get("password") ?? "")).catch(() => ({
      error: "network" as const,
    }));
    if (result.error) {
      setIsPending(false);
      setError(result.error === "throttled" ? l.throttled : result.error === "network" ? t.errors.generic : l.invalid);
      return;
    }
    // Only a path on this site is followed after sign-in, resolved as the browser would resolve it.
    router.replace(sameOriginPath(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {initialNotice && !error ? <Alert tone="info">{initialNotice}</Alert> : null}
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <TextField name="email" type="email" label={l.email} autoComplete="username" required />
      <TextField name="password" type="password" label={l.password} autoComplete="current-password" required />
      <Button type="submit" disabled={isPending}>
        {isPending ? l.submitting : l.submit}
      </Button>
    </form>
  );
}
