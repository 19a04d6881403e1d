-- extract_deadlines on paragraphs of seeds 000, 001 and 003: the deadline
-- phrases are found; document numbers, the dates of other documents and
-- of meetings are not.
SET DateStyle = ISO;
SET search_path = public, neongraph;

-- 44-TB/TGV: the meeting date, a document number and a document's date, then tasks
SELECT * FROM neongraph.extract_deadlines(
'Ngày 11/9/2025, đồng chí Nguyễn Duy Ngọc đã chủ trì cuộc họp. Đồng thời, khẩn trương chỉ đạo tổ chức triển khai các nhiệm vụ theo chỉ đạo của Thủ tướng Chính phủ tại Công văn số 8434/VPCP-KSTT ngày 09/9/2025 về tăng cường thực hiện Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo.');
SELECT * FROM neongraph.extract_deadlines(
'b) Ban hành Chiến lược dữ liệu, Chiến lược chuyển đổi số của bộ, ngành, địa phương mình, bám sát yêu cầu "đúng, đủ, sạch, sống, thống nhất, dùng chung" và bảo đảm an ninh an toàn hệ thống theo đúng quy định. **Hoàn thành trong tháng 9/2025.**');
SELECT * FROM neongraph.extract_deadlines(
'- Căn cứ quy định tại Nghị định số 180/2025/NĐ-CP ngày 01/7/2025, hướng dẫn của Bộ Tài chính tại Công văn số 11725/BTC-QLĐT ngày 31/7/2025, các bộ, ngành, địa phương khẩn trương xác định dự án/hoạt động xây dựng. **Hoàn thành trước ngày 30/9/2025.**');
SELECT * FROM neongraph.extract_deadlines(
'c) Về CSDL kiểm soát tài sản, thu nhập: Thanh tra Chính phủ bám sát lộ trình Kế hoạch, **phấn đấu đến ngày 25/11/2025** hoàn thiện phần mềm và triển khai được phần thông tin kiểm soát tài sản, thu nhập; **đến ngày 15/12/2025** hoàn thiện phần mềm và triển khai được phần xác minh.');
SELECT * FROM neongraph.extract_deadlines(
'Toà án, trong đó đảm bảo đầy đủ các trường thông tin nhân thân, **hoàn thành trong tháng 9/2025 để thực hiện từ ngày 01/10/2025**. Chỉ đạo thực hiện số hoá các bản án, **hoàn thành trước ngày 15/12/2025**.');
SELECT * FROM neongraph.extract_deadlines(
'2. Đối với 116 CSDL có hạn hoàn thành trong năm 2025 theo Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ');
SELECT * FROM neongraph.extract_deadlines(
'a) Hoàn thành việc cắt giảm, đơn giản hóa thành phần hồ sơ của 1.139 thủ tục hành chính theo Kế hoạch 02/KH-BCĐTW. **Nhiệm vụ thường xuyên.** Hoàn thành xây dựng lộ trình trong tháng 11/2025. Việc thực hiện số hóa theo Kế hoạch số 02-KH/BCĐTW, thường xuyên tổ chức rà soát, kiểm điểm tiến độ công việc hàng tuần.');
-- headers: city and date of signature, document numbers
SELECT * FROM neongraph.extract_deadlines(E'Số 44-TB/TGV\n\nHà Nội, ngày 12 tháng 9 năm 2025\n\nThông báo kết luận số 07-TB/CQTTBCĐ ngày 15 tháng 10 năm 2025 của đồng chí Tổng Bí thư; Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị; 193/2025/NQ-QH15.');

-- 003: appendix rows (tab-separated cells, an HTML cell), deadline and note columns
SELECT * FROM neongraph.extract_deadlines(E'18.\tRà soát đánh giá, xác định nhu cầu nhân lực bảo đảm an ninh mạng (nhiệm vụ thường xuyên).\tCông an Thành phố\tCác sở, ban, ngành Thành phố, UBND cấp xã\t01/01/2026\tThông báo số 06-TB/BCĐTW\n19.\tBảo đảm trang thiết bị đầu cuối; đến hết tháng 12/2025, hoàn thành số hoá ít nhất 30% tài liệu lưu trữ lịch sử.\tVăn phòng Ủy ban nhân dân Thành phố\tSở, ngành Thành phố; UBND cấp xã\t31/12/2025\tThông báo số 44-TB/TGV\n');
SELECT * FROM neongraph.extract_deadlines(E'6.\tXây dựng, hoàn thiện cơ chế để khai thác cơ sở dữ liệu mở\tTrung tâm chuyển đổi số\tSở, ban, ngành, UBND cấp xã\tQuý I/2026\t\n8.\tTriển khai xây dựng 12 cơ sở dữ liệu ưu tiên hoàn thành trong năm 2025 theo Kế hoạch số 02-KH/BCĐTW.\t<ul><li>Văn phòng Thành ủy</li></ul>\t\tNăm 2025\tKế hoạch số 02-KH/BCĐTW\n17.\t<p>Nội dung</p>\t\t\t<p>01/01/2026</p>\t<p>Thông báo số 06-TB/BCĐTW</p>\n36.\tHoàn thành số hóa quy trình nghiệp vụ nội bộ\tSở Tư pháp\t\tTrước 15/11/2025\tHạn được giao: 30/9/2025\n5.\tThường xuyên, kịp thời báo cáo kết quả thực hiện kèm minh chứng\tCác cơ quan\t\tThường xuyên\tTheo tài khoản được cấp\n');
-- 07-TB/CQTTBCĐ: an event period ("trong quý III/2025" of a conference) is not a deadline
SELECT * FROM neongraph.extract_deadlines(
'Ngày 15/10/2025, Ban Chỉ đạo Trung ương đã tổ chức Hội nghị sơ kết tình hình triển khai thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị trong quý III/2025 và nhiệm vụ, giải pháp trọng tâm cuối năm 2025. Sau 9 tháng triển khai thực hiện Nghị quyết số 57-NQ/TW, đặt biệt trong quý III/2025, với sự quyết tâm vào cuộc của cả hệ thống chính trị. Bảo đảm 100% nghị định **được ban hành và có hiệu lực chậm nhất trước ngày 31/3/2026.** Gửi về Văn phòng Trung ương Đảng **trước ngày 18/10/2025**. Bảo đảm đủ kinh phí, **hoàn thành trong quý IV/2025.** Khẩn trương xây dựng kế hoạch hành động triển khai thực hiện (hoàn thành trong tháng 11/2025).');
-- 000: the reporting rhythm
SELECT * FROM neongraph.extract_deadlines(
'2. Định kỳ hằng tháng, Thường trực Tổ Giúp việc giao ban với các nhóm công tác. Đối với nhiệm vụ đến hạn, Thường trực Tổ Giúp việc tổ chức giao ban hằng tuần hoặc đột xuất. Các báo cáo tuần² (trước 18h00 ngày Thứ Sáu), tháng, quý, năm được cập nhật trực tiếp. Định kỳ rà soát, đánh giá tiến độ.');

-- forms without a year: skipped, or resolved with the reference date
SELECT * FROM neongraph.extract_deadlines('Các đơn vị báo cáo trước ngày 30/6 và hoàn thành trong quý II.');
SELECT * FROM neongraph.extract_deadlines('Các đơn vị báo cáo trước ngày 30/6 và hoàn thành trong quý II.', date '2025-07-10');
-- NFD text: positions count characters, phrases are the original text
SELECT deadline, phrase, pos, phrase = substr(t, pos, length(phrase)) AS at_pos
FROM (SELECT normalize('Thực hiện việc số hoá; hoàn thành trước ngày 20/9/2025, báo cáo trong tháng 10/2025.', NFD) AS t) s,
     LATERAL neongraph.extract_deadlines(t);
SELECT count(*) FROM neongraph.extract_deadlines(NULL);
SELECT count(*) FROM neongraph.extract_deadlines('');
-- a long text: every phrase found, positions exact
SELECT count(*) AS phrases, bool_and(substr(t, pos, length(phrase)) = phrase) AS positions_exact,
       count(DISTINCT deadline) AS distinct_deadlines
FROM (SELECT string_agg(format('Nhiệm vụ %s: hoàn thành trước ngày %s/%s/2025 theo Công văn số %s/VPCP ngày 01/01/2025. ', i, 1 + i % 28, 1 + i % 12, i), '') AS t
      FROM generate_series(1, 500) i) s, LATERAL neongraph.extract_deadlines(t);
