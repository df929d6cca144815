import { Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { lazyPage } from "./shell/lazy-page.ts";
import { PageErrorBoundary, PageLoading } from "./shell/page-loading.tsx";
import { RedirectIfSignedIn, RequireAuth } from "./shell/require-auth.tsx";

// Every page is its own chunk, loaded when first visited: the first screen loads only what it shows.
const AccountPage = lazyPage(() => import("../features/auth/pages/account-page.tsx"), "AccountPage");
const ForgotPasswordPage = lazyPage(
  () => import("../features/auth/pages/forgot-password-page.tsx"),
  "ForgotPasswordPage",
);
const ResetPasswordPage = lazyPage(
  () => import("../features/auth/pages/reset-password-page.tsx"),
  "ResetPasswordPage",
);
const SignInPage = lazyPage(() => import("../features/auth/pages/sign-in-page.tsx"), "SignInPage");
const SignUpPage = lazyPage(() => import("../features/auth/pages/sign-up-page.tsx"), "SignUpPage");
const BillingPage = lazyPage(() => import("../features/billing/pages/billing-page.tsx"), "BillingPage");
const CreditsPage = lazyPage(() => import("../features/credits/pages/credits-page.tsx"), "CreditsPage");
const ProvidersPage = lazyPage(
  () => import("../features/enrichment/pages/providers-page.tsx"),
  "ProvidersPage",
);
const RunPage = lazyPage(() => import("../features/enrichment/pages/run-page.tsx"), "RunPage");
const RunsPage = lazyPage(() => import("../features/enrichment/pages/runs-page.tsx"), "RunsPage");
const loadCompanies = () => import("../features/records/pages/companies-page.tsx");
const loadContacts = () => import("../features/records/pages/contacts-page.tsx");
const CompaniesPage = lazyPage(loadCompanies, "CompaniesPage");
const ContactsPage = lazyPage(loadContacts, "ContactsPage");
const ApiKeysPage = lazyPage(() => import("../features/workspaces/pages/api-keys-page.tsx"), "ApiKeysPage");
const HomePage = lazyPage(() => import("../features/workspaces/pages/home-page.tsx"), "HomePage");
const InvitePage = lazyPage(() => import("../features/workspaces/pages/invite-page.tsx"), "InvitePage");
const MembersPage = lazyPage(() => import("../features/workspaces/pages/members-page.tsx"), "MembersPage");
const RolesPage = lazyPage(() => import("../features/workspaces/pages/roles-page.tsx"), "RolesPage");
const AppShell = lazyPage(() => import("./shell/app-shell.tsx"), "AppShell");
const AccountShell = lazyPage(() => import("./shell/account-shell.tsx"), "AccountShell");
const NotFoundPage = lazyPage(() => import("./shell/not-found-page.tsx"), "NotFoundPage");
const loadWorkspaceRoute = () => import("./shell/workspace-route.tsx");
const WorkspaceRoute = lazyPage(loadWorkspaceRoute, "WorkspaceRoute");

// Opened straight on a grid (a reload, a shared link): fetch its code while the session and the
// workspace load, rather than one after the other. React.lazy reuses the same module promise.
const gridPage = /^\/w\/[^/]+\/(contacts|companies)\/?$/.exec(window.location.pathname)?.[1];
if (gridPage) {
  void loadWorkspaceRoute();
  void (gridPage === "contacts" ? loadContacts() : loadCompanies());
}

export function AppRoutes() {
  return (
    <PageErrorBoundary>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route element={<RedirectIfSignedIn />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-up" element={<SignUpPage />} />
          </Route>
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppShell />}>
              <Route index element={<HomePage />} />
            </Route>
            {/* The account page keeps the header (switcher and nav) of the last workspace used. */}
            <Route element={<AccountShell />}>
              <Route path="/account" element={<AccountPage />} />
            </Route>
            <Route path="/w/:workspaceId" element={<WorkspaceRoute />}>
              <Route index element={<Navigate to="contacts" replace />} />
              <Route path="contacts" element={<ContactsPage />} />
              <Route path="companies" element={<CompaniesPage />} />
              <Route path="enrichment/runs" element={<RunsPage />} />
              <Route path="enrichment/runs/:runId" element={<RunPage />} />
              <Route path="settings/members" element={<MembersPage />} />
              <Route path="settings/roles" element={<RolesPage />} />
              <Route path="settings/providers" element={<ProvidersPage />} />
              <Route path="settings/credits" element={<CreditsPage />} />
              <Route path="settings/billing" element={<BillingPage />} />
              <Route path="settings/api-keys" element={<ApiKeysPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </PageErrorBoundary>
  );
}
