-- Report outlines (đề cương): the structure every agency's yearly letter follows.
-- An outline is data: a round names one (round_outlines); a new round's outline is a
-- copy of an older one, edited. Items are keyed by (outline, number); the newest version
-- wins (argMax), deleted = 1 removes an item. Answers keep their own copy of an item's
-- number and title, so editing an outline never rewrites what agencies answered.
CREATE TABLE IF NOT EXISTS outlines (
    code      String,
    name      String,
    based_on  String,   -- the outline it was copied from, '' for the seeded one
    version   UInt64,
    deleted   UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

-- kind says what answer the item wants: heading (a part title, no answer of its own),
-- figures (part I, linked to indicators), narrative (text), projects (II.7, a row per
-- key project), policies (II.8, a row per document). position orders items.
CREATE TABLE IF NOT EXISTS outline_items (
    outline    String,
    number     String,   -- I, I.1, II.4.1, V
    position   UInt16,
    kind       Enum8('heading' = 1, 'figures' = 2, 'narrative' = 3, 'projects' = 4, 'policies' = 5),
    title      String,
    guidance   String,   -- the outline's own explanatory sentence, if any
    indicators Array(String),
    version    UInt64,
    deleted    UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY (outline, number);

-- Which outline a round's agencies answer. No row: the seeded 2023 outline.
CREATE TABLE IF NOT EXISTS round_outlines (
    year     UInt16,
    outline  String,
    version  UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY year;
