// Attribution required by the Open Government Licence and the other sources (prisma/data/SOURCES.md).
export function SiteFooter() {
  return (
    <footer className="mt-8 border-t-4 border-[#1d4f91] bg-[#f3f2f1] text-sm text-[#0b0c0c] print:mt-2 print:text-xs">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 print:py-1">
        <nav aria-label="Tools" className="no-print flex flex-wrap gap-4">
          <a href="/present">Committee mode</a>
          <a href="/api/v1/openapi.json">Open data API</a>
          <a href="/api/v1/observations?format=csv">Download everything (CSV)</a>
        </nav>
        <p>
          <strong>Data sources.</strong> Contains public sector information licensed under the{" "}
          <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
            Open Government Licence v3.0
          </a>
          . Source: Office for National Statistics. Contains OS data © Crown copyright and database right 2025. Indices
          of Deprivation: Ministry of Housing, Communities and Local Government (MHCLG). Census 2021: Office for
          National Statistics (via Nomis). IMD 2019 scores: Composite UK IMD, mySociety (CC BY 4.0).
        </p>
        <p>
          <strong>Illustrative data.</strong> Survey indicators and the community-asset register are{" "}
          <strong>synthetic</strong>: generated to demonstrate the dashboard, correlated with real deprivation, and
          marked “Synthetic” wherever they appear. They are not real survey results or real places.
        </p>
      </div>
    </footer>
  );
}
