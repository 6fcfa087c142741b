package letter

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/quangngai/chitieu/locale"
)

// table places a table: letterhead and signature blocks are left out, II.7 and II.8
// tables become rows (under their item, or recognised by their columns in an annex),
// other tables under a text item become lines of text.
func (m *matcher) table(b Block) {
	if len(b.Rows) == 0 {
		return
	}
	if (b.Layout || !m.started || m.closed && !m.annex && !dataHeader(b.Rows[0])) && m.layoutTable(b) {
		return
	}
	kind := ""
	if m.current != nil {
		kind = m.current.Kind
	}
	if kind != "projects" && kind != "policies" {
		switch {
		case projectHeader(b.Rows[0]):
			kind = "projects"
		case policyHeader(b.Rows[0]):
			kind = "policies"
		}
		if kind != "" {
			if it := m.itemOfKind(kind); it != nil {
				m.current, m.started, m.closed = it, true, false
			} else {
				kind = ""
			}
		}
	}
	switch kind {
	case "projects":
		m.projectRows(b)
	case "policies":
		m.policyRows(b)
	default:
		d := Decision{Block: b.N, Text: excerpt(strings.Join(b.Rows[0], " | "))}
		// Part I: its figures items, and its headings (I, and I.1 since migration 0701).
		if m.current != nil && (m.current.Kind == "figures" || m.current.Number == "I" || strings.HasPrefix(m.current.Number, "I.")) {
			d.State = Unplaced
			d.reason("let.why.table.figures")
			m.decide(d)
			return
		}
		if m.current == nil || !m.current.takesText() || m.unknown != "" {
			d.State = Unplaced
			d.reason("let.why.table.noitem")
			m.decide(d)
			return
		}
		var lines []string
		for _, r := range b.Rows {
			lines = append(lines, strings.Join(r, " | "))
		}
		m.place(Block{N: b.N, OCR: b.OCR}, strings.Join(lines, "\n"), Decision{Block: b.N, Text: d.Text})
		last := &m.res.Decisions[len(m.res.Decisions)-1]
		if last.State == Placed {
			last.State = Warned
			last.addReason("let.why.table.lines")
		}
	}
}

func (m *matcher) itemOfKind(kind string) *Item {
	for i := range m.items {
		if m.items[i].Kind == kind {
			it := m.items[i]
			return &it
		}
	}
	return nil
}

func dataHeader(h []string) bool { return projectHeader(h) || policyHeader(h) }

func projectHeader(h []string) bool {
	c := projectColumns(h)
	return c["name"] >= 0 || c["code"] >= 0
}

func policyHeader(h []string) bool {
	c := policyColumns(h)
	return c["title"] >= 0 && (c["number"] >= 0 || c["status"] >= 0)
}

// columnsBy finds each wanted column by words of its header, trying the keys in order
// on every header cell (so "Khó khăn, vướng mắc" is obstacles before anything else).
func columnsBy(header []string, order []string, want map[string][]string) map[string]int {
	out := map[string]int{}
	for _, k := range order {
		out[k] = -1
	}
	for i, h := range header {
		nh := " " + normName(h) + " "
	cell:
		for _, k := range order {
			if out[k] >= 0 {
				continue
			}
			for _, w := range want[k] {
				if strings.Contains(nh, " "+w+" ") || strings.HasPrefix(strings.TrimSpace(nh), w) {
					out[k] = i
					break cell
				}
			}
		}
	}
	return out
}

var projectOrder = []string{"obstacles", "proposals", "percent", "status", "progress", "investor", "capital", "code", "name"}

func projectColumns(h []string) map[string]int {
	return columnsBy(h, projectOrder, map[string][]string{
		"obstacles": {"khó khăn", "vướng mắc", "tồn tại"},
		"proposals": {"kiến nghị", "đề xuất"},
		"percent":   {"hoàn thành", "tỷ lệ"},
		"status":    {"tình trạng", "trạng thái"},
		"progress":  {"tình hình thực hiện", "tình hình triển khai", "tiến độ", "kết quả thực hiện", "mốc", "kết quả"},
		"investor":  {"nhà đầu tư", "chủ đầu tư"},
		"capital":   {"vốn", "tổng vốn", "tổng mức đầu tư"},
		"code":      {"mã"},
		"name":      {"tên dự án", "dự án", "tên công trình", "công trình"},
	})
}

var policyOrder = []string{"date", "issuer", "number", "title", "status", "note"}

func policyColumns(h []string) map[string]int {
	return columnsBy(h, policyOrder, map[string][]string{
		"date":   {"ngày"},
		"issuer": {"cơ quan", "cấp ban hành", "đơn vị ban hành"},
		"number": {"số ký hiệu", "số hiệu", "ký hiệu", "số văn bản", "số"},
		"title":  {"trích yếu", "tên văn bản", "tên chính sách", "nội dung"},
		"status": {"tình trạng", "trạng thái", "kết quả"},
		"note":   {"ghi chú"},
	})
}

func cellAt(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(strings.Join(strings.Fields(strings.ReplaceAll(row[i], "\n", " ")), " "))
}

var percentIn = regexp.MustCompile(`(\d{1,3}(?:[.,]\d+)?)\s*%`)

// projectStatus reads a status from a progress text, when the table has no status column.
func projectStatus(s string) string {
	t := strings.ToLower(s)
	switch {
	case strings.Contains(t, "tạm dừng"), strings.Contains(t, "dừng triển khai"):
		return "Tạm dừng"
	case strings.Contains(t, "chưa triển khai"), strings.Contains(t, "chưa khởi công"):
		return "Chưa triển khai"
	case strings.Contains(t, "đã hoàn thành"), strings.Contains(t, "đi vào hoạt động"), strings.Contains(t, "vận hành thương mại"):
		return "Hoàn thành"
	case strings.Contains(t, "đang thi công"), strings.Contains(t, "đang triển khai"), strings.Contains(t, "đang hoàn thiện"), strings.Contains(t, "đang xây dựng"):
		return "Đang triển khai"
	case strings.Contains(t, "chuẩn bị đầu tư"), strings.Contains(t, "đang lập"):
		return "Chuẩn bị đầu tư"
	}
	return ""
}

func (m *matcher) projectRows(b Block) {
	col := projectColumns(b.Rows[0])
	used := map[string]int{}
	for _, p := range m.res.Projects {
		used[p.Code] = p.Rw
	}
	for r, row := range b.Rows[1:] {
		rn := r + 1
		code, name := cellAt(row, col["code"]), cellAt(row, col["name"])
		d := Decision{Block: b.N, Row: rn, Text: excerpt(strings.TrimSpace(code + " " + name))}
		pr := ProjectRow{Name: name, Status: cellAt(row, col["status"]), Progress: cellAt(row, col["progress"]),
			Obstacles: cellAt(row, col["obstacles"]), Proposals: cellAt(row, col["proposals"]), Investor: cellAt(row, col["investor"]),
			Capital: cellAt(row, col["capital"]), BlockN: b.N, Rw: rn}
		if code == "" && name == "" {
			if strings.TrimSpace(strings.Join(row, "")) == "" {
				continue
			}
			d.State = Unplaced
			d.reason("let.why.row.noproject")
			m.decide(d)
			continue
		}
		if rn > m.opt.Limits.TableRows {
			d.State, d.Error = Unplaced, true
			d.reason("let.why.table.rows", m.opt.Limits.TableRows)
			m.decide(d)
			continue
		}
		pct := cellAt(row, col["percent"])
		if pct == "" {
			if x := percentIn.FindStringSubmatch(pr.Progress); x != nil {
				pct = x[1]
			}
		}
		if pct != "" {
			f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(strings.TrimSuffix(pct, "%")), ",", ".", 1), 64)
			if err == nil && f >= 0 && f <= 100 {
				pr.Percent = &f
			} else {
				d.Error = true
				d.reason("let.why.row.percent", shortText(pct, 20))
			}
		}
		if pr.Status == "" {
			pr.Status = projectStatus(pr.Progress)
		}
		if pr.Status == "" && pr.Progress == "" && pr.Obstacles == "" && pr.Proposals == "" && pr.Percent == nil {
			d.State = LeftOut
			d.reason("let.why.row.noprogress")
			m.decide(d)
			continue
		}
		pcode, state, why, picks := m.matchProject(code, name)
		if to, ok := m.opt.Moves[d.Key()]; ok && to != "" {
			if p := m.project(to); p != nil {
				pcode, state, why, picks = p.Code, Placed, because("let.why.project.chosen", p.Code), m.allProjects()
			}
		}
		if pcode != "" {
			if prev, dup := used[pcode]; dup {
				pcode, state, picks = "", Unplaced, m.allProjects()
				why = because("let.why.project.twice", prev)
			}
		}
		d.State, d.Picks = state, picks
		d.Why = append([]Note{why}, d.Why...)
		if pcode != "" {
			d.Item = m.current.Number
			pr.Code = pcode
			used[pcode] = rn
			m.res.Projects = append(m.res.Projects, pr)
		}
		m.decide(d)
	}
}

func (m *matcher) project(code string) *Project {
	for i := range m.projects {
		if strings.EqualFold(m.projects[i].Code, code) {
			return &m.projects[i]
		}
	}
	return nil
}

func (m *matcher) allProjects() []Pick {
	var out []Pick
	for _, p := range m.projects {
		out = append(out, Pick{Value: p.Code, Label: p.Code + " — " + p.Name})
	}
	return out
}

// matchProject finds a row's project: its code, its exact normalised name or an alias;
// failing that, the one catalogue name its words appear in as a whole phrase (a warning).
// Never by prefix: "Dung Quất I" is not "Dung Quất III".
func (m *matcher) matchProject(code, name string) (string, string, Note, []Pick) {
	if code != "" {
		if p := m.project(code); p != nil {
			return p.Code, Placed, because("let.why.project.code", p.Code), nil
		}
	}
	nn := normName(name)
	if nn != "" {
		for _, p := range m.projects {
			if normName(p.Name) == nn {
				return p.Code, Placed, because("let.why.project.name", p.Code), nil
			}
			for _, a := range p.Aliases {
				if normName(a) == nn {
					return p.Code, Placed, because("let.why.project.alias", p.Code), nil
				}
			}
		}
		var hits []Pick
		for _, p := range m.projects {
			pn := normName(p.Name)
			if phraseIn(nn, pn) || phraseIn(pn, nn) {
				hits = append(hits, Pick{Value: p.Code, Label: p.Code + " — " + p.Name})
			}
		}
		if len(hits) == 1 {
			return hits[0].Value, Warned, because("let.why.project.near", hits[0].Label), nil
		}
		if len(hits) > 1 {
			return "", Unplaced, because("let.why.project.several", shortText(name, 60)), hits
		}
	}
	return "", Unplaced, because("let.why.project.unknown", shortText(strings.TrimSpace(code+" "+name), 60)), m.allProjects()
}

// phraseIn: the words of a appear in b as a whole run of words.
func phraseIn(a, b string) bool {
	return a != "" && strings.Contains(" "+b+" ", " "+a+" ")
}

// policyStatus reads a II.8 status from a value: the status column's words, or in other
// columns the phrases that say it ("đã ban hành", "đã trình", "đang dự thảo").
func policyStatus(v string, column bool) string {
	t := " " + normName(v) + " "
	has := func(ps ...string) bool {
		for _, p := range ps {
			if strings.Contains(t, " "+p+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case has("đã ban hành", "đã được ban hành", "ban hành ngày") || column && has("ban hành", "đã ký"):
		return "issued"
	case has("đã trình", "đang trình", "trình ubnd", "trình hđnd", "trình ủy ban") || column && has("trình", "chờ ban hành", "chờ phê duyệt"):
		return "submitted"
	case has("đang dự thảo", "dự thảo", "đang xây dựng", "đang soạn thảo", "lấy ý kiến") || column && has("xây dựng", "soạn thảo"):
		return "drafted"
	}
	return ""
}

var statusPicks = []Pick{{"drafted", "Dự thảo"}, {"submitted", "Đã trình"}, {"issued", "Đã ban hành"}}

func (m *matcher) policyRows(b Block) {
	col := policyColumns(b.Rows[0])
	for r, row := range b.Rows[1:] {
		rn := r + 1
		p := PolicyRow{Number: cellAt(row, col["number"]), Date: cellAt(row, col["date"]), Title: cellAt(row, col["title"]),
			Issuer: cellAt(row, col["issuer"]), BlockN: b.N, Rw: rn}
		d := Decision{Block: b.N, Row: rn, Text: excerpt(strings.TrimSpace(p.Number + " " + p.Title))}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		if rn > m.opt.Limits.TableRows {
			d.State, d.Error = Unplaced, true
			d.reason("let.why.table.rows", m.opt.Limits.TableRows)
			m.decide(d)
			continue
		}
		if p.Title == "" {
			d.State, d.Error = Unplaced, true
			d.reason("let.why.row.notitle")
			m.decide(d)
			continue
		}
		if p.Date != "" {
			if x := dmy.FindStringSubmatch(p.Date); x != nil && validDate(fmt.Sprintf("%s/%s/%s", x[1], x[2], x[3])) {
				p.Date = fmt.Sprintf("%02s/%02s/%s", x[1], x[2], x[3])
			} else {
				d.Error = true
				d.reason("let.why.row.date", shortText(p.Date, 20))
				p.Date = ""
			}
		}
		var how Note
		if v := cellAt(row, col["status"]); v != "" {
			p.Status, how = policyStatus(v, true), because("let.how.column")
		}
		if p.Status == "" {
			for i, c := range row {
				if i == col["title"] {
					continue
				}
				if s := policyStatus(c, false); s != "" {
					p.Status, how = s, because("let.how.value", shortText(cellAt(row, i), 40))
					break
				}
			}
		}
		if p.Status == "" && strings.Contains(" "+normName(p.Title)+" ", " đã ban hành ") {
			p.Status, how = "issued", because("let.how.title")
		}
		if to, ok := m.opt.Moves[d.Key()]; ok && (to == "drafted" || to == "submitted" || to == "issued") {
			p.Status, how = to, because("let.how.analyst")
			d.Picks = statusPicks
		}
		d.Item = m.current.Number
		if p.Status == "" {
			d.State, d.Picks = Warned, statusPicks
			d.leadReason("let.why.status.unknown")
		} else {
			d.State = Placed
			d.leadReason("let.why.status", locale.Said{VI: statusVI(p.Status), EN: p.Status}, how)
		}
		m.res.Policies = append(m.res.Policies, p)
		m.decide(d)
	}
}

func statusVI(s string) string {
	for _, p := range statusPicks {
		if p.Value == s {
			return p.Label
		}
	}
	return s
}
