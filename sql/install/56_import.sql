-- Import of a plan's appendix: \copy into neongraph.task_import, then
-- neongraph.apply_import().  Every staged row ends imported, updated or
-- rejected, with its reason kept in the staging table; a row is applied in
-- a subtransaction of its own, so a rejected row changes nothing.

CREATE FUNCTION neongraph.split_agency_cell(cell pg_catalog.text)
  RETURNS TABLE (pos pg_catalog.int4, piece pg_catalog.text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT (pg_catalog.row_number() OVER ())::pg_catalog.int4, p
    FROM (SELECT pg_catalog.btrim(
                   pg_catalog.regexp_replace(x, '^[-+*•[:space:]]+|[[:space:].,:;…]+$', '', 'g')) AS p
            FROM pg_catalog.regexp_split_to_table(
                   pg_catalog.regexp_replace(
                   pg_catalog.regexp_replace(
                   pg_catalog.regexp_replace(
                   pg_catalog.regexp_replace(
                   pg_catalog.translate(normalize(coalesce($1, ''), NFC),
                                        pg_catalog.chr(160) || pg_catalog.chr(13), '  '),
                   '\([^()]*\)', ' ', 'g'),
                   '•', E'\n', 'g'),
                   '(^|\n)[[:space:]]*[-+*][[:space:]]+', E'\n', 'g'),
                   '([.;,:])[[:space:]]+[-+*][[:space:]]+', E'\\1\n', 'g'),
                   '[\n;]+') AS x) s
   WHERE p OPERATOR(pg_catalog.<>) ''
$$;
COMMENT ON FUNCTION neongraph.split_agency_cell(pg_catalog.text) IS
  'Splits a lead or cooperating cell into agency names: one per line, or separated by ";" or bullets (• anywhere; -, +, * at the start of a line or after punctuation, so "Cục Chuyển đổi số - Cơ yếu" stays whole); remarks in brackets and trailing punctuation are dropped; commas do not split here because names contain them';

CREATE FUNCTION neongraph.is_unspecified_agency(name pg_catalog.text)
  RETURNS pg_catalog.bool
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT neongraph.name_key($1) OPERATOR(pg_catalog.~)
    '^((đơn vị|cơ quan|tổ chức)(,? (đơn vị|cơ quan|tổ chức))*( có)? liên quan|đơn vị, cá nhân có liên quan)$'
$$;
COMMENT ON FUNCTION neongraph.is_unspecified_agency(pg_catalog.text) IS
  'True for phrases that name no agency in particular ("Đơn vị có liên quan", "các cơ quan liên quan"): an import skips them instead of rejecting the row';

CREATE FUNCTION neongraph.match_agencies(cell pg_catalog.text,
                                         OUT codes pg_catalog.text[], OUT problem pg_catalog.text)
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  piece text;
  found text[];
  prefix text;
  items text[];
  item text;
  toks text[];
  i int;
  j int;
  cand text;
  ok bool;
BEGIN
  codes := '{}';
  FOR piece IN SELECT s.piece FROM neongraph.split_agency_cell(cell) s ORDER BY s.pos LOOP
    IF neongraph.is_unspecified_agency(piece) THEN
      CONTINUE;
    END IF;
    SELECT array_agg(c) INTO found FROM neongraph.find_agencies(piece) c;
    IF cardinality(found) = 1 THEN
      codes := codes || found;
      CONTINUE;
    ELSIF cardinality(found) > 1 THEN
      problem := format('ambiguous agency "%s": it names %s', piece, array_to_string(found, ', '));
      RETURN;
    END IF;
    -- "Sở: Nông nghiệp và Môi trường, Tư pháp, Y tế, Giáo dục, Nội vụ ..."
    IF piece ~ '^[^:,]{1,40}:' THEN
      prefix := btrim(split_part(piece, ':', 1));
      items := regexp_split_to_array(btrim(substr(piece, length(split_part(piece, ':', 1)) + 2)), '[[:space:]]*,[[:space:]]*');
      FOREACH item IN ARRAY items LOOP
        item := btrim(regexp_replace(item, '(\.\.\.|…)+', '', 'g'));
        CONTINUE WHEN item = '';
        cand := prefix || ' ' || item;
        SELECT array_agg(c) INTO found FROM neongraph.find_agencies(cand) c;
        IF found IS NULL THEN
          -- "Sở Giáo dục" for "Sở Giáo dục và Đào tạo": a unique longer name
          SELECT array_agg(a.code ORDER BY a.code) INTO found
            FROM neongraph.agency a
           WHERE EXISTS (SELECT FROM unnest(a.name_keys) k
                          WHERE starts_with(k, neongraph.name_key(cand) || ' '));
        END IF;
        IF found IS NULL THEN
          problem := format('unknown agency "%s" (from "%s"); nearest known names: %s',
                            cand, piece, neongraph.nearest_agencies(cand));
          RETURN;
        ELSIF cardinality(found) > 1 THEN
          problem := format('ambiguous agency "%s" (from "%s"): it names %s', cand, piece, array_to_string(found, ', '));
          RETURN;
        END IF;
        codes := codes || found;
      END LOOP;
      CONTINUE;
    END IF;
    -- "Trung tâm chuyển đổi số, các sở, ngành Thành phố, UBND cấp xã":
    -- the longest runs of comma-separated parts that are known names
    toks := regexp_split_to_array(piece, '[[:space:]]*,[[:space:]]*');
    IF cardinality(toks) > 1 THEN
      i := 1;
      ok := true;
      WHILE i <= cardinality(toks) AND ok LOOP
        ok := false;
        FOR j IN REVERSE cardinality(toks) .. i LOOP
          cand := array_to_string(toks[i:j], ', ');
          IF neongraph.is_unspecified_agency(cand) THEN
            found := '{}';
          ELSE
            SELECT array_agg(c) INTO found FROM neongraph.find_agencies(cand) c;
          END IF;
          IF cardinality(found) = 1 OR found = '{}' THEN
            codes := codes || found;
            i := j + 1;
            ok := true;
            EXIT;
          END IF;
        END LOOP;
      END LOOP;
      IF ok THEN
        CONTINUE;
      END IF;
      IF i > 1 THEN
        piece := array_to_string(toks[i:], ', ');
      END IF;
    END IF;
    problem := format('unknown agency "%s"; nearest known names: %s', piece, neongraph.nearest_agencies(piece));
    RETURN;
  END LOOP;
  SELECT array_agg(c ORDER BY o) INTO codes
    FROM (SELECT c, min(o) AS o FROM unnest(codes) WITH ORDINALITY u(c, o) GROUP BY c) d;
  codes := coalesce(codes, '{}');
END
$$;
COMMENT ON FUNCTION neongraph.match_agencies(pg_catalog.text) IS
  'The agency codes a lead or cooperating cell names (see split_agency_cell), matched through codes, names and aliases (neongraph.name_key); handles "Sở: A, B, C" enumerations and comma-separated runs of names; problem says which name is unknown (with the nearest known names) or ambiguous';

CREATE FUNCTION neongraph.import_row(r neongraph.task_import,
                                     OUT task_id pg_catalog.int8, OUT outcome pg_catalog.text,
                                     OUT reason pg_catalog.text)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  dir neongraph.directive;
  dref neongraph.docref;
  item text := btrim(r.item_no);
  body text := btrim(r.content);
  dl_text text := nullif(btrim(r.deadline), '');
  dl neongraph.deadline;
  asg_text text;
  asg neongraph.deadline;
  leads text[];
  coops text[];
  m record;
  msg text;
  det text;
  t neongraph.task;
  want jsonb;
  have jsonb;
  changes text[] := '{}';
  notes text[] := '{}';
  ref record;
  central record;
  lead_code text;
  n_asg int;
  body_trigrams text[];
BEGIN
  -- the directive ----------------------------------------------------------
  IF r.directive IS NULL OR btrim(r.directive) = '' THEN
    RAISE EXCEPTION 'no directive given'
      USING ERRCODE = '22023', HINT = 'Fill the directive column with its document number, e.g. 01-KH/BCĐ.';
  END IF;
  dref := neongraph.try_docref(btrim(r.directive));
  IF dref IS NULL THEN
    SELECT e.docref INTO dref FROM neongraph.extract_docrefs(r.directive) e ORDER BY e.pos LIMIT 1;
  END IF;
  IF dref IS NULL THEN
    RAISE EXCEPTION 'no document number in directive "%"', r.directive
      USING ERRCODE = '22023', HINT = 'Write it like 44-TB/TGV or 01-KH/BCĐ.';
  END IF;
  SELECT * INTO dir FROM neongraph.directive d WHERE d.docref OPERATOR(neongraph.=) dref;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown directive %', dref
      USING ERRCODE = '22023', HINT = 'Load the directive into neongraph.directive first.';
  END IF;
  IF item IS NULL OR item = '' THEN
    RAISE EXCEPTION 'no item number' USING ERRCODE = '22023';
  END IF;
  IF body IS NULL OR body = '' THEN
    RAISE EXCEPTION 'no content' USING ERRCODE = '22023';
  END IF;
  -- deadlines ----------------------------------------------------------------
  IF dl_text IS NOT NULL THEN
    BEGIN
      dl := neongraph.parse_deadline(dl_text, coalesce(dir.issued_on, neongraph.today()));
    EXCEPTION WHEN data_exception THEN
      GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
      RAISE EXCEPTION 'bad deadline "%": %', dl_text, coalesce(nullif(det, ''), msg) USING ERRCODE = '22P02';
    END;
  END IF;
  asg_text := btrim((regexp_match(lower(coalesce(r.note, '') COLLATE "und-x-icu"),
                                  'h[aạ]n[[:space:]]+đ[ưu][ợo]c[[:space:]]+giao[[:space:]]*:?[[:space:]]*([^;\n]+)'))[1]);
  asg_text := btrim(regexp_replace(asg_text, '[[:space:].,]+$', ''));
  IF asg_text IS NOT NULL AND asg_text <> '' THEN
    BEGIN
      asg := neongraph.parse_deadline(asg_text, coalesce(dir.issued_on, neongraph.today()));
    EXCEPTION WHEN data_exception THEN
      GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
      RAISE EXCEPTION 'bad assigned deadline "%" in the note: %', asg_text, coalesce(nullif(det, ''), msg) USING ERRCODE = '22P02';
    END;
  ELSE
    asg_text := NULL;
  END IF;
  -- agencies -------------------------------------------------------------------
  m := neongraph.match_agencies(r.lead);
  IF m.problem IS NOT NULL THEN
    RAISE EXCEPTION 'lead: %', m.problem USING ERRCODE = '42704';
  END IF;
  leads := m.codes;
  IF cardinality(leads) = 0 THEN
    RAISE EXCEPTION 'no lead agency' USING ERRCODE = '22023',
      HINT = 'Every task needs at least one lead agency (cơ quan chủ trì).';
  END IF;
  m := neongraph.match_agencies(r.cooperating);
  IF m.problem IS NOT NULL THEN
    RAISE EXCEPTION 'cooperating: %', m.problem USING ERRCODE = '42704';
  END IF;
  coops := array(SELECT c FROM unnest(m.codes) c WHERE NOT c = ANY (leads));
  want := (SELECT jsonb_agg(jsonb_build_array(x.role, x.code, x.pos) ORDER BY x.role, x.pos)
             FROM (SELECT 'lead' AS role, c AS code, o::int AS pos FROM unnest(leads) WITH ORDINALITY u(c, o)
                   UNION ALL
                   SELECT 'cooperating', c, o::int FROM unnest(coops) WITH ORDINALITY u(c, o)) x);
  -- insert or update -----------------------------------------------------------
  SELECT * INTO t FROM neongraph.task s
   WHERE s.directive_id = dir.directive_id AND s.item_no = item FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO neongraph.task (directive_id, item_no, content, deadline, deadline_text,
                                assigned_deadline, assigned_deadline_text, note, source_deadline)
    VALUES (dir.directive_id, item, body, dl, dl_text, asg, asg_text, nullif(btrim(r.note), ''), dl_text)
    RETURNING * INTO t;
    outcome := 'imported';
  ELSE
    outcome := 'updated';
    IF t.content IS DISTINCT FROM body THEN
      changes := changes || 'content'::text;
    END IF;
    IF t.note IS DISTINCT FROM nullif(btrim(r.note), '') THEN
      changes := changes || 'note'::text;
    END IF;
    -- the deadline changes only when the file's does: one re-stated since
    -- (neongraph.restate_deadline) is not reverted by importing the file again
    IF t.source_deadline IS DISTINCT FROM dl_text THEN
      changes := changes || 'deadline'::text;
    END IF;
    IF asg IS NOT NULL AND t.assigned_deadline IS NULL THEN
      changes := changes || 'assigned deadline'::text;
    END IF;
    IF cardinality(changes) > 0 THEN
      UPDATE neongraph.task s
         SET content = body, note = nullif(btrim(r.note), ''),
             deadline = CASE WHEN 'deadline' = ANY (changes) THEN dl ELSE s.deadline END,
             deadline_text = CASE WHEN 'deadline' = ANY (changes) THEN dl_text ELSE s.deadline_text END,
             source_deadline = dl_text,
             assigned_deadline = CASE WHEN 'assigned deadline' = ANY (changes) THEN asg ELSE s.assigned_deadline END,
             assigned_deadline_text = CASE WHEN 'assigned deadline' = ANY (changes) THEN asg_text ELSE s.assigned_deadline_text END
       WHERE s.task_id = t.task_id;
    END IF;
  END IF;
  task_id := t.task_id;
  have := (SELECT jsonb_agg(jsonb_build_array(x.role, x.agency_code, x.position) ORDER BY x.role, x.position)
             FROM neongraph.task_agency x WHERE x.task_id = t.task_id);
  IF have IS DISTINCT FROM want THEN
    IF outcome = 'updated' THEN
      changes := changes || 'agencies'::text;
    END IF;
    DELETE FROM neongraph.task_agency x
     WHERE x.task_id = t.task_id
       AND NOT jsonb_build_array(x.role, x.agency_code, x.position) <@ coalesce(want, '[]');
    INSERT INTO neongraph.task_agency (task_id, agency_code, role, position)
    SELECT t.task_id, e ->> 1, e ->> 0, (e ->> 2)::int
      FROM jsonb_array_elements(want) e
    ON CONFLICT (task_id, role, agency_code) DO NOTHING;
  END IF;
  -- one assignment per lead agency, collectives expanded -----------------------
  FOREACH lead_code IN ARRAY leads LOOP
    INSERT INTO neongraph.assignment (task_id, agency_code, via_agency)
    SELECT t.task_id, x.code, x.via
      FROM (SELECT m2 AS code, lead_code AS via FROM neongraph.agency_members(lead_code) m2
            UNION ALL
            SELECT lead_code, NULL
             WHERE NOT EXISTS (SELECT FROM neongraph.agency_members(lead_code))) x
    ON CONFLICT (task_id, agency_code) DO NOTHING;
  END LOOP;
  -- leads no longer named: drop their assignments unless work was recorded
  DELETE FROM neongraph.assignment s
   WHERE s.task_id = t.task_id
     AND NOT s.agency_code = ANY (leads)
     AND NOT coalesce(s.via_agency = ANY (leads), false)
     AND s.progress = 0 AND s.completed_on IS NULL AND NOT s.cancelled AND s.last_report_at IS NULL;
  SELECT count(*) INTO n_asg FROM neongraph.assignment s WHERE s.task_id = t.task_id;
  -- the directives and the central task it implements ---------------------------
  FOR ref IN SELECT DISTINCT e.docref::text AS docref
               FROM neongraph.extract_docrefs(coalesce(r.note, '')) e
              WHERE NOT e.docref OPERATOR(neongraph.=) dir.docref
  LOOP
    INSERT INTO neongraph.directive_link (directive, implements)
    VALUES (dir.docref, ref.docref::neongraph.docref)
    ON CONFLICT DO NOTHING;
    body_trigrams := coalesce(body_trigrams, neongraph.trigrams(body));
    SELECT c.task_id, c.item_no, neongraph.trigram_overlap(body_trigrams, neongraph.trigrams(c.content)) AS sim INTO central
      FROM neongraph.task c
      JOIN neongraph.directive d ON d.directive_id = c.directive_id
     WHERE d.docref OPERATOR(neongraph.=) ref.docref::neongraph.docref
     ORDER BY 3 DESC, c.task_id
     LIMIT 1;
    IF FOUND AND central.sim >= 0.35 THEN
      IF NOT EXISTS (SELECT FROM neongraph.task_link l
                      WHERE l.from_task = t.task_id AND l.to_task = central.task_id AND l.kind = 'derives') THEN
        PERFORM neongraph.link_tasks(t.task_id, central.task_id, 'derives',
                                     format('from the note "%s": content matches %s item %s (similarity %s)',
                                            r.note, ref.docref, central.item_no, round(central.sim::numeric, 2)));
        IF outcome = 'updated' THEN
          changes := changes || 'links'::text;
        END IF;
      END IF;
      notes := notes || format('derives from %s item %s', ref.docref, central.item_no);
    ELSE
      notes := notes || format('implements %s', ref.docref);
    END IF;
  END LOOP;
  IF outcome = 'imported' THEN
    reason := format('%s lead(s), %s assignment(s), %s cooperating', cardinality(leads), n_asg, cardinality(coops));
  ELSIF cardinality(changes) = 0 THEN
    reason := 'unchanged';
  ELSE
    reason := 'changed: ' || array_to_string(changes, ', ');
  END IF;
  IF asg IS NOT NULL THEN
    reason := reason || format('; assigned deadline %s', asg_text);
  END IF;
  IF cardinality(notes) > 0 THEN
    reason := reason || '; ' || array_to_string(notes, '; ');
  END IF;
END
$$;
COMMENT ON FUNCTION neongraph.import_row(neongraph.task_import) IS
  'Applies one staged row (used by apply_import): resolves the directive, parses the deadline (against the directive''s date) and the assigned deadline from a "Hạn được giao: ..." note, matches the agencies, creates or updates the task, its agencies and one assignment per lead agency (collectives expanded), links it to the directives and central task its note names; raises on a bad row';

CREATE FUNCTION neongraph.apply_import()
  RETURNS TABLE (item_no pg_catalog.text, task_id pg_catalog.int8, outcome pg_catalog.text, reason pg_catalog.text)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  r neongraph.task_import;
  res record;
  msg text;
  det text;
  hnt text;
BEGIN
  FOR r IN SELECT * FROM neongraph.task_import s WHERE s.outcome IS NULL ORDER BY s.row_id FOR UPDATE LOOP
    BEGIN
      res := neongraph.import_row(r);
      item_no := r.item_no; task_id := res.task_id; outcome := res.outcome; reason := res.reason;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
      item_no := r.item_no; task_id := NULL; outcome := 'rejected';
      reason := msg || coalesce(' (' || nullif(det, '') || ')', '') || coalesce('; hint: ' || nullif(hnt, ''), '');
    END;
    UPDATE neongraph.task_import s
       SET outcome = apply_import.outcome, task_id = apply_import.task_id,
           reason = apply_import.reason, applied_at = clock_timestamp()
     WHERE s.row_id = r.row_id;
    RETURN NEXT;
  END LOOP;
END
$$;
COMMENT ON FUNCTION neongraph.apply_import()
  IS 'Applies every row staged in neongraph.task_import not yet applied, in order, each in a subtransaction: returns (item_no, task_id, outcome, reason) with outcome imported (new task), updated (existing task of the same directive and item number: "unchanged" when the file says nothing new, so importing a file twice changes nothing) or rejected (the reason says why, with the nearest known names for an unknown agency and the parser''s detail for a bad deadline); outcomes and reasons stay in the staging table';

CREATE FUNCTION neongraph.upsert_directive(docref pg_catalog.text, kind pg_catalog.text DEFAULT NULL,
                                           issuer pg_catalog.text DEFAULT NULL,
                                           issued_on pg_catalog.date DEFAULT NULL,
                                           signer pg_catalog.text DEFAULT NULL,
                                           title pg_catalog.text DEFAULT NULL,
                                           implements pg_catalog.text DEFAULT NULL)
  RETURNS pg_catalog.int8
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  d neongraph.docref;
  id bigint;
  imp text;
  di neongraph.docref;
BEGIN
  IF docref IS NULL OR btrim(docref) = '' THEN
    RAISE EXCEPTION USING ERRCODE = '22004',
      MESSAGE = 'a directive needs its document number',
      DETAIL = 'docref is NULL or blank.',
      HINT = 'Give it as written, e.g. 44-TB/TGV.';
  END IF;
  d := btrim(docref)::neongraph.docref;          -- 22P02 with the parser's detail when bad
  INSERT INTO neongraph.directive AS x (docref, kind, issuer, issued_on, signer, title)
  VALUES (d, nullif(btrim(kind), ''), nullif(btrim(issuer), ''), issued_on,
          nullif(btrim(signer), ''), nullif(btrim(title), ''))
  ON CONFLICT ON CONSTRAINT directive_docref_key DO UPDATE
     SET kind = EXCLUDED.kind, issuer = EXCLUDED.issuer, issued_on = EXCLUDED.issued_on,
         signer = EXCLUDED.signer, title = EXCLUDED.title
   WHERE (x.kind, x.issuer, x.issued_on, x.signer, x.title)
         IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.issuer, EXCLUDED.issued_on, EXCLUDED.signer, EXCLUDED.title);
  SELECT x.directive_id INTO id FROM neongraph.directive x WHERE x.docref OPERATOR(neongraph.=) d;
  FOR imp IN SELECT btrim(u) FROM regexp_split_to_table(coalesce(implements, ''), '[;\n]') u WHERE btrim(u) <> '' LOOP
    di := imp::neongraph.docref;
    INSERT INTO neongraph.directive_link (directive, implements) VALUES (d, di) ON CONFLICT DO NOTHING;
  END LOOP;
  RETURN id;
END
$$;
COMMENT ON FUNCTION neongraph.upsert_directive(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
  'Creates or updates a directive by its document number, and records the directives it implements (implements: document numbers separated by ";" or new lines); re-running with the same values changes nothing; returns the directive_id';
