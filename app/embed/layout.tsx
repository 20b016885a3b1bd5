import type { ReactNode } from "react";

/** Embeds: no site chrome, sized by their iframe. */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return <main className="p-2">{children}</main>;
}
