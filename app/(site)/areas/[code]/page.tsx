import { currentWardCodes, WardPage, wardPageMetadata } from "./ward-page";

type Props = { params: Promise<{ code: string }> };

// Generated at build time for every current ward, regenerated when an import lands (app/api/revalidate)
// and at most a day after the last generation otherwise. The literal is required: Next reads it statically.
export const revalidate = 86400;
export const generateStaticParams = currentWardCodes;

export async function generateMetadata({ params }: Props) {
  return wardPageMetadata((await params).code);
}

export default async function AreaPage({ params }: Props) {
  return <WardPage code={(await params).code} />;
}
