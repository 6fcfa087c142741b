package letter

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quangngai/chitieu/locale"
)

// Item is one item of a round's outline, as the matcher needs it.
type Item struct {
	Number   string // I, II.4, II.4.1
	Title    string
	Kind     string // heading, figures, narrative, projects, policies
	Guidance string
}

func (it Item) depth() int { return strings.Count(it.Number, ".") }
func (it Item) part() string {
	p, _, _ := strings.Cut(it.Number, ".")
	return p
}

// takesText: narrative items, and part I (its items are figures, but agencies write
// sentences under them that SCT writes section I from).
func (it Item) takesText() bool {
	return it.Kind == "narrative" || it.Kind == "projects" || it.Kind == "policies" || it.part() == "I"
}

// Project is a key project of the catalogue.
type Project struct {
	Code    string
	Name    string
	Aliases []string
}

// States of a paragraph in the preview: every paragraph is in exactly one.
const (
	Placed   = "placed"   // under an item, and why
	Warned   = "warned"   // under an item, with a warning (title or number differs, OCR, a guess to check)
	LeftOut  = "left-out" // letterhead, opening, closing, signature: not content
	Unplaced = "unplaced" // content that went nowhere, and why
)

// NilItem is the pseudo-item of a nil reply's statement.
const NilItem = "NIL"

// Decision says where one paragraph, table or table row went and why.
type Decision struct {
	Block   int    // the block's N
	Row     int    // a table's data row (1-based), 0 for the whole block
	Text    string // an excerpt
	State   string
	Item    string
	Heading bool   // the paragraph is the item's heading
	Why     []Note // the reason, worded part after part (Words)
	Error   bool   // nothing can be saved until this is fixed
	Picks   []Pick // choices for the analyst (a project for an unknown name, a status)
}

// Words is the reason in lang ("en" or Vietnamese), its parts one after another.
func (d Decision) Words(lang string) string {
	s := ""
	for _, n := range d.Why {
		s += locale.Render(lang, n)
	}
	return s
}

// because is a part of a reason: a catalogue key with its arguments.
func because(key string, args ...any) Note { return Note{Key: key, Args: args} }

// reason makes the catalogue's key the whole reason; addReason adds a part after it
// and leadReason one before it.
func (d *Decision) reason(key string, args ...any)    { d.Why = []Note{because(key, args...)} }
func (d *Decision) addReason(key string, args ...any) { d.Why = append(d.Why, because(key, args...)) }
func (d *Decision) leadReason(key string, args ...any) {
	d.Why = append([]Note{because(key, args...)}, d.Why...)
}

// Key names the decision for a move: "12" for a paragraph, "14.3" for a table row.
func (d Decision) Key() string {
	if d.Row > 0 {
		return fmt.Sprintf("%d.%d", d.Block, d.Row)
	}
	return strconv.Itoa(d.Block)
}

// Pick is one choice offered to the analyst.
type Pick struct{ Value, Label string }

// Details are the covering letter's number, date, signer and position.
type Details struct {
	Number   string
	Date     string // DD/MM/YYYY
	Place    string
	Signer   string
	Position string
}

// ItemText is the text placed under one item.
type ItemText struct {
	Number  string
	Title   string
	Text    string
	Nothing bool
}

// ProjectRow is one II.7 row.
type ProjectRow struct {
	Code       string
	Name       string
	Status     string
	Percent    *float64
	Progress   string
	Obstacles  string
	Proposals  string
	Investor   string
	Capital    string
	BlockN, Rw int
}

// PolicyRow is one II.8 row; Status is drafted, submitted, issued or "" (unknown).
type PolicyRow struct {
	Number, Date, Title, Issuer, Status string
	BlockN, Rw                          int
}

// Limits of an answer: the same as the web form's.
type AnswerLimits struct {
	ItemText  int // characters per item
	TableRows int // rows of a table
}

// Result is a letter placed along the outline.
type Result struct {
	Decisions []Decision
	Items     []ItemText
	Projects  []ProjectRow
	Policies  []PolicyRow
	Details   Details
	Nil       bool
	Problems  []Decision // letter-level (no heading found); Block 0
}

// HasErrors says whether something must be fixed before saving.
func (r Result) HasErrors() bool {
	for _, d := range append(r.Decisions, r.Problems...) {
		if d.Error {
			return true
		}
	}
	return false
}

// Options: the analyst's moves (decision key → item number, or for a II.7 row a project
// code, for a II.8 row a status).
type Options struct {
	Moves  map[string]string
	Limits AnswerLimits
}

type matcher struct {
	items    []Item
	byNum    map[string]Item
	projects []Project
	opt      Options
	res      Result
	current  *Item
	unknown  string // a heading the outline does not have: what follows is not placed
	started  bool
	closed   bool // after "Trên đây là báo cáo…" / "Nơi nhận"
	annex    bool // after the signature, in "Phụ lục"/"Biểu"
	seen     map[string]int
	texts    map[string][]string
	textLen  map[string]int
	sigLines []string
	signerOK bool
	ocr      bool
	headWarn bool // the current item's heading was recognised with a warning
}

// Match places a letter's blocks under the outline's items.
func Match(l Letter, items []Item, projects []Project, opt Options) Result {
	m := &matcher{items: items, byNum: map[string]Item{}, projects: projects, opt: opt, seen: map[string]int{},
		texts: map[string][]string{}, textLen: map[string]int{}}
	if m.opt.Limits.ItemText <= 0 {
		m.opt.Limits.ItemText = 40000
	}
	if m.opt.Limits.TableRows <= 0 {
		m.opt.Limits.TableRows = 200
	}
	for _, it := range items {
		m.byNum[it.Number] = it
	}
	for _, b := range l.Blocks {
		m.ocr = b.OCR
		if b.Table {
			m.table(b)
			continue
		}
		if strings.TrimSpace(b.Text) == "" {
			continue
		}
		m.paragraph(b)
	}
	m.finish()
	return m.res
}

func (m *matcher) decide(d Decision) {
	if m.ocr && (d.State == Placed || d.State == Warned) {
		d.State = Warned
		d.addReason("let.why.ocr")
	}
	m.res.Decisions = append(m.res.Decisions, d)
}

func excerpt(s string) string { return shortText(strings.Join(strings.Fields(s), " "), 120) }

func (m *matcher) paragraph(b Block) {
	text := strings.TrimSpace(b.Text)
	d := Decision{Block: b.N, Text: excerpt(text)}
	if m.closed && !m.annex {
		if annexHeading.MatchString(text) && wordCount(text) < 40 {
			m.annex = true
			m.startAnnex(b, text)
			return
		}
		m.sigLines = append(m.sigLines, strings.Split(text, "\n")...)
		d.State = LeftOut
		d.reason("let.why.end")
		m.decide(d)
		return
	}
	if isClosing(text) {
		m.closed = true
		m.current = nil
		d.State = LeftOut
		d.reason("let.why.closing")
		if strings.HasPrefix(text, "Nơi nhận") {
			m.sigLines = append(m.sigLines, strings.Split(text, "\n")...)
		}
		m.decide(d)
		return
	}
	if m.heading(b, text) {
		return
	}
	if !m.started {
		m.readDetails(text)
		d.State = LeftOut
		d.reason("let.why.opening")
		if isNil(text) {
			d.State, d.Item = Placed, NilItem
			d.reason("let.why.nil")
		}
		m.decide(d)
		return
	}
	m.place(b, text, d)
}

// place puts a content paragraph under the current item, or says why not.
func (m *matcher) place(b Block, text string, d Decision) {
	target := ""
	if m.current != nil {
		target = m.current.Number
	}
	moved := false
	if to, ok := m.opt.Moves[d.Key()]; ok {
		if it, ok := m.byNum[to]; ok && it.takesText() {
			target, moved = to, true
		} else if to == "" {
			d.State = Unplaced
			d.reason("let.why.dropped")
			m.decide(d)
			return
		}
	}
	switch {
	case moved:
		d.State, d.Item = Placed, target
		d.reason("let.why.moved", target)
	case m.unknown != "":
		d.State = Unplaced
		d.reason("let.why.unknownhead", shortText(m.unknown, 60))
		m.decide(d)
		return
	case m.current == nil:
		d.State = Unplaced
		d.reason("let.why.noitem")
		m.decide(d)
		return
	case !m.current.takesText():
		d.State = Unplaced
		d.reason("let.why.parttitle", m.current.Number)
		m.decide(d)
		return
	case m.current.Guidance != "" && normName(text) == normName(m.current.Guidance):
		d.State = LeftOut
		d.reason("let.why.guidance")
		m.decide(d)
		return
	default:
		d.State, d.Item = Placed, target
		d.reason("let.why.under", target)
		if m.headWarn {
			// A doubtful heading makes what follows it doubtful too.
			d.State = Warned
			d.addReason("let.why.headwarn", m.seen[target])
		}
		if it := m.byNum[target]; it.Kind == "figures" || it.Kind == "heading" {
			d.addReason("let.why.partwords")
		}
	}
	line := text
	if b.Listed && !strings.HasPrefix(line, "- ") {
		line = "- " + line
	}
	n := utf8.RuneCountInString(line) + 1
	if m.textLen[target]+n > m.opt.Limits.ItemText {
		d.State, d.Error = Unplaced, true
		d.reason("let.why.toolong", target, m.opt.Limits.ItemText)
		d.Item = ""
		m.decide(d)
		return
	}
	m.textLen[target] += n
	m.texts[target] = append(m.texts[target], line)
	m.decide(d)
}

func isClosing(text string) bool {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "Trên đây là") || strings.HasPrefix(t, "Nơi nhận") {
		return true
	}
	return strings.HasSuffix(t, "./.") && strings.Contains(strings.ToLower(t), "báo cáo") && wordCount(t) < 60
}

func isNil(text string) bool {
	t := strings.ToLower(text)
	for _, p := range []string{"không được giao nhiệm vụ", "không được giao chủ trì", "không có nhiệm vụ", "không có nội dung báo cáo"} {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// heading recognises an outline heading, in the order: number, title, style,
// bold. It records the decision and moves the current item.
func (m *matcher) heading(b Block, text string) bool {
	if strings.Contains(text, "\n") || utf8.RuneCountInString(text) > 400 {
		return false
	}
	styled := isHeadingStyle(b.Style)
	emph := styled || b.Bold || isUpper(text)
	d := Decision{Block: b.N, Text: excerpt(text), Heading: true}
	if r := romanHeading.FindStringSubmatch(text); r != nil {
		num, title := r[1], r[2]
		numItem, numOK := m.byNum[num]
		best, bs := m.bestTitle(title, func(it Item) bool { return it.depth() == 0 })
		switch {
		case numOK && confirms(title, numItem.Title) && m.seen[num] == 0:
			m.start(numItem, &d, Placed, because("let.why.head.match", num))
		case best != nil && best.Number != num && bs >= 0.6 && confirms(title, best.Title):
			m.start(*best, &d, Warned, because("let.why.head.bytitle", num, best.Number, shortText(best.Title, 60)))
		case numOK && m.seen[num] == 0:
			m.start(numItem, &d, Warned, because("let.why.head.titlediff", num, shortText(numItem.Title, 60)))
		default:
			m.unknownHeading(&d, text)
		}
		return true
	}
	part := ""
	if m.current != nil {
		part = m.current.part()
	}
	num, title := "", ""
	if r := subHeading.FindStringSubmatch(text); r != nil && part != "" {
		num, title = part+"."+r[1]+"."+r[2], r[3]
	} else if r := numberHeading.FindStringSubmatch(text); r != nil && part != "" {
		num, title = part+"."+r[1], r[2]
	}
	if num != "" {
		numItem, numOK := m.byNum[num]
		best, bs := m.bestTitle(title, func(it Item) bool { return it.part() == part && it.depth() >= 1 })
		short := wordCount(title) <= 40 && !strings.HasSuffix(title, ".")
		switch {
		case numOK && confirms(title, numItem.Title):
			m.start(numItem, &d, Placed, because("let.why.head.match", num))
		case best != nil && bs >= 0.7 && confirms(title, best.Title) && (emph || short):
			m.start(*best, &d, Warned, because("let.why.head.numdiff", best.Number))
		case numOK && emph && short:
			m.start(numItem, &d, Warned, because("let.why.head.subdiff", num, shortText(numItem.Title, 60)))
		case !numOK && (styled || b.Bold) && short:
			m.unknownHeading(&d, text)
		default:
			return false // a numbered paragraph of the text
		}
		return true
	}
	if a := annexHeading.FindString(text); a != "" && m.started {
		m.startAnnex(b, text)
		return true
	}
	// No number: a Word heading style, a bold line, or (PDF, scan) a short line that
	// carries an item's title.
	if wordCount(text) > 40 || strings.HasSuffix(text, ".") && !emph {
		return false
	}
	best, bs := m.bestTitle(text, func(Item) bool { return true })
	if best == nil {
		if styled && m.started {
			m.unknownHeading(&d, text)
			return true
		}
		return false
	}
	contain, cover, _ := similarity(text, best.Title)
	switch {
	case styled && bs >= 0.7:
		m.start(*best, &d, Placed, because("let.why.head.style", best.Number))
	case b.Bold && bs >= 0.75 && contain >= 0.9:
		m.start(*best, &d, Placed, because("let.why.head.bold", best.Number))
	case !emph && contain >= 0.95 && cover >= 0.85:
		m.start(*best, &d, Warned, because("let.why.head.short", best.Number))
	case isUpper(text) && contain >= 0.95 && cover >= 0.85:
		m.start(*best, &d, Placed, because("let.why.head.upper", best.Number))
	default:
		if (styled || b.Bold) && !m.started && !m.closed {
			d.State = LeftOut
			d.reason("let.why.ownhead")
			m.decide(d)
			return true
		}
		return false
	}
	return true
}

// bestTitle finds the item whose title the heading fits best; nil unless it is clearly
// better than the runner-up.
func (m *matcher) bestTitle(h string, ok func(Item) bool) (*Item, float64) {
	var best *Item
	bs, second := 0.0, 0.0
	for i := range m.items {
		it := m.items[i]
		if !ok(it) {
			continue
		}
		s := score(h, it.Title)
		if s > bs {
			second, bs, best = bs, s, &m.items[i]
		} else if s > second {
			second = s
		}
	}
	if best == nil || bs-second < 0.1 {
		return nil, bs
	}
	return best, bs
}

func (m *matcher) start(it Item, d *Decision, state string, why Note) {
	d.Why = []Note{why}
	if m.seen[it.Number] > 0 {
		state = Warned
		d.addReason("let.why.head.again", it.Number, m.seen[it.Number])
	} else {
		m.seen[it.Number] = d.Block
	}
	if to, ok := m.opt.Moves[d.Key()]; ok {
		if t, ok := m.byNum[to]; ok {
			it, state = t, Placed
			d.reason("let.why.head.moved", to)
		}
	}
	m.started = true
	m.unknown = ""
	cur := it
	m.current = &cur
	m.headWarn = state == Warned
	d.State, d.Item = state, it.Number
	d.leadReason("let.why.head.of", it.Number)
	m.decide(*d)
}

func (m *matcher) unknownHeading(d *Decision, text string) {
	if !m.started {
		d.State = LeftOut
		d.reason("let.why.ownhead")
		m.decide(*d)
		return
	}
	m.unknown = text
	d.State = Unplaced
	d.reason("let.why.head.unknown")
	m.decide(*d)
}

// startAnnex: "Phụ lục …" / "Biểu …" after the signature (or in the body): content again.
func (m *matcher) startAnnex(b Block, text string) {
	rest := strings.TrimSpace(annexHeading.ReplaceAllString(text, ""))
	d := Decision{Block: b.N, Text: excerpt(text), Heading: true}
	m.closed, m.annex, m.started = false, true, true
	if best, bs := m.bestTitle(rest, func(it Item) bool { return it.depth() > 0 }); best != nil && bs >= 0.5 {
		m.start(*best, &d, Placed, because("let.why.annex.item", best.Number))
		return
	}
	m.current = nil
	m.unknown = ""
	d.State = LeftOut
	d.reason("let.why.annex")
	m.decide(d)
}

func (m *matcher) finish() {
	m.readSignature()
	for _, it := range m.items {
		lines := m.texts[it.Number]
		if len(lines) == 0 {
			continue
		}
		joined := strings.Join(lines, "\n")
		nothing := normName(joined) == normName("Không có nội dung phát sinh")
		if nothing {
			joined = ""
		}
		m.res.Items = append(m.res.Items, ItemText{Number: it.Number, Title: it.Title, Text: joined, Nothing: nothing})
	}
	headings := 0
	for _, d := range m.res.Decisions {
		if d.Heading && (d.State == Placed || d.State == Warned) {
			headings++
		}
		if d.Item == NilItem {
			m.res.Nil = true
		}
	}
	if headings > 0 {
		m.res.Nil = false
		for i, d := range m.res.Decisions {
			if d.Item == NilItem {
				m.res.Decisions[i].State, m.res.Decisions[i].Item = LeftOut, ""
				m.res.Decisions[i].reason("let.why.opening.answers")
			}
		}
	}
	if headings == 0 && !m.res.Nil {
		m.res.Problems = append(m.res.Problems, Decision{Error: true, State: Unplaced, Why: []Note{because("let.why.noheadings")}})
	}
}
