import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommitteeSetup } from "@/components/present/CommitteeSetup";
import { CommitteeSlideView } from "@/components/present/CommitteeSlideView";
import { homeAreaCode } from "@/lib/config";
import { getCommitteeSlides } from "@/lib/data/committee";
import { listIndicators } from "@/lib/data/indicators";
import { db } from "@/lib/db/client";
import { currentWardsOf } from "@/lib/data/areas";
import { parsePresentParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Committee mode" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PresentPage({ searchParams }: Props) {
  const params = parsePresentParams(await searchParams);
  if (!params) notFound();
  const laCode = homeAreaCode();
  if (!params.wards || !params.indicators) {
    const [wards, indicators] = await Promise.all([
      db.area.findMany({ where: currentWardsOf(laCode), select: { code: true, name: true }, orderBy: { name: "asc" } }),
      listIndicators(),
    ]);
    return <CommitteeSetup wards={wards} indicators={indicators} />;
  }
  const slides = await getCommitteeSlides(laCode, params.wards, params.indicators);
  const index = (params.slide ?? 1) - 1;
  if (!slides || index >= slides.length) notFound();
  return (
    <CommitteeSlideView
      slide={slides[index]!}
      number={index + 1}
      total={slides.length}
      wards={params.wards}
      indicators={params.indicators}
    />
  );
}
