import type { Problem } from "../errors.tsx";
import { Layout } from "../components/layout.tsx";
import { usePageInfo } from "../site/context.ts";

const HEADINGS: Record<number, string> = {
  400: "There is a problem with the request",
  403: "You cannot see this page",
  404: "Page not found",
};

export function ErrorPage({ problem }: { problem: Problem }) {
  const { requestId } = usePageInfo();
  const heading = HEADINGS[problem.status] ?? (problem.status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem");
  return (
    <Layout title={heading}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{heading}</h1>
          {problem.status === 404 ? (
            <>
              <p class="govuk-body">If you typed the web address, check it is correct.</p>
              <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
              <p class="govuk-body">
                You can <a class="govuk-link" href="/search">search the minutes</a> or browse the{" "}
                <a class="govuk-link" href="/committees">list of committees</a>.
              </p>
            </>
          ) : problem.status >= 500 ? (
            <>
              <p class="govuk-body">Please try again later.</p>
              <p class="govuk-body">
                Error reference: <code>{problem.id}</code>
              </p>
            </>
          ) : (
            <>
              <p class="govuk-body">{problem.message}</p>
              <p class="govuk-body">
                Go back to the <a class="govuk-link" href="/">home page</a>.
              </p>
            </>
          )}
          {requestId && (
            <p class="govuk-body-s qm-count">
              If you contact us about this, quote the request reference <code>{requestId}</code>.
            </p>
          )}
        </div>
      </div>
    </Layout>
  );
}
