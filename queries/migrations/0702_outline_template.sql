-- The template a new round opens from (domain.TemplateOutline): the 2023 outline as
-- 0701 left it, with the years written as placeholders. Opening a round from it
-- (reporting.OpenRound) copies it to the round's own outline, DC-<year>, with {{năm}}
-- and {{năm sau}} resolved, so a 2026 round's part V reads "… NĂM 2027".
INSERT INTO outlines (code, name, based_on, version, deleted)
    SELECT 'DC-MAU', 'Đề cương mẫu: báo cáo năm {{năm}}, kế hoạch năm {{năm sau}}', 'DC-2023', 1, 0;

INSERT INTO outline_items (outline, number, position, kind, title, guidance, indicators, version, deleted, label)
    SELECT 'DC-MAU', number, argMax(position, version), argMax(kind, version),
        replaceAll(replaceAll(argMax(title, version), 'năm 2024', 'năm {{năm sau}}'), 'năm 2023', 'năm {{năm}}'),
        replaceAll(replaceAll(argMax(guidance, version), 'năm 2024', 'năm {{năm sau}}'), 'năm 2023', 'năm {{năm}}'),
        argMax(indicators, version), 1, 0, argMax(label, version)
    FROM outline_items WHERE outline = 'DC-2023'
    GROUP BY number HAVING argMax(deleted, version) = 0;
