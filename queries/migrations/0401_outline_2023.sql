-- The 2023 outline, verbatim from the attachment to Công văn 3006/SCT-QLCN ngày 08/12/2023
-- (shared/seed/000_ef4c58743b931f37.txt). Part I's seven bullets are items I.1-I.7, linked to
-- the catalogue's indicators. Version 1, so any edit by an administrator supersedes it.
INSERT INTO outlines (code, name, based_on, version, deleted) SELECT 'DC-2023', 'Đề cương báo cáo năm 2023 (kèm Công văn 3006/SCT-QLCN ngày 08/12/2023)', '', 1, 0;
-- INSERT … SELECT, not VALUES: the native protocol runs a SELECT on the server, while VALUES
-- would wait for a data block from the client.
INSERT INTO outline_items (outline, number, position, kind, title, guidance, indicators, version, deleted)
    SELECT 'DC-2023', 'I', 1, 'heading', 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', 'Kết quả thực hiện các chỉ tiêu phát triển công nghiệp', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'I.1', 2, 'figures', 'Tốc độ tăng trưởng giá trị gia tăng công nghiệp', '', ['industrial_va_growth'], 1, 0
    UNION ALL
    SELECT 'DC-2023', 'I.2', 3, 'figures', 'Tỷ trọng công nghiệp - dịch vụ trong GRDP', '', ['industry_services_share_grdp'], 1, 0
    UNION ALL
    SELECT 'DC-2023', 'I.3', 4, 'figures', 'Tỷ lệ lao động trong khu vực công nghiệp, xây dựng và dịch vụ', '', ['labour_share_industry_construction_services'], 1, 0
    UNION ALL
    SELECT 'DC-2023', 'I.4', 5, 'figures', 'Tốc độ tăng năng suất lao động công nghiệp', '', ['industrial_labour_productivity_growth'], 1, 0
    UNION ALL
    SELECT 'DC-2023', 'I.5', 6, 'figures', 'Tỷ lệ khu công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường', '', ['ip_wastewater_compliance'], 1, 0
    UNION ALL
    SELECT 'DC-2023', 'I.6', 7, 'figures', 'Thu hút đầu tư vào Khu kinh tế Dung Quất và các Khu công nghiệp, các cụm công nghiệp', '', ['investment_new_projects', 'investment_new_capital', 'investment_increase_projects', 'investment_increase_capital', 'investment_valid_projects', 'investment_registered_capital_total'], 1, 0
    UNION ALL
    SELECT 'DC-2023', 'I.7', 8, 'figures', 'Xây dựng cụm liên kết ngành công nghiệp, doanh nghiệp công nghiệp', '', ['industry_linkage_clusters'], 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II', 9, 'heading', 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.1', 10, 'narrative', 'Công tác thông tin, tuyên truyền', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.2', 11, 'narrative', 'Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.3', 12, 'narrative', 'Nhiệm vụ đẩy mạnh phát triển các ngành công nghiệp theo hướng nâng cao giá trị gia tăng, tăng tỷ trọng ngành công nghiệp công nghệ cao, phát triển công nghiệp hỗ trợ', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.4', 13, 'narrative', 'Huy động và sử dụng hiệu quả nguồn nhân lực; đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ cho phát triển công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.4.1', 14, 'narrative', 'Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.4.2', 15, 'narrative', 'Đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ cho phát triển công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.5', 16, 'narrative', 'Huy động và sử dụng hiệu quả các nguồn vật lực để đẩy mạnh phát triển công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.5.1', 17, 'narrative', 'Khai thác tài nguyên, khoáng sản và bảo vệ môi trường, thích ứng với biến đổi khí hậu trong quá trình phát triển công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.5.2', 18, 'narrative', 'Phát triển hạ tầng công nghiệp đồng bộ, hiện đại, tạo động lực phát triển công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.6', 19, 'narrative', 'Cải thiện mạnh mẽ môi trường đầu tư, huy động và sử dụng hiệu quả các nguồn tài lực để đẩy mạnh phát triển công nghiệp', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.6.1', 20, 'narrative', 'Tiếp tục cải thiện môi trường đầu tư, kinh doanh thật sự thông thoáng, thuận lợi, thúc đẩy khởi nghiệp sáng tạo', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.6.2', 21, 'narrative', 'Ưu tiên bố trí hợp lý vốn đầu tư từ ngân sách nhà nước của tỉnh để triển khai thực hiện nhiệm vụ đột phá về phát triển công nghiệp. Quản lý tốt các nguồn vốn của Trung ương và của tỉnh để đầu tư phát triển kết cấu hạ tầng quan trọng cho phát triển công nghiệp, phát triển Khu kinh tế Dung Quất, các khu công nghiệp, cụm công nghiệp; xây dựng kết cấu hạ tầng phục vụ tái định cư', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.7', 22, 'projects', 'Kết quả, tiến độ thực hiện các dự án theo Phụ lục số 2, 3 kèm theo Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'II.8', 23, 'policies', 'Tình hình triển khai xây dựng chính sách về phát triển công nghiệp của các sở, ngành, địa phương.', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'III', 24, 'narrative', 'Tồn tại hạn chế', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'IV', 25, 'narrative', 'Đề xuất, kiến nghị', '', emptyArrayString(), 1, 0
    UNION ALL
    SELECT 'DC-2023', 'V', 26, 'narrative', 'Xây dựng Kế hoạch thực hiện nhiệm vụ đẩy mạnh phát triển công nghiệp năm 2024', 'Xây dựng các chỉ tiêu, nhiệm vụ, giải pháp đẩy mạnh phát triển công nghiệp năm 2024 của từng ngành, địa phương theo các đề mục tại mục II.', emptyArrayString(), 1, 0;
