// Parameter schemas of the open API, shared by the handlers and the OpenAPI document.
import { z } from "zod";
import { AREA_CODE_PATTERN } from "@/lib/url-state";

export const areaCodeParam = z.string().regex(AREA_CODE_PATTERN, "must be an ONS area code such as E05010805");
export const slugParam = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an indicator slug such as formal-volunteering");
export const periodParam = z.string().regex(/^\d{4}(?:\/\d{2})?$/, "must be a period such as 2025 or 2024/25");
export const groupParam = z
  .string()
  .max(40)
  .regex(/^(all|[a-z]+:[A-Za-z0-9+.-]+)$/, 'must be "all" or a group such as age:16-34');
export const formatParam = z.enum(["json", "csv"]);
export const areaTypeParam = z.enum(["ward", "local_authority", "region", "country"]);
