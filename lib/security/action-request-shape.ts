/**
 * Next.js 16.4 answers 500 when it cannot decode a server action's arguments (a body that is not
 * React's encoded reply). Our pages never send such a request, but the standard is a 4xx for bad
 * input, so the proxy refuses it first. What Next decodes: a multipart body whose field "0" is the
 * JSON root, or a text body that is the JSON root; the root of an action's arguments is an array.
 * Only the shape is checked here; the action parses its own arguments with zod.
 */
export const ACTION_ID_HEADER = "next-action";

export async function hasDecodableActionArguments(request: Request): Promise<boolean> {
  try {
    const contentType = request.headers.get("content-type") ?? "";
    const root = contentType.startsWith("multipart/form-data") ? (await request.clone().formData()).get("0") : await request.clone().text();
    return typeof root === "string" && Array.isArray(JSON.parse(root));
  } catch {
    return false;
  }
}
