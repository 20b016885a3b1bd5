import { WardPage, wardPageMetadata } from "../../ward-page";

// /areas/[code]?indicator=[slug] is rewritten here by proxy.ts (lib/url-state.ts owns the mapping).
// Rendered on first request, then served from the cache like /areas/[code].
type Props = { params: Promise<{ code: string; slug: string }> };

export const revalidate = 86400;
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { code, slug } = await params;
  return wardPageMetadata(code, slug);
}

export default async function AreaIndicatorPage({ params }: Props) {
  const { code, slug } = await params;
  return <WardPage code={code} slug={slug} />;
}
