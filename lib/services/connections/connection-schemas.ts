import { z } from "zod";
import { idField } from "@/lib/validation/fields";

export const ZConnectionIdSchema = z.object({ connectionId: idField });
