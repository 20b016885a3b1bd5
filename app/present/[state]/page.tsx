import { notFound } from "next/navigation";
import { CommitteeSlideView } from "@/components/present/CommitteeSlideView";
import { homeAreaCode } from "@/lib/config";
import { getCommitteeSlides } from "@/lib/data/committee";
import { parsePresentParams, PRESENT_STATE_SEGMENT_MAX, stateFromSegment } from "@/lib/url-state";

export { metadata } from "../page";

// /present?wards=…&indicators=…&slide=… is rewritten here by proxy.ts (lib/url-state.ts owns the mapping).
// Each slide is rendered on first request, then served from the cache.
type Props = { params: Promise<{ state: string }> };

export const revalidate = 86400;
export const generateStaticParams = async () => [];

export default async function PresentSlidePage({ params }: Props) {
  const query = stateFromSegment((await params).state, PRESENT_STATE_SEGMENT_MAX);
  const state = query && parsePresentParams(query);
  if (!state?.wards || !state.indicators) notFound();
  const slides = await getCommitteeSlides(homeAreaCode(), state.wards, state.indicators);
  const index = (state.slide ?? 1) - 1;
  if (!slides || index >= slides.length) notFound();
  return (
    <CommitteeSlideView
      slide={slides[index]!}
      number={index + 1}
      total={slides.length}
      wards={state.wards}
      indicators={state.indicators}
    />
  );
}
