// The account pages: sign in, set a password from a one-time link.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, Input, type FieldError } from "./forms.tsx";
import { MIN_PASSWORD_LENGTH } from "./password.ts";

const titled = (title: string, errors: FieldError[]) => (errors.length ? `Error: ${title}` : title);

export function SignInPage({ csrf, email, next, errors }: { csrf: string; email?: string; next?: string; errors: FieldError[] }) {
  return (
    <Layout title={titled("Sign in", errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">Sign in</h1>
          <p class="govuk-body">Sign in to the clerk's workspace. Council staff are given an account by the site's administrator.</p>
          <form method="post" action="/sign-in" novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            {next && <input type="hidden" name="next" value={next} />}
            <Input id="email" label="Email address" type="email" autocomplete="email" value={email} errors={errors} />
            <Input id="password" label="Password" type="password" autocomplete="current-password" errors={errors} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Sign in
            </button>
          </form>
          <p class="govuk-body">If you have forgotten your password, ask the site's administrator for a new sign-in link.</p>
        </div>
      </div>
    </Layout>
  );
}

export function SetPasswordPage({ csrf, token, email, errors }: { csrf: string; token: string; email: string; errors: FieldError[] }) {
  return (
    <Layout title={titled("Set your password", errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">Set your password</h1>
          <p class="govuk-body">
            You are setting the password for <strong>{email}</strong>. This link works once.
          </p>
          <form method="post" action="/account/set-password" novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="token" value={token} />
            <input type="text" name="username" value={email} autocomplete="username" hidden />
            <Input id="password" label="New password" type="password" autocomplete="new-password" hint={`Must be at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password.`} errors={errors} />
            <Input id="confirm" label="Confirm new password" type="password" autocomplete="new-password" errors={errors} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Set password and sign in
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function LinkUnusablePage() {
  return (
    <Layout title="This link cannot be used">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">This link cannot be used</h1>
          <p class="govuk-body">The link has expired, has already been used, or is not complete. Sign-in links work once, for 24 hours.</p>
          <p class="govuk-body">Ask the site's administrator for a new link.</p>
          <p class="govuk-body">
            <a class="govuk-link" href="/sign-in">
              Sign in
            </a>{" "}
            if you have already set a password.
          </p>
        </div>
      </div>
    </Layout>
  );
}
