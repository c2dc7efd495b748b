import type { Metadata } from "next";
import { Forbidden } from "@/components/ui/forbidden";

export const metadata: Metadata = { title: "Not for your role" };

/** What forbidden() renders inside the console (with its navigation), answered with status 403. */
export default function ConsoleForbidden() {
  return <Forbidden />;
}
