import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BrowserRouter } from "react-router";
import { Toaster } from "sonner";
import { makeQueryClient } from "./query-client.ts";
import { AppRoutes } from "./routes.tsx";
import { makeTrpcClient, TRPCProvider } from "./trpc.ts";

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(makeTrpcClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <BrowserRouter>
          <AppRoutes />
          {/* One live region for every toast (sonner announces them politely). */}
          <Toaster position="bottom-right" closeButton richColors />
        </BrowserRouter>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
