-- Every deadline expression in seeds 000, 001 and 003, with the due date
-- and kind written by hand from reading the documents (not generated).
SET DateStyle = ISO;
SET search_path = public, neongraph;
CREATE TEMP TABLE seed (src text, expr text, due date, kind text);
INSERT INTO seed VALUES
-- 000 (67-QĐ/TGV): reporting rhythm, Điều 3
('000', 'Định kỳ hằng tháng', NULL, 'recurring'),
('000', 'hằng tuần', NULL, 'recurring'),
('000', 'trước 18h00 ngày Thứ Sáu', NULL, 'recurring'),
('000', 'trước 18 giờ 00 thứ Sáu hằng tuần', NULL, 'recurring'),
('000', 'hàng năm', NULL, 'recurring'),
-- 001 (44-TB/TGV)
('001', '**Nhiệm vụ thường xuyên.**', NULL, 'recurring'),
('001', '**Hoàn thành trong tháng 9/2025.**', '2025-09-30', 'month'),
('001', '**đến hết tháng 12/2025**', '2025-12-31', 'month'),
('001', '**Hoàn thành trước ngày 20/9/2025.**', '2025-09-19', 'before'),
('001', '**Hoàn thành trước ngày 30/9/2025.**', '2025-09-29', 'before'),
('001', '**Hoàn thành trước 01/11/2025.**', '2025-10-31', 'before'),
('001', '**Hoàn thành trước ngày 01/12/2025.**', '2025-11-30', 'before'),
('001', '**Hoàn thành trước ngày 15/12/2025.**', '2025-12-14', 'before'),
('001', '**hoàn thành trước ngày 01/10/2025.**', '2025-09-30', 'before'),
('001', '**hoàn thành trước ngày 15/12/2025.**', '2025-12-14', 'before'),
('001', '**phấn đấu đến ngày 25/11/2025**', '2025-11-25', 'date'),
('001', '**đến ngày 15/12/2025**', '2025-12-15', 'date'),
('001', '**phấn đấu đến ngày 15/12/2025**', '2025-12-15', 'date'),
('001', '**hoàn thành trong tháng 9/2025.**', '2025-09-30', 'month'),
('001', '**trong năm 2025**', '2025-12-31', 'year'),
('001', '**trong tháng 9/2025**', '2025-09-30', 'month'),
('001', '**hoàn thành trong tháng 10/2025**', '2025-10-31', 'month'),
('001', '**Hoàn thành trong tháng 10/2025**', '2025-10-31', 'month'),
('001', 'hạn hoàn thành trong năm 2025', '2025-12-31', 'year'),
('001', 'hoàn thành trong năm 2026', '2026-12-31', 'year'),
('001', '**Hoàn thành xây dựng lộ trình trong tháng 11/2025.**', '2025-11-30', 'month'),
('001', 'trong tháng 11/2025', '2025-11-30', 'month'),
('001', '**Hoàn thành đánh giá trong tháng 9/2025.**', '2025-09-30', 'month'),
('001', '**Hoàn thành trong tháng 01/2026.**', '2026-01-31', 'month'),
('001', 'hàng tuần', NULL, 'recurring'),
-- 003: the HCMC appendix (Kế hoạch 01-KH/BCĐ), column "Hạn hoàn thành", rows 1..40
('003', 'Thường xuyên', NULL, 'recurring'),
('003', 'Quý I/2026', '2026-03-31', 'quarter'),
('003', '31/12/2025', '2025-12-31', 'date'),
('003', 'Năm 2025', '2025-12-31', 'year'),
('003', '30/11/2025', '2025-11-30', 'date'),
('003', '01/01/2026', '2026-01-01', 'date'),
('003', '<p>01/01/2026</p>', '2026-01-01', 'date'),
('003', 'quý IV/2025', '2025-12-31', 'quarter'),
('003', 'Quý IV/2025', '2025-12-31', 'quarter'),
('003', 'Trước 15/11/2025', '2025-11-14', 'before'),
-- 003: notes and task texts of the appendix
('003', 'Hạn được giao: 30/9/2025', '2025-09-30', 'date'),
('003', 'Hạn được giao: 01/10/2025', '2025-10-01', 'date'),
('003', 'Đề xuất thời gian hoàn thành: quý IV/2025', '2025-12-31', 'quarter'),
('003', '(nhiệm vụ thường xuyên).', NULL, 'recurring'),
('003', 'đến hết tháng 12/2025,', '2025-12-31', 'month'),
('003', 'đến năm 2035', '2035-12-31', 'year'),
-- 003: Kế hoạch 01-KH/BCĐ body and 07-TB/CQTTBCĐ
('003', 'Hoàn thành trước ngày 15/11/2025.', '2025-11-14', 'before'),
('003', 'trước ngày 25 tháng 10 năm 2025', '2025-10-24', 'before'),
('003', '**được ban hành và có hiệu lực chậm nhất trước ngày 31/3/2026.**', '2026-03-30', 'before'),
('003', 'chậm nhất trước ngày 31/3/2026', '2026-03-30', 'before'),
('003', '**Hoàn thành trước ngày 15/11/2025.**', '2025-11-14', 'before'),
('003', '**trước ngày 18/10/2025**', '2025-10-17', 'before'),
('003', '**Hoàn thành trong tháng 10/2025.**', '2025-10-31', 'month'),
('003', '**Ban hành trước ngày 20/10/2025.**', '2025-10-19', 'before'),
('003', '**Hoàn thành trong tháng 11/2025.**', '2025-11-30', 'month'),
('003', '**hoàn thành trong quý IV/2025.**', '2025-12-31', 'quarter'),
('003', '**Hoàn thành chậm nhất trong tháng 12/2025.**', '2025-12-31', 'month'),
('003', '**Hoàn thành trong tháng 12/2025.**', '2025-12-31', 'month'),
('003', '(hoàn thành trong tháng 11/2025)', '2025-11-30', 'month'),
('003', '**hoàn thành trước ngày 30/10/2025**', '2025-10-29', 'before'),
('003', '**hoàn thành trong tháng 11/2025.**', '2025-11-30', 'month'),
('003', '**hoàn thành trong tháng 12/2025.**', '2025-12-31', 'month'),
('003', 'Hằng năm', NULL, 'recurring'),
('003', 'hằng tháng', NULL, 'recurring'),
('003', 'nhiệm kỳ 2025 - 2030', NULL, 'error'),
('003', 'cuối năm 2025', '2025-12-31', 'year'),
('003', 'trong quý III/2025', '2025-09-30', 'quarter');

-- mismatches only: none expected
SELECT src, expr, due AS expected_due, kind AS expected_kind,
       neongraph.due_date(d) AS got_due, coalesce(neongraph.deadline_kind(d), 'error') AS got_kind
FROM seed, LATERAL (SELECT neongraph.try_deadline(expr) AS d) x
WHERE coalesce(neongraph.deadline_kind(d), 'error') IS DISTINCT FROM kind
   OR neongraph.due_date(d) IS DISTINCT FROM due;

-- the whole table, with both styles
SELECT src, expr, neongraph.try_deadline(expr) AS iso,
       neongraph.to_text(neongraph.try_deadline(expr), 'vi') AS vi,
       neongraph.recurrence(neongraph.try_deadline(expr)) AS recurrence,
       neongraph.is_soft(neongraph.try_deadline(expr)) AS soft
FROM seed ORDER BY src, expr COLLATE "C";
