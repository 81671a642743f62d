// GET|POST /api/auth/* – next-auth's sign-in, sign-out and CSRF endpoints.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";

type TContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: TContext) {
  return NextAuth(getAuthOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
