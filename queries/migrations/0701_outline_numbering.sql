-- The outline's own numbering and text (issue 20). The outline has a label per item: its
-- numbering as printed ("1.", "-"); '' derives it from the number. The 2023 outline's part
-- I is "I. KẾT QUẢ …", then "1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp", then
-- seven "-" bullets: 0401 kept that "1." line as part I's guidance (guidance is never
-- printed, so the report lost it) and numbered the bullets I.1-I.7 (printed "1."-"7.").
-- Here the line is item I.1 and the bullets are I.1.1-I.1.7, labelled "-". Version 2 over
-- 0401's 1, so an administrator's edit (a clock version) still wins.
ALTER TABLE outline_items ADD COLUMN label String DEFAULT '' AFTER indicators;

INSERT INTO outline_items (outline, number, position, kind, title, guidance, indicators, version, deleted, label)
    SELECT 'DC-2023', 'I', 1, 'heading', 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', '', emptyArrayString(), 2, 0, ''
    UNION ALL
    SELECT 'DC-2023', 'I.1', 2, 'heading', 'Kết quả thực hiện các chỉ tiêu phát triển công nghiệp', '', emptyArrayString(), 2, 0, ''
    UNION ALL
    SELECT 'DC-2023', 'I.1.1', 2, 'figures', 'Tốc độ tăng trưởng giá trị gia tăng công nghiệp', '', ['industrial_va_growth'], 2, 0, '-'
    UNION ALL
    SELECT 'DC-2023', 'I.1.2', 3, 'figures', 'Tỷ trọng công nghiệp - dịch vụ trong GRDP', '', ['industry_services_share_grdp'], 2, 0, '-'
    UNION ALL
    SELECT 'DC-2023', 'I.1.3', 4, 'figures', 'Tỷ lệ lao động trong khu vực công nghiệp, xây dựng và dịch vụ', '', ['labour_share_industry_construction_services'], 2, 0, '-'
    UNION ALL
    SELECT 'DC-2023', 'I.1.4', 5, 'figures', 'Tốc độ tăng năng suất lao động công nghiệp', '', ['industrial_labour_productivity_growth'], 2, 0, '-'
    UNION ALL
    SELECT 'DC-2023', 'I.1.5', 6, 'figures', 'Tỷ lệ khu công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường', '', ['ip_wastewater_compliance'], 2, 0, '-'
    UNION ALL
    SELECT 'DC-2023', 'I.1.6', 7, 'figures', 'Thu hút đầu tư vào Khu kinh tế Dung Quất và các Khu công nghiệp, các cụm công nghiệp', '', ['investment_new_projects', 'investment_new_capital', 'investment_increase_projects', 'investment_increase_capital', 'investment_valid_projects', 'investment_registered_capital_total'], 2, 0, '-'
    UNION ALL
    SELECT 'DC-2023', 'I.1.7', 8, 'figures', 'Xây dựng cụm liên kết ngành công nghiệp, doanh nghiệp công nghiệp', '', ['industry_linkage_clusters'], 2, 0, '-'
    UNION ALL
    SELECT 'DC-2023', 'I.2', 0, 'narrative', '', '', emptyArrayString(), 2, 1, ''
    UNION ALL
    SELECT 'DC-2023', 'I.3', 0, 'narrative', '', '', emptyArrayString(), 2, 1, ''
    UNION ALL
    SELECT 'DC-2023', 'I.4', 0, 'narrative', '', '', emptyArrayString(), 2, 1, ''
    UNION ALL
    SELECT 'DC-2023', 'I.5', 0, 'narrative', '', '', emptyArrayString(), 2, 1, ''
    UNION ALL
    SELECT 'DC-2023', 'I.6', 0, 'narrative', '', '', emptyArrayString(), 2, 1, ''
    UNION ALL
    SELECT 'DC-2023', 'I.7', 0, 'narrative', '', '', emptyArrayString(), 2, 1, '';
