import { noSuchApiRoute } from "@/lib/server/api";

// Every /api/* path no route file claims (more specific routes win over this catch-all): a JSON 404
// for every method, instead of Next.js's HTML page or, for a multipart POST, "Server Action unavailable".
export {
  noSuchApiRoute as GET,
  noSuchApiRoute as HEAD,
  noSuchApiRoute as OPTIONS,
  noSuchApiRoute as POST,
  noSuchApiRoute as PUT,
  noSuchApiRoute as PATCH,
  noSuchApiRoute as DELETE,
};
