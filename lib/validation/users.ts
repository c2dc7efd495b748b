import { z } from "zod";
import { ROLES } from "@/lib/permissions.ts";
import { passwordText, printableText } from "@/lib/validation/text.ts";

export const passwordSchema = passwordText()
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.");

export const newUserSchema = z.object({
  email: z
    .email("Give a valid email address.")
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: printableText().min(1, "Give the person's name.").max(100),
  role: z.enum(ROLES, "Pick a role."),
  password: passwordSchema,
});

export const userIdSchema = z.object({ userId: z.uuid("Unknown user.") });
export const changeRoleSchema = userIdSchema.extend({ role: z.enum(ROLES, "Pick a role.") });
export const setDisabledSchema = userIdSchema.extend({
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const resetPasswordSchema = userIdSchema.extend({ password: passwordSchema });
