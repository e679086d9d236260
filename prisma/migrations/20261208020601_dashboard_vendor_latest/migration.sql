-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "currentDueDate" DATE,
ADD COLUMN     "currentStatus" "AssessmentStatus",
ADD COLUMN     "latestAssessmentId" TEXT,
ADD COLUMN     "latestDrTestDate" DATE,
ADD COLUMN     "latestFlagCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "latestFlagSeverities" "Severity"[] DEFAULT ARRAY[]::"Severity"[],
ADD COLUMN     "latestFlagTitles" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "latestPlanReviewDate" DATE,
ADD COLUMN     "latestRating" "Severity",
ADD COLUMN     "latestRestoreTestDate" DATE,
ADD COLUMN     "latestScore" INTEGER,
ADD COLUMN     "latestSites" JSONB,
ADD COLUMN     "latestSubmittedAt" TIMESTAMP(3),
ADD COLUMN     "latestTestMaxAgeMonths" INTEGER,
ADD COLUMN     "openFindings" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Assessment_orgId_status_dueDate_idx" ON "Assessment"("orgId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Finding_flagId_idx" ON "Finding"("flagId");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_idx" ON "Finding"("assessmentId");

-- CreateIndex
CREATE INDEX "Vendor_orgId_status_latestRating_name_id_idx" ON "Vendor"("orgId", "status", "latestRating", "name", "id");

-- CreateIndex
CREATE INDEX "Vendor_orgId_latestDrTestDate_idx" ON "Vendor"("orgId", "latestDrTestDate");

-- CreateIndex
CREATE INDEX "Vendor_orgId_latestRestoreTestDate_idx" ON "Vendor"("orgId", "latestRestoreTestDate");

-- CreateIndex
CREATE INDEX "Vendor_orgId_latestPlanReviewDate_idx" ON "Vendor"("orgId", "latestPlanReviewDate");

-- CreateIndex
CREATE INDEX "Vendor_ownerId_status_idx" ON "Vendor"("ownerId", "status");

-- The dashboard's figures, kept by triggers (lib/data/dashboard/README.md), so that no page reads
-- the portfolio's history, nor, for its counts, every vendor:
--
-- 1. Each vendor row carries its latest judged assessment's figures ("latest…" columns), its
--    most recent assessment's status and due date ("current…") and its open findings, worked
--    out again by dashboard.refresh_vendors() whenever an assessment, flag, dashboard answer or
--    finding of it is written (statement triggers below; COPY bulk loads included).
-- 2. The organisation's counts (heat map, flags, decay clocks, concentration, map places,
--    trend, due work) are sums of each vendor's and each assessment's parts, kept in the schema
--    "dashboard" as folded totals plus an insert-only log of changes (no two writers ever wait
--    on one counter row); dashboard.fold() moves the log into the totals. A reader sums both.
--    The schema is outside "public": backups skip it, and a restore rebuilds it through these
--    same triggers as the rows are loaded.

CREATE SCHEMA dashboard;

CREATE TABLE dashboard.total (
  "orgId" text NOT NULL,
  kind text NOT NULL,
  key text[] NOT NULL,
  n bigint NOT NULL,
  x numeric NOT NULL DEFAULT 0,
  y numeric NOT NULL DEFAULT 0,
  PRIMARY KEY ("orgId", kind, key)
);

CREATE TABLE dashboard.change (
  id bigserial PRIMARY KEY,
  "orgId" text NOT NULL,
  kind text NOT NULL,
  key text[] NOT NULL,
  n bigint NOT NULL,
  x numeric NOT NULL DEFAULT 0,
  y numeric NOT NULL DEFAULT 0
);
CREATE INDEX change_org_kind ON dashboard.change ("orgId", kind);

-- A date answer ('YYYY-MM-DD'), else NULL; never raises, so no write fails on a stored value.
CREATE FUNCTION dashboard.answer_date(value jsonb) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF jsonb_typeof(value) = 'string' AND value #>> '{}' ~ '^\d{4}-\d{2}-\d{2}$' THEN
    RETURN (value #>> '{}')::date;
  END IF;
  RETURN NULL;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

-- A whole number from requirements JSON, else NULL.
CREATE FUNCTION dashboard.int_or_null(value text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~ '^\s*-?\d{1,9}\s*$' THEN value::integer END
$$;

-- A number (a site's lat or lon), else NULL.
CREATE FUNCTION dashboard.float_or_null(value text) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~ '^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,3})?\s*$' THEN value::double precision END
$$;

-- Works out the kept columns of these vendors again from their assessments, flags, answers
-- and findings; writes only the rows whose columns changed. Returns how many it wrote.
CREATE FUNCTION dashboard.refresh_vendors(ids text[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN 0;
  END IF;
  -- Lock first, then read in a new statement (a new snapshot under READ COMMITTED): a write
  -- committed meanwhile by another transaction on the same vendor is seen, never overwritten.
  PERFORM 1 FROM "Vendor" WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  WITH latest AS (
    SELECT DISTINCT ON (a."vendorId") a.id, a."vendorId", a.rating, a.score, a."submittedAt",
           a.requirements, a."resolvedRequirements"
    FROM "Assessment" a
    WHERE a."vendorId" = ANY (ids) AND a."submittedAt" IS NOT NULL AND a.status <> 'cancelled'
    ORDER BY a."vendorId", a."submittedAt" DESC, a.id
  ), cur AS (
    SELECT DISTINCT ON (a."vendorId") a."vendorId", a.status, a."dueDate"
    FROM "Assessment" a
    WHERE a."vendorId" = ANY (ids)
    ORDER BY a."vendorId", a."createdAt" DESC, a.id
  ), flags AS (
    SELECT l."vendorId", array_agg(f.code ORDER BY f.code) AS codes,
           array_agg(f.severity ORDER BY f.code) AS severities,
           array_agg(f.title ORDER BY f.code) AS titles
    FROM latest l
    CROSS JOIN LATERAL (
      SELECT fl.code, min(fl.severity) AS severity, min(fl.title) AS title
      FROM "Flag" fl WHERE fl."assessmentId" = l.id GROUP BY fl.code
    ) f
    GROUP BY l."vendorId"
  ), answers AS (
    SELECT l."vendorId",
           max(dashboard.answer_date(an.value)) FILTER (WHERE an."questionId" = 'dr_test_last_date') AS dr,
           max(dashboard.answer_date(an.value)) FILTER (WHERE an."questionId" = 'restore_test_last_date') AS restore,
           max(dashboard.answer_date(an.value)) FILTER (WHERE an."questionId" = 'plan_last_reviewed_date') AS plan,
           (array_agg(an.value) FILTER (WHERE an."questionId" = 'sites' AND jsonb_typeof(an.value) = 'array'))[1] AS sites
    FROM latest l
    JOIN "Answer" an ON an."assessmentId" = l.id
     AND an."questionId" IN ('sites', 'dr_test_last_date', 'restore_test_last_date', 'plan_last_reviewed_date')
    GROUP BY l."vendorId"
  ), findings AS (
    SELECT fi."vendorId", count(*)::int AS n
    FROM "Finding" fi
    WHERE fi."vendorId" = ANY (ids) AND fi.status IN ('open', 'in_progress')
    GROUP BY fi."vendorId"
  ), computed AS (
    SELECT v.id,
           l.id AS "assessmentId", l.rating, l.score, l."submittedAt",
           COALESCE(dashboard.int_or_null(l."resolvedRequirements" ->> 'max_test_age_months'),
                    dashboard.int_or_null(l.requirements ->> 'max_test_age_months')) AS "maxAge",
           an.dr, an.restore, an.plan,
           COALESCE(f.codes, '{}') AS codes,
           COALESCE(f.severities, '{}') AS severities,
           COALESCE(f.titles, '{}') AS titles,
           an.sites, c.status, c."dueDate", COALESCE(fi.n, 0) AS findings
    FROM "Vendor" v
    LEFT JOIN latest l ON l."vendorId" = v.id
    LEFT JOIN flags f ON f."vendorId" = v.id
    LEFT JOIN answers an ON an."vendorId" = v.id
    LEFT JOIN cur c ON c."vendorId" = v.id
    LEFT JOIN findings fi ON fi."vendorId" = v.id
    WHERE v.id = ANY (ids)
  )
  UPDATE "Vendor" v SET
    "latestAssessmentId" = c."assessmentId",
    "latestRating" = c.rating,
    "latestScore" = c.score,
    "latestSubmittedAt" = c."submittedAt",
    "latestTestMaxAgeMonths" = c."maxAge",
    "latestDrTestDate" = c.dr,
    "latestRestoreTestDate" = c.restore,
    "latestPlanReviewDate" = c.plan,
    "latestFlagCodes" = c.codes,
    "latestFlagSeverities" = c.severities,
    "latestFlagTitles" = c.titles,
    "latestSites" = c.sites,
    "currentStatus" = c.status,
    "currentDueDate" = c."dueDate",
    "openFindings" = c.findings
  FROM computed c
  WHERE v.id = c.id
    AND (v."latestAssessmentId", v."latestRating", v."latestScore", v."latestSubmittedAt",
         v."latestTestMaxAgeMonths", v."latestDrTestDate", v."latestRestoreTestDate",
         v."latestPlanReviewDate", v."latestFlagCodes", v."latestFlagSeverities",
         v."latestFlagTitles", v."latestSites", v."currentStatus", v."currentDueDate",
         v."openFindings")
        IS DISTINCT FROM
        (c."assessmentId", c.rating, c.score, c."submittedAt", c."maxAge", c.dr, c.restore,
         c.plan, c.codes, c.severities, c.titles, c.sites, c.status, c."dueDate", c.findings);
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END $$;

-- What one vendor adds to its organisation's counts (an archived vendor adds nothing): the same
-- groupings as the queries that read them (lib/data/dashboard). Concentration counts providers,
-- countries and regions as the sites spell them; the map pools places by upper-cased country.
CREATE FUNCTION dashboard.vendor_parts(v "Vendor")
RETURNS TABLE (kind text, key text[], n bigint, x numeric, y numeric)
LANGUAGE sql STABLE AS $$
  WITH sites AS (
    SELECT nullif(trim(s ->> 'city'), '') AS city, nullif(upper(trim(s ->> 'country')), '') AS country,
           s ->> 'role' AS role, s ->> 'provider' AS provider, s ->> 'country' AS "givenCountry",
           s ->> 'region' AS region,
           dashboard.float_or_null(s ->> 'lat') AS lat, dashboard.float_or_null(s ->> 'lon') AS lon
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(v."latestSites") = 'array' THEN v."latestSites" ELSE '[]' END) s
    WHERE jsonb_typeof(s) = 'object'
  ), places AS (
    SELECT ARRAY[lower(city), upper(country),
                 (CASE WHEN city IS NULL THEN round(lat::numeric, 1) ELSE round(lat::numeric) END)::text,
                 (CASE WHEN city IS NULL THEN round(lon::numeric, 1) ELSE round(lon::numeric) END)::text] AS place,
           city, country, role, lat, lon
    FROM sites WHERE lat IS NOT NULL AND lon IS NOT NULL
  )
  SELECT * FROM (
    SELECT 'heat', ARRAY[v.tier::text, v."latestRating"::text], 1::bigint, 0::numeric, 0::numeric
    UNION ALL
    SELECT 'flag', ARRAY[f.code, f.severity::text, f.title], 1, 0, 0
    FROM unnest(v."latestFlagCodes", v."latestFlagSeverities", v."latestFlagTitles") f(code, severity, title)
    UNION ALL
    SELECT 'commonMode', ARRAY[c], 1, 0, 0 FROM unnest(v."latestFlagCodes") c
    WHERE c IN ('COMMON_MODE_CHANGE', 'FOURTH_PARTY_SINGLE_POINT', 'RECOVERY_NEEDS_PRIMARY')
    UNION ALL
    SELECT 'commonMode', ARRAY['*'], 1, 0, 0
    WHERE v."latestFlagCodes" && ARRAY['COMMON_MODE_CHANGE', 'FOURTH_PARTY_SINGLE_POINT', 'RECOVERY_NEEDS_PRIMARY']
    UNION ALL
    SELECT 'decay', ARRAY[k.kind, v.tier::text, k.d::text, v."latestTestMaxAgeMonths"::text], 1, 0, 0
    FROM (VALUES ('dr_test_last_date', v."latestDrTestDate"),
                 ('restore_test_last_date', v."latestRestoreTestDate"),
                 ('plan_last_reviewed_date', v."latestPlanReviewDate")) k(kind, d)
    WHERE k.d IS NOT NULL
    UNION ALL
    SELECT 'concentration', ARRAY[u.dim, u.key, v.tier::text], 1, 0, 0
    FROM (SELECT DISTINCT d.dim, d.key FROM sites
          CROSS JOIN LATERAL (VALUES ('provider', provider), ('country', "givenCountry"), ('region', region)) d(dim, key)
          WHERE d.key IS NOT NULL AND d.key <> '') u
    UNION ALL
    SELECT 'place', p.place, 1, 0, 0 FROM (SELECT DISTINCT place FROM places) p
    UNION ALL
    SELECT 'placeSite', place || ARRAY[city, country, role], count(*), sum(lat::numeric), sum(lon::numeric)
    FROM places GROUP BY place, city, country, role
  ) parts
  WHERE v.status = 'active'
$$;

-- What one assessment adds: the trend (judged, not cancelled) and due work (open).
CREATE FUNCTION dashboard.assessment_parts(a "Assessment")
RETURNS TABLE (kind text, key text[], n bigint, x numeric, y numeric)
LANGUAGE sql STABLE AS $$
  SELECT 'trend', ARRAY[to_char(date_trunc('month', a."submittedAt"), 'YYYY-MM'), a.rating::text],
         1::bigint, COALESCE(a.score, 0)::numeric, (a.score IS NOT NULL)::int::numeric
  WHERE a.rating IS NOT NULL AND a.status <> 'cancelled' AND a."submittedAt" IS NOT NULL
  UNION ALL
  SELECT 'due', ARRAY[a."dueDate"::text], 1, 0, 0
  WHERE a.status IN ('sent', 'in_progress', 'changes_requested', 'draft') AND a."dueDate" IS NOT NULL
$$;

-- Moves the log of changes into the totals (one folder at a time; a busy one is skipped).
CREATE FUNCTION dashboard.fold() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  moved integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('dashboard.fold')) THEN
    RETURN 0;
  END IF;
  WITH gone AS (
    DELETE FROM dashboard.change RETURNING "orgId", kind, key, n, x, y
  ), summed AS (
    SELECT "orgId", kind, key, sum(n) AS n, sum(x) AS x, sum(y) AS y
    FROM gone GROUP BY "orgId", kind, key
  )
  INSERT INTO dashboard.total AS t ("orgId", kind, key, n, x, y)
  SELECT "orgId", kind, key, n, x, y FROM summed
  ON CONFLICT ("orgId", kind, key) DO UPDATE
    SET n = t.n + excluded.n, x = t.x + excluded.x, y = t.y + excluded.y;
  GET DIAGNOSTICS moved = ROW_COUNT;
  DELETE FROM dashboard.total WHERE n = 0 AND x = 0 AND y = 0;
  RETURN moved;
END $$;

-- Vendor rows: their parts out (old) and in (new), summed per counter, only what changed.
CREATE FUNCTION dashboard.vendor_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- dashboard.backfill() works the counts out from scratch after refreshing every vendor.
  IF current_setting('dashboard.rebuilding', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dashboard.change ("orgId", kind, key, n, x, y)
    SELECT r."orgId", p.kind, p.key, sum(p.n), sum(p.x), sum(p.y)
    FROM new_rows r CROSS JOIN LATERAL dashboard.vendor_parts(r) p
    GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dashboard.change ("orgId", kind, key, n, x, y)
    SELECT r."orgId", p.kind, p.key, -sum(p.n), -sum(p.x), -sum(p.y)
    FROM old_rows r CROSS JOIN LATERAL dashboard.vendor_parts(r) p
    GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO dashboard.change ("orgId", kind, key, n, x, y)
    SELECT "orgId", kind, key, sum(n), sum(x), sum(y) FROM (
      SELECT r."orgId", p.kind, p.key, p.n, p.x, p.y
      FROM new_rows r CROSS JOIN LATERAL dashboard.vendor_parts(r) p
      UNION ALL
      SELECT r."orgId", p.kind, p.key, -p.n, -p.x, -p.y
      FROM old_rows r CROSS JOIN LATERAL dashboard.vendor_parts(r) p
    ) d
    GROUP BY 1, 2, 3
    HAVING sum(n) <> 0 OR sum(x) <> 0 OR sum(y) <> 0;
  END IF;
  RETURN NULL;
END $$;

-- Assessments: their own parts (trend, due), and their vendors' kept columns. A submission,
-- decision, cancellation, re-judgement, new assessment, due date, move or deletion can change
-- which assessment is latest or current, or its figures.
CREATE FUNCTION dashboard.assessment_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dashboard.change ("orgId", kind, key, n, x, y)
    SELECT r."orgId", p.kind, p.key, sum(p.n), sum(p.x), sum(p.y)
    FROM new_rows r CROSS JOIN LATERAL dashboard.assessment_parts(r) p
    GROUP BY 1, 2, 3;
    PERFORM dashboard.refresh_vendors(ARRAY(SELECT DISTINCT "vendorId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dashboard.change ("orgId", kind, key, n, x, y)
    SELECT r."orgId", p.kind, p.key, -sum(p.n), -sum(p.x), -sum(p.y)
    FROM old_rows r CROSS JOIN LATERAL dashboard.assessment_parts(r) p
    GROUP BY 1, 2, 3;
    PERFORM dashboard.refresh_vendors(ARRAY(SELECT DISTINCT "vendorId" FROM old_rows));
  ELSE
    INSERT INTO dashboard.change ("orgId", kind, key, n, x, y)
    SELECT "orgId", kind, key, sum(n), sum(x), sum(y) FROM (
      SELECT r."orgId", p.kind, p.key, p.n, p.x, p.y
      FROM new_rows r CROSS JOIN LATERAL dashboard.assessment_parts(r) p
      UNION ALL
      SELECT r."orgId", p.kind, p.key, -p.n, -p.x, -p.y
      FROM old_rows r CROSS JOIN LATERAL dashboard.assessment_parts(r) p
    ) d
    GROUP BY 1, 2, 3
    HAVING sum(n) <> 0 OR sum(x) <> 0 OR sum(y) <> 0;
    PERFORM dashboard.refresh_vendors(ARRAY(
      SELECT DISTINCT x.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n."vendorId"), (o."vendorId")) x(id)
      WHERE (n."vendorId", n.status, n."submittedAt", n.rating, n.score, n.requirements,
             n."resolvedRequirements", n."dueDate", n."createdAt")
            IS DISTINCT FROM
            (o."vendorId", o.status, o."submittedAt", o.rating, o.score, o.requirements,
             o."resolvedRequirements", o."dueDate", o."createdAt")));
  END IF;
  RETURN NULL;
END $$;

-- Flags, the answers the dashboard reads, and findings: their vendors' kept columns.
CREATE FUNCTION dashboard.assessment_children_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  assessment_ids text[];
  vendor_ids text[];
  read_answers CONSTANT text[] := ARRAY['sites', 'dr_test_last_date', 'restore_test_last_date', 'plan_last_reviewed_date'];
BEGIN
  IF TG_TABLE_NAME = 'Finding' THEN
    IF TG_OP = 'INSERT' THEN
      vendor_ids := ARRAY(SELECT DISTINCT "vendorId" FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
      vendor_ids := ARRAY(SELECT DISTINCT "vendorId" FROM old_rows);
    ELSE
      vendor_ids := ARRAY(
        SELECT DISTINCT x.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (n."vendorId"), (o."vendorId")) x(id)
        WHERE (n."vendorId", n.status) IS DISTINCT FROM (o."vendorId", o.status));
    END IF;
    PERFORM dashboard.refresh_vendors(vendor_ids);
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'Answer' THEN
    IF TG_OP = 'INSERT' THEN
      assessment_ids := ARRAY(SELECT "assessmentId" FROM new_rows WHERE "questionId" = ANY (read_answers));
    ELSIF TG_OP = 'DELETE' THEN
      assessment_ids := ARRAY(SELECT "assessmentId" FROM old_rows WHERE "questionId" = ANY (read_answers));
    ELSE
      assessment_ids := ARRAY(
        SELECT x.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (n."assessmentId"), (o."assessmentId")) x(id)
        WHERE (n."assessmentId", n."questionId", n.value) IS DISTINCT FROM (o."assessmentId", o."questionId", o.value)
          AND (n."questionId" = ANY (read_answers) OR o."questionId" = ANY (read_answers)));
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    assessment_ids := ARRAY(SELECT "assessmentId" FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    assessment_ids := ARRAY(SELECT "assessmentId" FROM old_rows);
  ELSE
    assessment_ids := ARRAY(
      SELECT x.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n."assessmentId"), (o."assessmentId")) x(id)
      WHERE (n."assessmentId", n.code, n.severity, n.title) IS DISTINCT FROM (o."assessmentId", o.code, o.severity, o.title));
  END IF;
  -- Only a submitted assessment's flags and answers are read (a deleted one's vendor was
  -- refreshed by the assessment's own trigger).
  IF cardinality(assessment_ids) > 0 THEN
    PERFORM dashboard.refresh_vendors(ARRAY(
      SELECT DISTINCT a."vendorId" FROM "Assessment" a
      WHERE a.id = ANY (assessment_ids) AND a."submittedAt" IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

-- TRUNCATE fires no row triggers: a truncated vendor table empties the counts; a truncated
-- child table refreshes every vendor.
CREATE FUNCTION dashboard.truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Vendor' THEN
    DELETE FROM dashboard.change WHERE kind NOT IN ('trend', 'due');
    DELETE FROM dashboard.total WHERE kind NOT IN ('trend', 'due');
  ELSIF TG_TABLE_NAME = 'Assessment' THEN
    DELETE FROM dashboard.change WHERE kind IN ('trend', 'due');
    DELETE FROM dashboard.total WHERE kind IN ('trend', 'due');
    PERFORM dashboard.backfill();
  ELSE
    PERFORM dashboard.backfill();
  END IF;
  RETURN NULL;
END $$;

-- Every vendor's kept columns and every count worked out again from the rows (idempotent): the
-- migration runs it, and so does a bulk load that skipped the triggers (tests/bench/dashboard.ts).
CREATE FUNCTION dashboard.backfill() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('dashboard.fold'));
  PERFORM set_config('dashboard.rebuilding', 'on', true);
  written := dashboard.refresh_vendors(ARRAY(SELECT id FROM "Vendor" ORDER BY id));
  PERFORM set_config('dashboard.rebuilding', 'off', true);
  -- The counts from scratch: whatever the log and totals held is replaced.
  DELETE FROM dashboard.change;
  DELETE FROM dashboard.total;
  INSERT INTO dashboard.total ("orgId", kind, key, n, x, y)
  SELECT "orgId", kind, key, sum(n), sum(x), sum(y) FROM (
    SELECT v."orgId", p.* FROM "Vendor" v CROSS JOIN LATERAL dashboard.vendor_parts(v) p
    UNION ALL
    SELECT a."orgId", p.* FROM "Assessment" a CROSS JOIN LATERAL dashboard.assessment_parts(a) p
  ) parts
  GROUP BY 1, 2, 3
  HAVING sum(n) <> 0 OR sum(x) <> 0 OR sum(y) <> 0;
  RETURN written;
END $$;

CREATE TRIGGER "Vendor_dashboard_insert" AFTER INSERT ON "Vendor"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.vendor_rows_changed();
CREATE TRIGGER "Vendor_dashboard_update" AFTER UPDATE ON "Vendor"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.vendor_rows_changed();
CREATE TRIGGER "Vendor_dashboard_delete" AFTER DELETE ON "Vendor"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.vendor_rows_changed();

CREATE TRIGGER "Assessment_dashboard_insert" AFTER INSERT ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_rows_changed();
CREATE TRIGGER "Assessment_dashboard_update" AFTER UPDATE ON "Assessment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_rows_changed();
CREATE TRIGGER "Assessment_dashboard_delete" AFTER DELETE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_rows_changed();

CREATE TRIGGER "Flag_dashboard_insert" AFTER INSERT ON "Flag"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Flag_dashboard_update" AFTER UPDATE ON "Flag"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Flag_dashboard_delete" AFTER DELETE ON "Flag"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Answer_dashboard_insert" AFTER INSERT ON "Answer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Answer_dashboard_update" AFTER UPDATE ON "Answer"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Answer_dashboard_delete" AFTER DELETE ON "Answer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Finding_dashboard_insert" AFTER INSERT ON "Finding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Finding_dashboard_update" AFTER UPDATE ON "Finding"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();
CREATE TRIGGER "Finding_dashboard_delete" AFTER DELETE ON "Finding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.assessment_children_changed();

CREATE TRIGGER "Vendor_dashboard_truncate" AFTER TRUNCATE ON "Vendor"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard.truncated();
CREATE TRIGGER "Assessment_dashboard_truncate" AFTER TRUNCATE ON "Assessment"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard.truncated();
CREATE TRIGGER "Flag_dashboard_truncate" AFTER TRUNCATE ON "Flag"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard.truncated();
CREATE TRIGGER "Answer_dashboard_truncate" AFTER TRUNCATE ON "Answer"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard.truncated();
CREATE TRIGGER "Finding_dashboard_truncate" AFTER TRUNCATE ON "Finding"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard.truncated();

SELECT dashboard.backfill();
