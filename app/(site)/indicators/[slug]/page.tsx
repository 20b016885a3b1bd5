import { IndicatorRoute, indicatorPageMetadata, indicatorSlugs } from "./indicator-page";

type Props = { params: Promise<{ slug: string }> };

// Generated at build time for every indicator, regenerated when an import lands (app/api/revalidate)
// and at most a day after the last generation otherwise.
export const revalidate = 86400;
export const generateStaticParams = indicatorSlugs;

export async function generateMetadata({ params }: Props) {
  return indicatorPageMetadata((await params).slug);
}

export default async function IndicatorPage({ params }: Props) {
  return <IndicatorRoute slug={(await params).slug} />;
}
