-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "url" TEXT,
    "file" TEXT,
    "fileSha256" TEXT,
    "vintage" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "parentCode" TEXT,
    "population" INTEGER,
    "geometry" TEXT,
    "centroidLat" DOUBLE PRECISION,
    "centroidLon" DOUBLE PRECISION,
    "successorCode" TEXT,
    "sourceId" TEXT,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "shortTitle" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "whyItMatters" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "unitLabel" TEXT NOT NULL,
    "polarity" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 1,
    "method" TEXT NOT NULL,
    "caveats" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" SERIAL NOT NULL,
    "indicatorSlug" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "group" TEXT NOT NULL DEFAULT 'all',
    "value" DOUBLE PRECISION,
    "lowerCi" DOUBLE PRECISION,
    "upperCi" DOUBLE PRECISION,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "sampleSize" INTEGER,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "areaCode" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Area_type_idx" ON "Area"("type");

-- CreateIndex
CREATE INDEX "Area_parentCode_idx" ON "Area"("parentCode");

-- CreateIndex
CREATE INDEX "Indicator_domain_sortOrder_idx" ON "Indicator"("domain", "sortOrder");

-- CreateIndex
CREATE INDEX "Observation_areaCode_period_idx" ON "Observation"("areaCode", "period");

-- CreateIndex
CREATE INDEX "Observation_indicatorSlug_period_group_idx" ON "Observation"("indicatorSlug", "period", "group");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_indicatorSlug_areaCode_period_group_key" ON "Observation"("indicatorSlug", "areaCode", "period", "group");

-- CreateIndex
CREATE INDEX "Asset_areaCode_idx" ON "Asset"("areaCode");

-- CreateIndex
CREATE INDEX "Asset_category_idx" ON "Asset"("category");

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Area"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_indicatorSlug_fkey" FOREIGN KEY ("indicatorSlug") REFERENCES "Indicator"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
