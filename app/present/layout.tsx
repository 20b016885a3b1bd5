import type { ReactNode } from "react";

/** Committee mode: black on white at large sizes, no site chrome, readable from the back of a room. */
export default function PresentLayout({ children }: { children: ReactNode }) {
  return <main className="min-h-screen bg-white p-6 text-black sm:p-10">{children}</main>;
}
