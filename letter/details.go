package letter

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

var (
	letterNo   = regexp.MustCompile(`(?i)^\s*số\s*:\s*(\S*)`)
	placeDate  = regexp.MustCompile(`(?i)^\s*([^,]{2,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	labelField = regexp.MustCompile(`(?i)^\s*(số công văn|ngày công văn|người ký|chức vụ)\s*:\s*(.*)$`)
	dmy        = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$`)
)

// positionWords start a signature block's authority and position lines.
var positionWords = []string{"KT.", "TM.", "TL.", "TUQ.", "Q.", "GIÁM ĐỐC", "TRƯỞNG", "CHỦ TỊCH", "PHÓ", "CỤC TRƯỞNG", "CHÁNH"}

// readDetails reads the letter's number and place-date from a letterhead line, and the
// template's own fields ("Số công văn: …", "Người ký: …").
func (m *matcher) readDetails(text string) {
	for _, line := range strings.Split(text, "\n") {
		d := &m.res.Details
		if r := labelField.FindStringSubmatch(line); r != nil {
			v := strings.TrimSpace(r[2])
			switch strings.ToLower(r[1]) {
			case "số công văn":
				d.Number = shortText(v, 100)
			case "ngày công văn":
				if x := dmy.FindStringSubmatch(v); x != nil {
					d.Date = fmt.Sprintf("%02s/%02s/%s", x[1], x[2], x[3])
				}
			case "người ký":
				d.Signer, m.signerOK = shortText(v, 200), v != ""
			case "chức vụ":
				d.Position = shortText(v, 200)
			}
			continue
		}
		if r := letterNo.FindStringSubmatch(line); r != nil && d.Number == "" {
			if n := strings.TrimSpace(r[1]); n != "" && !strings.HasPrefix(n, "/") && strings.ContainsAny(n, "0123456789") {
				d.Number = shortText(n, 100)
			}
		}
		if r := placeDate.FindStringSubmatch(line); r != nil && d.Date == "" {
			d.Place = strings.TrimSpace(r[1])
			d.Date = fmt.Sprintf("%02s/%02s/%s", r[2], r[3], r[4])
			if !validDate(d.Date) {
				d.Date = ""
			}
		}
	}
}

func validDate(s string) bool {
	var dd, mm, yy int
	if _, err := fmt.Sscanf(s, "%d/%d/%d", &dd, &mm, &yy); err != nil {
		return false
	}
	return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 && yy >= 1990 && yy <= 2100
}

// readSignature: the signer is the last line of the signature block that reads as a
// person's name; the position is the upper-case line above it ("PHÓ GIÁM ĐỐC" under
// "KT. GIÁM ĐỐC").
func (m *matcher) readSignature() {
	if m.signerOK {
		return
	}
	var lines []string
	for _, l := range m.sigLines {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if !isName(lines[i]) {
			continue
		}
		m.res.Details.Signer = lines[i]
		for j := i - 1; j >= 0; j-- {
			if isUpper(lines[j]) && isPosition(lines[j]) {
				p := lines[j]
				if strings.HasPrefix(p, "KT.") || strings.HasPrefix(p, "TM.") || strings.HasPrefix(p, "TL.") {
					break
				}
				m.res.Details.Position = p
				break
			}
		}
		return
	}
}

func isPosition(s string) bool {
	for _, w := range positionWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// isName: two to six words, each starting with a capital and going on in lower case,
// no digits or punctuation ("Nguyễn Thế Nhân").
func isName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		rs := []rune(w)
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs[1:] {
			if !unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// layoutTable: a letterhead (number, date) before the content, or a signature block
// (recipients, position, signer) after it.
func (m *matcher) layoutTable(b Block) bool {
	var all []string
	for _, r := range b.Rows {
		for _, c := range r {
			all = append(all, strings.Split(c, "\n")...)
		}
	}
	joined := strings.Join(all, "\n")
	d := Decision{Block: b.N, Text: excerpt(joined)}
	sig := strings.Contains(joined, "Nơi nhận") || m.closed
	if !sig {
		for _, l := range all {
			if isUpper(l) && isPosition(l) && !strings.Contains(l, "CỘNG HÒA") && (strings.HasPrefix(l, "KT.") || strings.HasPrefix(l, "TM.") || wordCount(l) <= 4) {
				sig = m.started
			}
		}
	}
	switch {
	case sig:
		m.closed, m.annex, m.current = true, false, nil
		m.sigLines = append(m.sigLines, all...)
		d.State = LeftOut
		d.reason("let.why.table.signature")
	case !m.started:
		for _, l := range all {
			m.readDetails(l)
		}
		d.State = LeftOut
		d.reason("let.why.table.letterhead")
	default:
		return false
	}
	m.decide(d)
	return true
}
