-- The tracking model: agencies, working groups, directives, tasks and their
-- assignments, task links, progress reports, KPIs, the history and the
-- import staging table.  Rules live in triggers (55_model_api.sql); the
-- shipped agency catalog (60_catalog.sql) is marked is_shipped by
-- 90_finish.sql so that pg_dump keeps only the rows users add.

-- Name keys --------------------------------------------------------------
-- Agency names are matched through a key that ignores case, spacing,
-- Unicode form, the old/new placement of tone marks (Uỷ/Ủy, hoà/hòa),
-- the usual abbreviations (UBND, TP, VP, MTTQ, HĐND) and a leading "các".

CREATE FUNCTION neongraph.name_key(name pg_catalog.text)
  RETURNS pg_catalog.text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_catalog.btrim(
    pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
    pg_catalog.translate(
    pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
    pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
    pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
      pg_catalog.lower(normalize($1, NFC) COLLATE pg_catalog."und-x-icu"),
      'oà', 'òa'), 'oá', 'óa'), 'oả', 'ỏa'), 'oã', 'õa'), 'oạ', 'ọa'),
      'oè', 'òe'), 'oé', 'óe'), 'oẻ', 'ỏe'), 'uỳ', 'ùy'), 'uý', 'úy'),
      'uỷ', 'ủy'), 'uỹ', 'ũy'), 'uỵ', 'ụy'), '&', ' và '), '…', '...'),
      pg_catalog.chr(160) || pg_catalog.chr(8239) || pg_catalog.chr(8203), '  '),
      '\mubnd\M', 'ủy ban nhân dân', 'g'),
      '\mhđnd\M', 'hội đồng nhân dân', 'g'),
      '\mmttq\M', 'mặt trận tổ quốc', 'g'),
      '\mvp\M\.?', 'văn phòng', 'g'),
      '\mtp\M\.?', 'thành phố ', 'g'),
      '[[:space:]]+', ' ', 'g'),
      '^[[:space:]]*(các|những)[[:space:]]+', ''),
      '[[:space:].,;:]+$', ''))
$$;
COMMENT ON FUNCTION neongraph.name_key(pg_catalog.text) IS
  'Matching key of an agency name: NFC, lower case (Unicode), one space between words, tone marks placed the new way (Uỷ -> Ủy, hoà -> hòa), UBND/HĐND/MTTQ/VP/TP spelled out, a leading "các"/"những" and trailing punctuation dropped';

CREATE FUNCTION neongraph.name_keys(name pg_catalog.text, aliases pg_catalog.text[])
  RETURNS pg_catalog.text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_catalog.array_agg(DISTINCT k ORDER BY k)
    FROM (SELECT neongraph.name_key(n) AS k
            FROM pg_catalog.unnest(pg_catalog.array_prepend($1, coalesce($2, '{}'::pg_catalog.text[]))) AS n
           WHERE n IS NOT NULL) s
   WHERE k IS NOT NULL AND k OPERATOR(pg_catalog.<>) ''
$$;
COMMENT ON FUNCTION neongraph.name_keys(pg_catalog.text, pg_catalog.text[]) IS
  'The matching keys (neongraph.name_key) of a name and its aliases, sorted and distinct';

CREATE FUNCTION neongraph.trigrams(t pg_catalog.text)
  RETURNS pg_catalog.text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(pg_catalog.array_agg(DISTINCT pg_catalog.substr(w, i, 3)), '{}')
    FROM (SELECT '  ' || w || ' ' AS w
            FROM pg_catalog.regexp_split_to_table(neongraph.name_key($1) COLLATE pg_catalog."und-x-icu",
                                                  '[^[:alnum:]]+') AS w
           WHERE w OPERATOR(pg_catalog.<>) '') s,
         pg_catalog.generate_series(1, pg_catalog.length(w) - 2) AS i
$$;
COMMENT ON FUNCTION neongraph.trigrams(pg_catalog.text) IS
  'The set of word trigrams of a text''s name key (each word padded like pg_trgm does)';

CREATE FUNCTION neongraph.trigram_overlap(a pg_catalog.text[], b pg_catalog.text[])
  RETURNS pg_catalog.float4
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN u.n = 0 THEN 0::pg_catalog.float4
              ELSE (i.n::pg_catalog.float4 / u.n::pg_catalog.float4) END
    FROM (SELECT pg_catalog.count(*) AS n FROM (SELECT pg_catalog.unnest($1) INTERSECT SELECT pg_catalog.unnest($2)) x) i,
         (SELECT pg_catalog.count(*) AS n FROM (SELECT pg_catalog.unnest($1) UNION SELECT pg_catalog.unnest($2)) y) u
$$;
COMMENT ON FUNCTION neongraph.trigram_overlap(pg_catalog.text[], pg_catalog.text[]) IS
  'Similarity of two trigram sets: shared trigrams / all trigrams (0..1)';

CREATE FUNCTION neongraph.similarity(a pg_catalog.text, b pg_catalog.text)
  RETURNS pg_catalog.float4
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT neongraph.trigram_overlap(neongraph.trigrams($1), neongraph.trigrams($2))
$$;
COMMENT ON FUNCTION neongraph.similarity(pg_catalog.text, pg_catalog.text) IS
  'Trigram similarity (shared trigrams / all trigrams, 0..1) of two texts'' name keys, as pg_trgm computes it, without needing pg_trgm: used to suggest the nearest agency names and to match a local task to the central task it cascades';

-- Agencies ---------------------------------------------------------------

CREATE TABLE neongraph.agency (
  agency_id          pg_catalog.int4 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code               pg_catalog.text NOT NULL UNIQUE
                     CHECK (code OPERATOR(pg_catalog.<>) '' AND code OPERATOR(pg_catalog.=) pg_catalog.btrim(code)),
  name               pg_catalog.text NOT NULL CHECK (pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) ''),
  kind               pg_catalog.text NOT NULL
                     CHECK (kind IN ('party_central', 'state_central', 'ministry', 'province',
                                     'department', 'commune', 'enterprise', 'collective')),
  parent_code        pg_catalog.text NULL
                     REFERENCES neongraph.agency (code) ON UPDATE CASCADE
                     DEFERRABLE INITIALLY DEFERRED,
  aliases            pg_catalog.text[] NOT NULL DEFAULT '{}',
  member_kind        pg_catalog.text NULL
                     CHECK (member_kind IN ('party_central', 'state_central', 'ministry', 'province',
                                            'department', 'commune', 'enterprise')),
  member_parent_code pg_catalog.text NULL
                     REFERENCES neongraph.agency (code) ON UPDATE CASCADE
                     DEFERRABLE INITIALLY DEFERRED,
  members            pg_catalog.text[] NULL,
  is_shipped         pg_catalog.bool NOT NULL DEFAULT false,
  name_keys          pg_catalog.text[] GENERATED ALWAYS AS (neongraph.name_keys(name, aliases)) STORED,
  CHECK (parent_code IS DISTINCT FROM code),
  CHECK (kind OPERATOR(pg_catalog.=) 'collective' OR (member_kind IS NULL AND member_parent_code IS NULL AND members IS NULL))
);
CREATE INDEX agency_parent_idx ON neongraph.agency (parent_code);
CREATE INDEX agency_name_keys_idx ON neongraph.agency USING gin (name_keys);
COMMENT ON TABLE neongraph.agency IS
  'Agencies (cơ quan): central Party and State bodies, ministries, provinces, their departments and communes, enterprises, and collective names ("Các sở, ban, ngành Thành phố", "UBND cấp xã") that stand for a set of agencies';
COMMENT ON COLUMN neongraph.agency.agency_id IS 'Surrogate key';
COMMENT ON COLUMN neongraph.agency.code IS 'Stable short code without surrounding spaces, e.g. BCA, HCM, HCM.SKHCN';
COMMENT ON COLUMN neongraph.agency.name IS 'Full Vietnamese name, e.g. Bộ Khoa học và Công nghệ';
COMMENT ON COLUMN neongraph.agency.kind IS 'party_central, state_central, ministry, province, department, commune, enterprise or collective';
COMMENT ON COLUMN neongraph.agency.parent_code IS 'The agency it belongs to (a department or commune belongs to its province); rollups along the hierarchy include every descendant';
COMMENT ON COLUMN neongraph.agency.aliases IS 'Other names and short forms (TP.HCM, Bộ KH&CN, VPCP, BCA, UBND Thành phố) that imports and the write API accept';
COMMENT ON COLUMN neongraph.agency.member_kind IS 'For a collective: it stands for every agency of this kind under member_parent_code';
COMMENT ON COLUMN neongraph.agency.member_parent_code IS 'For a collective with member_kind: the parent whose children of that kind it stands for';
COMMENT ON COLUMN neongraph.agency.members IS 'For a collective: explicit member codes (added to those member_kind/member_parent_code give)';
COMMENT ON COLUMN neongraph.agency.is_shipped IS 'True for the catalog rows the extension installs; pg_dump keeps only rows where it is false';
COMMENT ON COLUMN neongraph.agency.name_keys IS 'Matching keys of the name and aliases (neongraph.name_keys), kept for lookups';

-- Working groups -----------------------------------------------------------

CREATE TABLE neongraph.working_group (
  group_id   pg_catalog.int4 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code       pg_catalog.text NOT NULL UNIQUE,
  name       pg_catalog.text NOT NULL,
  leader     pg_catalog.text,
  deputies   pg_catalog.text[],
  duties     pg_catalog.text,
  directive  pg_catalog.text
);
COMMENT ON TABLE neongraph.working_group IS
  'Working groups (nhóm công tác), e.g. Nhóm 1–5 of 67-QĐ/TGV, with their leader, deputies and duties';
COMMENT ON COLUMN neongraph.working_group.group_id IS 'Surrogate key';
COMMENT ON COLUMN neongraph.working_group.code IS 'Stable code, e.g. N1 .. N5';
COMMENT ON COLUMN neongraph.working_group.name IS 'Name, e.g. Nhóm 1: Phụ trách chuyển đổi số khối Chính phủ';
COMMENT ON COLUMN neongraph.working_group.leader IS 'Group leader (Nhóm trưởng)';
COMMENT ON COLUMN neongraph.working_group.deputies IS 'Deputy leaders (Nhóm phó)';
COMMENT ON COLUMN neongraph.working_group.duties IS 'Duties and powers (Nhiệm vụ, quyền hạn)';
COMMENT ON COLUMN neongraph.working_group.directive IS 'Document number of the decision that set the group up, e.g. 67-QĐ/TGV';

CREATE TABLE neongraph.working_group_member (
  group_code  pg_catalog.text NOT NULL REFERENCES neongraph.working_group (code) ON UPDATE CASCADE ON DELETE CASCADE,
  agency_code pg_catalog.text NOT NULL REFERENCES neongraph.agency (code) ON UPDATE CASCADE,
  role        pg_catalog.text,
  PRIMARY KEY (group_code, agency_code)
);
CREATE INDEX working_group_member_agency_idx ON neongraph.working_group_member (agency_code);
COMMENT ON TABLE neongraph.working_group_member IS
  'Member agencies of each working group; a group follows the tasks its member agencies (and their descendants) lead';
COMMENT ON COLUMN neongraph.working_group_member.group_code IS 'The working group';
COMMENT ON COLUMN neongraph.working_group_member.agency_code IS 'The member agency';
COMMENT ON COLUMN neongraph.working_group_member.role IS 'Role in the group (leader, deputy, member, ...), free text';

-- Directives -------------------------------------------------------------

CREATE TABLE neongraph.directive (
  directive_id pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  docref       neongraph.docref NOT NULL UNIQUE,
  kind         pg_catalog.text,
  issuer       pg_catalog.text,
  issued_on    pg_catalog.date,
  signer       pg_catalog.text,
  title        pg_catalog.text
);
COMMENT ON TABLE neongraph.directive IS
  'Directives (văn bản chỉ đạo): conclusions (TB), plans (KH), decisions (QĐ), letters (CV), resolutions (NQ), ...';
COMMENT ON COLUMN neongraph.directive.directive_id IS 'Surrogate key';
COMMENT ON COLUMN neongraph.directive.docref IS 'Document number (số hiệu), e.g. 44-TB/TGV; equal across spellings';
COMMENT ON COLUMN neongraph.directive.kind IS 'Kind of document: TB, KH, QĐ, CV, NQ, CT, CTr, QC, HD, ...';
COMMENT ON COLUMN neongraph.directive.issuer IS 'Issuing body as written, e.g. Tổ Giúp việc Ban Chỉ đạo Trung ương';
COMMENT ON COLUMN neongraph.directive.issued_on IS 'Date of issue; the reference date for deadlines written without a year';
COMMENT ON COLUMN neongraph.directive.signer IS 'Signer';
COMMENT ON COLUMN neongraph.directive.title IS 'Title or subject';

CREATE TABLE neongraph.directive_link (
  directive  neongraph.docref NOT NULL REFERENCES neongraph.directive (docref) ON DELETE CASCADE,
  implements neongraph.docref NOT NULL,
  PRIMARY KEY (directive, implements),
  CHECK (directive OPERATOR(neongraph.<>) implements)
);
CREATE INDEX directive_link_implements_idx ON neongraph.directive_link (implements);
COMMENT ON TABLE neongraph.directive_link IS
  'The cascade of directives: directive implements (triển khai) another, e.g. 01-KH/BCĐ implements 07-TB/CQTTBCĐ; the implemented directive need not be loaded';
COMMENT ON COLUMN neongraph.directive_link.directive IS 'The implementing (lower-level) directive';
COMMENT ON COLUMN neongraph.directive_link.implements IS 'The directive it implements';

-- Tasks, their agencies and assignments ------------------------------------

CREATE TABLE neongraph.task (
  task_id            pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  directive_id       pg_catalog.int8 NOT NULL REFERENCES neongraph.directive (directive_id),
  item_no            pg_catalog.text NOT NULL CHECK (pg_catalog.btrim(item_no) OPERATOR(pg_catalog.<>) ''),
  content            pg_catalog.text NOT NULL CHECK (pg_catalog.btrim(content) OPERATOR(pg_catalog.<>) ''),
  working_group      pg_catalog.text NULL REFERENCES neongraph.working_group (code) ON UPDATE CASCADE,
  deadline           neongraph.deadline NULL,
  deadline_text      pg_catalog.text NULL,
  assigned_deadline  neongraph.deadline NULL,
  assigned_deadline_text pg_catalog.text NULL,
  focus              pg_catalog.bool NOT NULL DEFAULT false,
  output_product     pg_catalog.text NULL,
  note               pg_catalog.text NULL,
  source_deadline    pg_catalog.text NULL,
  created_at         pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  updated_at         pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  UNIQUE (directive_id, item_no)
);
CREATE INDEX task_working_group_idx ON neongraph.task (working_group);
COMMENT ON TABLE neongraph.task IS
  'Tasks (nhiệm vụ, đầu việc) of a directive; each lead agency''s part is an assignment';
COMMENT ON COLUMN neongraph.task.task_id IS 'Surrogate key';
COMMENT ON COLUMN neongraph.task.directive_id IS 'The directive that assigns the task';
COMMENT ON COLUMN neongraph.task.item_no IS 'Item number within the directive as written (II.1.a, 19)';
COMMENT ON COLUMN neongraph.task.content IS 'What is to be done (nội dung nhiệm vụ)';
COMMENT ON COLUMN neongraph.task.working_group IS 'Working group that follows the task explicitly; NULL: the groups its lead agencies are members of';
COMMENT ON COLUMN neongraph.task.deadline IS 'Current deadline (hạn hoàn thành); NULL when none is given';
COMMENT ON COLUMN neongraph.task.deadline_text IS 'The current deadline as written in the source';
COMMENT ON COLUMN neongraph.task.assigned_deadline IS 'The deadline first assigned (hạn được giao), kept when the deadline is re-stated; status is judged against it';
COMMENT ON COLUMN neongraph.task.assigned_deadline_text IS 'The assigned deadline as written';
COMMENT ON COLUMN neongraph.task.focus IS 'Focus task (nhiệm vụ trọng tâm)';
COMMENT ON COLUMN neongraph.task.output_product IS 'Expected output product (sản phẩm đầu ra)';
COMMENT ON COLUMN neongraph.task.note IS 'Note (ghi chú) as written';
COMMENT ON COLUMN neongraph.task.source_deadline IS 'The deadline as the imported file last wrote it: a re-import changes the deadline only when the file does, so a deadline re-stated since is not reverted';
COMMENT ON COLUMN neongraph.task.created_at IS 'When the row was created';
COMMENT ON COLUMN neongraph.task.updated_at IS 'When the row last changed';

CREATE TABLE neongraph.task_agency (
  task_id     pg_catalog.int8 NOT NULL REFERENCES neongraph.task (task_id) ON DELETE CASCADE,
  agency_code pg_catalog.text NOT NULL REFERENCES neongraph.agency (code) ON UPDATE CASCADE,
  role        pg_catalog.text NOT NULL CHECK (role IN ('lead', 'cooperating')),
  position    pg_catalog.int4 NOT NULL DEFAULT 1,
  PRIMARY KEY (task_id, role, agency_code)
);
CREATE INDEX task_agency_agency_idx ON neongraph.task_agency (agency_code);
COMMENT ON TABLE neongraph.task_agency IS
  'Lead (chủ trì) and cooperating (phối hợp) agencies of a task as named in the directive (collectives stay collective here; assignments expand them)';
COMMENT ON COLUMN neongraph.task_agency.task_id IS 'The task';
COMMENT ON COLUMN neongraph.task_agency.agency_code IS 'The agency (or collective) named';
COMMENT ON COLUMN neongraph.task_agency.role IS 'lead or cooperating';
COMMENT ON COLUMN neongraph.task_agency.position IS 'Order in which the source names it';

CREATE TABLE neongraph.assignment (
  assignment_id    pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id          pg_catalog.int8 NOT NULL REFERENCES neongraph.task (task_id) ON DELETE CASCADE,
  agency_code      pg_catalog.text NOT NULL REFERENCES neongraph.agency (code) ON UPDATE CASCADE,
  via_agency       pg_catalog.text NULL REFERENCES neongraph.agency (code) ON UPDATE CASCADE,
  progress         pg_catalog.int4 NOT NULL DEFAULT 0,
  completed_on     pg_catalog.date NULL,
  evidence         pg_catalog.text NULL,
  verified         pg_catalog.bool NOT NULL DEFAULT false,
  verified_on      pg_catalog.date NULL,
  verified_by      pg_catalog.text NULL,
  verification_note pg_catalog.text NULL,
  blocked          pg_catalog.bool NOT NULL DEFAULT false,
  blocked_reason   pg_catalog.text NULL,
  blocked_since    pg_catalog.date NULL,
  cancelled        pg_catalog.bool NOT NULL DEFAULT false,
  cancel_reason    pg_catalog.text NULL,
  cancelled_on     pg_catalog.date NULL,
  last_report_at   pg_catalog.timestamptz NULL,
  created_at       pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  updated_at       pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  UNIQUE (task_id, agency_code),
  CHECK (progress BETWEEN 0 AND 100)
);
CREATE INDEX assignment_agency_idx ON neongraph.assignment (agency_code);
COMMENT ON TABLE neongraph.assignment IS
  'One lead agency''s part of a task (task × lead agency): each finishes its own part; a task is done when every lead''s assignment is';
COMMENT ON COLUMN neongraph.assignment.assignment_id IS 'Surrogate key';
COMMENT ON COLUMN neongraph.assignment.task_id IS 'The task';
COMMENT ON COLUMN neongraph.assignment.agency_code IS 'The lead agency responsible';
COMMENT ON COLUMN neongraph.assignment.via_agency IS 'The collective the source named when this agency got the task through it ("Các sở, ban, ngành Thành phố"), else NULL';
COMMENT ON COLUMN neongraph.assignment.progress IS 'Progress in percent, 0..100';
COMMENT ON COLUMN neongraph.assignment.completed_on IS 'Completion date (not after today in Vietnam); NULL while open';
COMMENT ON COLUMN neongraph.assignment.evidence IS 'Evidence of completion (minh chứng): document number, link, figures; required to complete';
COMMENT ON COLUMN neongraph.assignment.verified IS 'Completion verified by the coordinating group (đối soát, kiểm chứng)';
COMMENT ON COLUMN neongraph.assignment.verified_on IS 'Date of verification';
COMMENT ON COLUMN neongraph.assignment.verified_by IS 'Who verified (database user)';
COMMENT ON COLUMN neongraph.assignment.verification_note IS 'Verification note';
COMMENT ON COLUMN neongraph.assignment.blocked IS 'Blocked beyond the agency''s authority (vướng mắc vượt thẩm quyền), escalated';
COMMENT ON COLUMN neongraph.assignment.blocked_reason IS 'Why it is blocked; required while blocked';
COMMENT ON COLUMN neongraph.assignment.blocked_since IS 'Date it was marked blocked';
COMMENT ON COLUMN neongraph.assignment.cancelled IS 'Cancelled (dừng thực hiện)';
COMMENT ON COLUMN neongraph.assignment.cancel_reason IS 'Why it was cancelled; required to cancel';
COMMENT ON COLUMN neongraph.assignment.cancelled_on IS 'Date of cancellation; statuses as of an earlier date ignore it';
COMMENT ON COLUMN neongraph.assignment.last_report_at IS 'Time of the latest progress report';
COMMENT ON COLUMN neongraph.assignment.created_at IS 'When the row was created';
COMMENT ON COLUMN neongraph.assignment.updated_at IS 'When the row last changed';

CREATE TABLE neongraph.task_link (
  from_task  pg_catalog.int8 NOT NULL REFERENCES neongraph.task (task_id) ON DELETE CASCADE,
  to_task    pg_catalog.int8 NOT NULL REFERENCES neongraph.task (task_id) ON DELETE CASCADE,
  kind       pg_catalog.text NOT NULL CHECK (kind IN ('derives', 'depends')),
  note       pg_catalog.text NULL,
  created_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  PRIMARY KEY (from_task, kind, to_task),
  CHECK (from_task OPERATOR(pg_catalog.<>) to_task)
);
CREATE INDEX task_link_to_idx ON neongraph.task_link (to_task, kind);
COMMENT ON TABLE neongraph.task_link IS
  'Links between tasks: from_task derives from to_task (a local task implementing a higher-level one) or depends on it; cycles are refused';
COMMENT ON COLUMN neongraph.task_link.from_task IS 'The lower-level or dependent task';
COMMENT ON COLUMN neongraph.task_link.to_task IS 'The higher-level task (derives) or the task depended on (depends)';
COMMENT ON COLUMN neongraph.task_link.kind IS 'derives or depends';
COMMENT ON COLUMN neongraph.task_link.note IS 'How the link was established (e.g. from the note "Thông báo số 44-TB/TGV")';
COMMENT ON COLUMN neongraph.task_link.created_at IS 'When the link was made';

-- Progress reports (Điều 3.3 of 67-QĐ/TGV) ---------------------------------

CREATE TABLE neongraph.progress_report (
  report_id       pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assignment_id   pg_catalog.int8 NOT NULL REFERENCES neongraph.assignment (assignment_id) ON DELETE CASCADE,
  task_id         pg_catalog.int8 NOT NULL REFERENCES neongraph.task (task_id) ON DELETE CASCADE,
  agency_code     pg_catalog.text NOT NULL REFERENCES neongraph.agency (code) ON UPDATE CASCADE,
  reported_at     pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  reported_by     pg_catalog.text NOT NULL DEFAULT SESSION_USER,
  progress        pg_catalog.int4 NOT NULL CHECK (progress BETWEEN 0 AND 100),
  task            pg_catalog.text,
  results         pg_catalog.text,
  outputs         pg_catalog.text,
  evidence        pg_catalog.text,
  shortcomings    pg_catalog.text,
  causes          pg_catalog.text,
  recommendations pg_catalog.text,
  focal_point     pg_catalog.text,
  milestone       pg_catalog.text,
  adjustment      pg_catalog.text
);
CREATE INDEX progress_report_assignment_idx ON neongraph.progress_report (assignment_id, reported_at);
CREATE INDEX progress_report_time_idx ON neongraph.progress_report (reported_at);
COMMENT ON TABLE neongraph.progress_report IS
  'Progress reports of an assignment, with the ten fields every report must state (Điều 3.3 of 67-QĐ/TGV)';
COMMENT ON COLUMN neongraph.progress_report.report_id IS 'Surrogate key';
COMMENT ON COLUMN neongraph.progress_report.assignment_id IS 'The assignment reported on';
COMMENT ON COLUMN neongraph.progress_report.task_id IS 'The task (denormalised from the assignment)';
COMMENT ON COLUMN neongraph.progress_report.agency_code IS 'The reporting agency';
COMMENT ON COLUMN neongraph.progress_report.reported_at IS 'When the report was filed (decides the reporting week)';
COMMENT ON COLUMN neongraph.progress_report.reported_by IS 'Database user who filed it';
COMMENT ON COLUMN neongraph.progress_report.progress IS 'Progress in percent stated by the report';
COMMENT ON COLUMN neongraph.progress_report.task IS '1. Nhiệm vụ được giao — the task assigned';
COMMENT ON COLUMN neongraph.progress_report.results IS '2. Kết quả đạt được — results achieved';
COMMENT ON COLUMN neongraph.progress_report.outputs IS '3. Sản phẩm đầu ra — output products';
COMMENT ON COLUMN neongraph.progress_report.evidence IS '4. Số liệu, bằng chứng kiểm chứng — figures and verifiable evidence';
COMMENT ON COLUMN neongraph.progress_report.shortcomings IS '5. Tồn tại, hạn chế — shortcomings';
COMMENT ON COLUMN neongraph.progress_report.causes IS '6. Nguyên nhân — causes';
COMMENT ON COLUMN neongraph.progress_report.recommendations IS '7. Kiến nghị xử lý — recommendations';
COMMENT ON COLUMN neongraph.progress_report.focal_point IS '8. Đầu mối chịu trách nhiệm — responsible focal point';
COMMENT ON COLUMN neongraph.progress_report.milestone IS '9. Mốc thời gian hoàn thành — completion milestone';
COMMENT ON COLUMN neongraph.progress_report.adjustment IS '10. Đề xuất điều chỉnh — proposed adjustment, if any';

-- KPIs ---------------------------------------------------------------------

CREATE TABLE neongraph.kpi (
  kpi_id       pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code         pg_catalog.text NOT NULL UNIQUE,
  name         pg_catalog.text NOT NULL,
  task_id      pg_catalog.int8 NULL REFERENCES neongraph.task (task_id) ON DELETE SET NULL,
  owner_code   pg_catalog.text NOT NULL REFERENCES neongraph.agency (code) ON UPDATE CASCADE,
  unit         pg_catalog.text NOT NULL,
  direction    pg_catalog.text NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase', 'decrease')),
  baseline     pg_catalog.numeric NULL,
  target       pg_catalog.numeric NOT NULL,
  deadline     neongraph.deadline NULL
);
COMMENT ON TABLE neongraph.kpi IS 'Indicators (chỉ tiêu, KPI) with their baseline, target and deadline';
COMMENT ON COLUMN neongraph.kpi.kpi_id IS 'Surrogate key';
COMMENT ON COLUMN neongraph.kpi.code IS 'Stable code';
COMMENT ON COLUMN neongraph.kpi.name IS 'What is measured, e.g. Tỷ lệ hồ sơ được số hóa';
COMMENT ON COLUMN neongraph.kpi.task_id IS 'The task the KPI measures, if any';
COMMENT ON COLUMN neongraph.kpi.owner_code IS 'Agency responsible for the KPI';
COMMENT ON COLUMN neongraph.kpi.unit IS 'Unit (%, hồ sơ, TTHC, ...)';
COMMENT ON COLUMN neongraph.kpi.direction IS 'increase (higher is better) or decrease (lower is better)';
COMMENT ON COLUMN neongraph.kpi.baseline IS 'Value at the start';
COMMENT ON COLUMN neongraph.kpi.target IS 'Target value';
COMMENT ON COLUMN neongraph.kpi.deadline IS 'When the target is due';

CREATE TABLE neongraph.kpi_value (
  kpi_id      pg_catalog.int8 NOT NULL REFERENCES neongraph.kpi (kpi_id) ON DELETE CASCADE,
  measured_on pg_catalog.date NOT NULL,
  value       pg_catalog.numeric NOT NULL,
  evidence    pg_catalog.text NULL,
  reported_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  reported_by pg_catalog.text NOT NULL DEFAULT SESSION_USER,
  PRIMARY KEY (kpi_id, measured_on)
);
COMMENT ON TABLE neongraph.kpi_value IS 'Reported values of a KPI over time, with evidence';
COMMENT ON COLUMN neongraph.kpi_value.kpi_id IS 'The KPI';
COMMENT ON COLUMN neongraph.kpi_value.measured_on IS 'Date the value refers to';
COMMENT ON COLUMN neongraph.kpi_value.value IS 'The value, in the KPI''s unit';
COMMENT ON COLUMN neongraph.kpi_value.evidence IS 'Evidence for reconciliation (đối soát)';
COMMENT ON COLUMN neongraph.kpi_value.reported_at IS 'When it was reported';
COMMENT ON COLUMN neongraph.kpi_value.reported_by IS 'Database user who reported it';

-- History ----------------------------------------------------------------

CREATE TABLE neongraph.history (
  history_id  pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  changed_at  pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  changed_by  pg_catalog.text NOT NULL DEFAULT SESSION_USER,
  changed_as  pg_catalog.text NOT NULL DEFAULT CURRENT_USER,
  table_name  pg_catalog.text NOT NULL,
  operation   pg_catalog.text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  task_id     pg_catalog.int8 NULL,
  agency_code pg_catalog.text NULL,
  old_row     pg_catalog.jsonb NULL,
  new_row     pg_catalog.jsonb NULL,
  reason      pg_catalog.text NULL,
  xact_id     pg_catalog.int8 NOT NULL DEFAULT pg_catalog.txid_current()
);
CREATE INDEX history_task_idx ON neongraph.history (task_id, changed_at);
CREATE INDEX history_time_idx ON neongraph.history (changed_at);
COMMENT ON TABLE neongraph.history IS
  'Append-only history of every change to tasks, their agencies, assignments, links, directives, KPIs and KPI values: UPDATE, DELETE and TRUNCATE are refused';
COMMENT ON COLUMN neongraph.history.history_id IS 'Order of changes';
COMMENT ON COLUMN neongraph.history.changed_at IS 'When (clock_timestamp(), so several changes in one transaction keep their order)';
COMMENT ON COLUMN neongraph.history.changed_by IS 'Who: session_user';
COMMENT ON COLUMN neongraph.history.changed_as IS 'Effective role: current_user';
COMMENT ON COLUMN neongraph.history.table_name IS 'Table changed (without schema)';
COMMENT ON COLUMN neongraph.history.operation IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN neongraph.history.task_id IS 'The task concerned, when the row has one';
COMMENT ON COLUMN neongraph.history.agency_code IS 'The agency concerned, when the row has one';
COMMENT ON COLUMN neongraph.history.old_row IS 'The row before (UPDATE, DELETE), as jsonb';
COMMENT ON COLUMN neongraph.history.new_row IS 'The row after (INSERT, UPDATE), as jsonb';
COMMENT ON COLUMN neongraph.history.reason IS 'Reason given to the write API function that made the change, if any';
COMMENT ON COLUMN neongraph.history.xact_id IS 'Transaction id: changes made together share it';

-- Import staging -------------------------------------------------------------

CREATE TABLE neongraph.task_import (
  directive   pg_catalog.text,
  item_no     pg_catalog.text,
  content     pg_catalog.text,
  lead        pg_catalog.text,
  cooperating pg_catalog.text,
  deadline    pg_catalog.text,
  note        pg_catalog.text,
  row_id      pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staged_at   pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  outcome     pg_catalog.text NULL CHECK (outcome IN ('imported', 'updated', 'rejected')),
  task_id     pg_catalog.int8 NULL,
  reason      pg_catalog.text NULL,
  applied_at  pg_catalog.timestamptz NULL
);
CREATE INDEX task_import_pending_idx ON neongraph.task_import (row_id) WHERE outcome IS NULL;
COMMENT ON TABLE neongraph.task_import IS
  'Staging table for a plan''s appendix saved as CSV: \copy neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) FROM ''file.csv'' CSV HEADER, then SELECT * FROM neongraph.apply_import(); every row keeps its outcome and reason';
COMMENT ON COLUMN neongraph.task_import.directive IS 'Document number of the directive (e.g. 01-KH/BCĐ), as written';
COMMENT ON COLUMN neongraph.task_import.item_no IS 'Item number (STT) as written';
COMMENT ON COLUMN neongraph.task_import.content IS 'Task content';
COMMENT ON COLUMN neongraph.task_import.lead IS 'Lead agencies: one per line, or separated by ";" or bullets (•, -, +, *); "Sở: A, B, C" enumerations; collectives allowed';
COMMENT ON COLUMN neongraph.task_import.cooperating IS 'Cooperating agencies, same forms as lead';
COMMENT ON COLUMN neongraph.task_import.deadline IS 'Deadline as written (Trước 15/11/2025, quý IV/2025, Thường xuyên, ...); empty for none';
COMMENT ON COLUMN neongraph.task_import.note IS 'Note: "Hạn được giao: 30/9/2025" gives the assigned deadline; document numbers ("Thông báo số 44-TB/TGV") give the directives and tasks it implements';
COMMENT ON COLUMN neongraph.task_import.row_id IS 'Order of staging';
COMMENT ON COLUMN neongraph.task_import.staged_at IS 'When the row was staged';
COMMENT ON COLUMN neongraph.task_import.outcome IS 'imported, updated or rejected; NULL until apply_import() has processed the row';
COMMENT ON COLUMN neongraph.task_import.task_id IS 'The task created or updated';
COMMENT ON COLUMN neongraph.task_import.reason IS 'Why the row was rejected, or what changed';
COMMENT ON COLUMN neongraph.task_import.applied_at IS 'When apply_import() processed the row';

-- pg_dump keeps users' rows --------------------------------------------------

SELECT pg_catalog.pg_extension_config_dump('neongraph.agency', 'WHERE NOT is_shipped');
SELECT pg_catalog.pg_extension_config_dump('neongraph.working_group', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.working_group_member', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.directive', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.directive_link', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.task', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.task_agency', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.assignment', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.task_link', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.progress_report', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.kpi', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.kpi_value', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.history', '');
SELECT pg_catalog.pg_extension_config_dump('neongraph.task_import', '');
-- identity sequences, one call per statement (each call updates pg_extension)
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.agency', 'agency_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.working_group', 'group_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.directive', 'directive_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.task', 'task_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.assignment', 'assignment_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.progress_report', 'report_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.kpi', 'kpi_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.history', 'history_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('neongraph.task_import', 'row_id'), '');
