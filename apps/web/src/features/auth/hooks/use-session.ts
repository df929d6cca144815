import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useTRPC } from "../../../app/trpc.ts";

export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
}

/** Signs out, forgets every cached answer, and goes to the sign-in page. */
export function useSignOut(to = "/sign-in") {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: async () => {
        queryClient.clear();
        await navigate(to);
      },
    }),
  );
}

/** Where to go after signing in: the `next` parameter when it is a local path. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}
