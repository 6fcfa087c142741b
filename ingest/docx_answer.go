package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	rules "github.com/quangngai/chitieu/plan" // ingest has its own plan()
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

var (
	romanHeading = regexp.MustCompile(`^([IVX]+)[.)]\s*(.*)$`)
	subHeading   = regexp.MustCompile(`^(\d+)\.(\d+)[.)]?\s+(.*)$`)
	itemHeading  = regexp.MustCompile(`^(\d+)[.)]\s+(.*)$`)
)

// Parsereport.DocxAnswer splits an agency's .docx (the template filled in, or its own letter
// following the outline's numbering) into the outline's items. Headings are found by
// their number ("II.", "4.", "4.1.") and checked against the item's title, or by a
// heading style and the title alone (Writer's automatic numbering leaves the number out
// of the text). Tables under II.7 and II.8 become project and policy rows.
func ParseDocxAnswer(data []byte, o queries.Outline, projects []queries.Project) (report.DocxAnswer, error) {
	blocks, err := readDocxBlocks(data)
	if err != nil {
		return report.DocxAnswer{}, err
	}
	items := map[string]queries.OutlineItem{}
	for _, it := range o.Items {
		items[it.Number] = it
	}
	var res report.DocxAnswer
	problem := func(para int, isErr bool, vi, en string) {
		if len(res.Problems) < 500 {
			res.Problems = append(res.Problems, report.DocxProblem{Para: para, Error: isErr, VI: vi, EN: en})
		}
	}
	texts := map[string][]string{}
	var order []string
	place := map[string]*report.DocxPlacement{}
	var current *queries.OutlineItem
	part := ""
	stopped := false
	for _, b := range blocks {
		if stopped {
			break
		}
		if b.IsTable {
			if current == nil {
				continue // a letterhead table before the outline starts
			}
			n := 0
			switch current.Kind {
			case queries.ItemProjects:
				n = readProjectRows(b, projects, &res, problem)
			case queries.ItemPolicies:
				n = readPolicyRows(b, &res, problem)
			default:
				problem(b.Para, false, fmt.Sprintf("Bảng ở đoạn %d nằm dưới mục %s, không phải II.7 hay II.8: bỏ qua.", b.Para, current.Number),
					fmt.Sprintf("The table at paragraph %d is under item %s, not II.7 or II.8: left out.", b.Para, current.Number))
			}
			if pl := place[current.Number]; pl != nil {
				pl.Rows += n
			}
			continue
		}
		if b.Text == "" {
			continue
		}
		if num, ok := headingNumber(b, part, o); ok {
			it, known := items[num]
			if !known {
				problem(b.Para, true, fmt.Sprintf("Đoạn %d: tiêu đề %q không có trong đề cương %s.", b.Para, short(b.Text), o.Code),
					fmt.Sprintf("Paragraph %d: heading %q is not in outline %s.", b.Para, short(b.Text), o.Code))
				current = nil
				continue
			}
			if it.Depth() == 0 {
				part = it.Number
			} else {
				part = strings.SplitN(it.Number, ".", 2)[0]
			}
			if _, seen := place[num]; seen {
				problem(b.Para, true, fmt.Sprintf("Đoạn %d: mục %s xuất hiện hai lần.", b.Para, num),
					fmt.Sprintf("Paragraph %d: item %s appears twice.", b.Para, num))
			} else {
				order = append(order, num)
				place[num] = &report.DocxPlacement{Item: num, Title: it.Title, Heading: b.Para}
			}
			current = &it
			continue
		}
		if strings.HasPrefix(b.Text, "Nơi nhận") {
			stopped = true // the letter's closing: recipients and signature
			continue
		}
		if current == nil {
			readLetterField(b.Text, &res, problem, b.Para)
			continue
		}
		if !current.Answerable() {
			if current.Guidance != "" && b.Text == current.Guidance {
				continue
			}
			problem(b.Para, false, fmt.Sprintf("Đoạn %d nằm dưới mục %s (mục không nhận nội dung viết): bỏ qua.", b.Para, current.Number),
				fmt.Sprintf("Paragraph %d is under item %s, which takes no text: left out.", b.Para, current.Number))
			continue
		}
		if b.Text == current.Guidance {
			continue
		}
		line := b.Text
		if b.Listed && !strings.HasPrefix(line, "- ") {
			line = "- " + line
		}
		texts[current.Number] = append(texts[current.Number], line)
		pl := place[current.Number]
		pl.Paragraphs++
		if pl.Excerpt == "" {
			pl.Excerpt = short(b.Text)
		}
	}
	for _, num := range order {
		it := items[num]
		pl := place[num]
		res.Placements = append(res.Placements, *pl)
		if !it.Answerable() {
			continue
		}
		lines := texts[num]
		joined := strings.Join(lines, "\n")
		nothing := isNothing(joined)
		if nothing {
			joined = ""
		}
		if joined != "" || nothing {
			res.Answer.Items = append(res.Answer.Items, queries.AnswerItem{Number: num, Title: it.Title, Text: report.CleanText(joined), Nothing: nothing})
		}
	}
	if len(order) == 0 {
		problem(0, true, "Không tìm thấy tiêu đề nào của đề cương (I., II., 1., 4.1. …) trong tệp.",
			"No heading of the outline (I., II., 1., 4.1. …) was found in the file.")
	}
	return res, nil
}

// headingNumber says whether a paragraph is an outline heading, and which.
func headingNumber(b docBlock, part string, o queries.Outline) (string, bool) {
	styled := isHeadingStyle(b.Style)
	text := strings.TrimSpace(b.Text)
	var num, title string
	if m := romanHeading.FindStringSubmatch(text); m != nil {
		num, title = m[1], m[2]
	} else if m := subHeading.FindStringSubmatch(text); m != nil && part != "" {
		num, title = part+"."+m[1]+"."+m[2], m[3]
	} else if m := itemHeading.FindStringSubmatch(text); m != nil && part != "" {
		num, title = part+"."+m[1], m[2]
	}
	if num != "" {
		for _, it := range o.Items {
			if it.Number == num {
				if styled || sameTitle(title, it.Title) {
					return num, true
				}
				return "", false // a numbered paragraph of the text, not the heading
			}
		}
		if styled || num == strings.SplitN(num, ".", 2)[0] {
			return num, true // a heading the outline does not have: reported as an error
		}
		return "", false
	}
	if styled {
		for _, it := range o.Items {
			if sameTitle(text, it.Title) {
				return it.Number, true
			}
		}
		return text, true // a heading that matches nothing: reported as an error
	}
	return "", false
}

func isHeadingStyle(s string) bool {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	return strings.HasPrefix(s, "heading")
}

// sameTitle compares titles loosely: case, punctuation and spacing aside, one starts
// with the other over at least 15 letters (letters often shorten long titles).
func sameTitle(a, b string) bool {
	na, nb := normTitle(a), normTitle(b)
	if na == "" || nb == "" {
		return false
	}
	ra, rb := []rune(na), []rune(nb)
	n := min(len(ra), len(rb))
	if n < 15 && len(ra) != len(rb) {
		return false
	}
	return string(ra[:n]) == string(rb[:n])
}

func normTitle(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		default:
			space = true
		}
	}
	return b.String()
}

func isNothing(s string) bool {
	return normTitle(s) == normTitle(report.NothingText)
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// readLetterField reads "Số công văn: …", "Ngày công văn: …", "Người ký: …", "Chức vụ: …"
// (and a letter's own "Số: …") before the outline starts.
func readLetterField(text string, res *report.DocxAnswer, problem func(int, bool, string, string), para int) {
	label, value, ok := strings.Cut(text, ":")
	if !ok {
		return
	}
	value = strings.TrimSpace(value)
	switch normTitle(label) {
	case normTitle(report.LabelLetterNo), "số":
		if value != "" {
			res.Answer.Letter.Number = short(value)
		}
	case normTitle(report.LabelLetterDate), "ngày":
		if value == "" {
			return
		}
		if d, ok := rules.ParseFormDate(strings.TrimSpace(value)); ok {
			res.Answer.Letter.Date = &d
		} else {
			problem(para, false, fmt.Sprintf("Đoạn %d: ngày công văn %q không đọc được (ghi DD/MM/YYYY).", para, short(value)),
				fmt.Sprintf("Paragraph %d: letter date %q not understood (write DD/MM/YYYY).", para, short(value)))
		}
	case normTitle(report.LabelSigner):
		res.Answer.Letter.Signer = short(value)
	case normTitle(report.LabelPosition):
		res.Answer.Letter.Position = short(value)
	}
}

// columns finds each wanted column by words of its header; -1 when absent.
func columns(header []string, want map[string][]string) map[string]int {
	out := map[string]int{}
	for k := range want {
		out[k] = -1
	}
	for i, h := range header {
		nh := normTitle(h)
		for k, words := range want {
			if out[k] >= 0 {
				continue
			}
			for _, w := range words {
				if strings.Contains(nh, w) {
					out[k] = i
					break
				}
			}
		}
	}
	return out
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return report.CleanText(row[i])
}

func readProjectRows(b docBlock, projects []queries.Project, res *report.DocxAnswer, problem func(int, bool, string, string)) int {
	if len(b.Rows) < 2 {
		return 0
	}
	col := columns(b.Rows[0], map[string][]string{"code": {"mã"}, "name": {"tên", "dự án"}, "status": {"tình trạng"},
		"percent": {"hoàn thành"}, "milestones": {"mốc"}, "obstacles": {"vướng"}, "proposals": {"kiến nghị", "đề xuất"}})
	n := 0
	for r, row := range b.Rows[1:] {
		pp := queries.ProjectProgress{Status: cell(row, col["status"]), Milestones: cell(row, col["milestones"]),
			Obstacles: cell(row, col["obstacles"]), Proposals: cell(row, col["proposals"])}
		pct := strings.TrimSpace(strings.TrimSuffix(cell(row, col["percent"]), "%"))
		if pp.Status == "" && pp.Milestones == "" && pp.Obstacles == "" && pp.Proposals == "" && pct == "" {
			continue // a project the agency does not follow
		}
		code, name := cell(row, col["code"]), cell(row, col["name"])
		for _, p := range projects {
			if code != "" && strings.EqualFold(code, p.Code) || code == "" && name != "" && sameTitle(name, p.NameVI) {
				pp.Project = p.Code
			}
		}
		if pp.Project == "" {
			problem(b.Para, true, fmt.Sprintf("Bảng II.7 (đoạn %d), dòng %d: không nhận ra dự án %q.", b.Para, r+2, short(code+" "+name)),
				fmt.Sprintf("Table II.7 (paragraph %d), row %d: project %q not recognised.", b.Para, r+2, short(code+" "+name)))
			continue
		}
		if pct != "" {
			f, err := strconv.ParseFloat(strings.Replace(strings.ReplaceAll(pct, " ", ""), ",", ".", 1), 64)
			if err != nil || f < 0 || f > 100 {
				problem(b.Para, true, fmt.Sprintf("Bảng II.7, dòng %d: %% hoàn thành %q phải là số từ 0 đến 100.", r+2, short(pct)),
					fmt.Sprintf("Table II.7, row %d: percent done %q must be a number from 0 to 100.", r+2, short(pct)))
			} else {
				pp.Percent = &f
			}
		}
		res.Answer.Projects = append(res.Answer.Projects, pp)
		n++
	}
	return n
}

func readPolicyRows(b docBlock, res *report.DocxAnswer, problem func(int, bool, string, string)) int {
	if len(b.Rows) < 2 {
		return 0
	}
	col := columns(b.Rows[0], map[string][]string{"number": {"số"}, "date": {"ngày"}, "title": {"trích yếu", "tên"},
		"issuer": {"cơ quan"}, "status": {"tình trạng"}})
	n := 0
	for r, row := range b.Rows[1:] {
		pd := queries.PolicyDoc{Number: cell(row, col["number"]), Title: cell(row, col["title"]), Issuer: cell(row, col["issuer"])}
		date, status := cell(row, col["date"]), normTitle(cell(row, col["status"]))
		if pd.Number == "" && pd.Title == "" && pd.Issuer == "" && date == "" && status == "" {
			continue
		}
		if pd.Title == "" {
			problem(b.Para, true, fmt.Sprintf("Bảng II.8, dòng %d: thiếu trích yếu.", r+2), fmt.Sprintf("Table II.8, row %d: no title.", r+2))
		}
		if date != "" {
			if d, ok := rules.ParseFormDate(strings.TrimSpace(date)); ok {
				pd.Date = &d
			} else {
				problem(b.Para, true, fmt.Sprintf("Bảng II.8, dòng %d: ngày %q không đọc được.", r+2, short(date)),
					fmt.Sprintf("Table II.8, row %d: date %q not understood.", r+2, short(date)))
			}
		}
		switch {
		case strings.Contains(status, "ban hành"):
			pd.Status = queries.PolicyIssued
		case strings.Contains(status, "trình"):
			pd.Status = queries.PolicySubmitted
		case strings.Contains(status, "dự thảo"), status == "":
			pd.Status = queries.PolicyDrafted
		default:
			problem(b.Para, true, fmt.Sprintf("Bảng II.8, dòng %d: tình trạng %q phải là dự thảo, đã trình hoặc đã ban hành.", r+2, short(status)),
				fmt.Sprintf("Table II.8, row %d: status %q must be drafted, submitted or issued.", r+2, short(status)))
			pd.Status = queries.PolicyDrafted
		}
		pd.Key = strconv.Itoa(len(res.Answer.Policies) + 1)
		res.Answer.Policies = append(res.Answer.Policies, pd)
		n++
	}
	return n
}
