import { Layout } from "../components/layout.tsx";
import { usePageInfo } from "../site/context.ts";
import { defaultStatement, Statement } from "../site/statement.tsx";
import { urls } from "../urls.ts";

export function AccessibilityPage() {
  const { site } = usePageInfo();
  return (
    <Layout title="Accessibility statement" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Accessibility statement</h1>
          <Statement text={site.accessibilityStatement ?? defaultStatement(site.name, site.contact)} />
        </div>
      </div>
    </Layout>
  );
}
