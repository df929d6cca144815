import { Navigate, Route, Routes, useParams } from "react-router";
import { AccountPage } from "../features/auth/pages/account-page.tsx";
import { ForgotPasswordPage } from "../features/auth/pages/forgot-password-page.tsx";
import { ResetPasswordPage } from "../features/auth/pages/reset-password-page.tsx";
import { SignInPage } from "../features/auth/pages/sign-in-page.tsx";
import { SignUpPage } from "../features/auth/pages/sign-up-page.tsx";
import { CreditsPage } from "../features/credits/pages/credits-page.tsx";
import { ProvidersPage } from "../features/enrichment/pages/providers-page.tsx";
import { RunPage } from "../features/enrichment/pages/run-page.tsx";
import { RunsPage } from "../features/enrichment/pages/runs-page.tsx";
import { CompaniesPage } from "../features/records/pages/companies-page.tsx";
import { ContactsPage } from "../features/records/pages/contacts-page.tsx";
import { LastWorkspace } from "../features/workspaces/components/last-workspace.tsx";
import { WorkspaceProvider } from "../features/workspaces/components/workspace-provider.tsx";
import { ApiKeysPage } from "../features/workspaces/pages/api-keys-page.tsx";
import { HomePage } from "../features/workspaces/pages/home-page.tsx";
import { InvitePage } from "../features/workspaces/pages/invite-page.tsx";
import { MembersPage } from "../features/workspaces/pages/members-page.tsx";
import { RolesPage } from "../features/workspaces/pages/roles-page.tsx";
import { AppShell } from "./shell/app-shell.tsx";
import { NotFoundPage } from "./shell/not-found-page.tsx";
import { RedirectIfSignedIn, RequireAuth } from "./shell/require-auth.tsx";

function WorkspaceRoute() {
  const { workspaceId = "" } = useParams();
  return (
    <WorkspaceProvider key={workspaceId} workspaceId={workspaceId}>
      <AppShell />
    </WorkspaceProvider>
  );
}

export function AppRoutes() {
  return (
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
        <Route
          element={
            <LastWorkspace>
              <AppShell />
            </LastWorkspace>
          }
        >
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
          <Route path="settings/api-keys" element={<ApiKeysPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
