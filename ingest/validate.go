package ingest

import (
	"strconv"
	"strings"
	"time"

	rules "github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// figure is one validated row. It holds no pointers (codes and texts are indexes into
// the validator's tables), so a million of them are one flat block the GC never scans.
type figure struct {
	num     Number
	n       int    // row, line or index in the file
	ind     uint32 // v.inds
	scope   uint32 // v.scopes
	source  uint32 // v.strs
	note    uint32 // v.strs
	pending uint32 // v.strs: ambiguous text, parsed once the column's convention is known
	year    uint16
	status  uint8 // statusCodes
	noData  bool  // "-" / "không có số liệu": no figure, withdraw any
}

// statusCodes are the stored statuses in figure.status order.
var statusCodes = []string{queries.StatusActual, queries.StatusEstimate, queries.StatusPreliminary, queries.StatusApprox}

// figKey identifies a figure across the file and the stored data.
type figKey struct {
	indicator, scope, agency string
	year                     uint16
}

// fileKey is figKey inside one file (one agency), made of table indexes: cheap to hash.
type fileKey struct {
	ind, scope uint32
	year       uint16
}

// indInfo and scopeInfo are the catalogue entries a file refers to, looked up once.
type indInfo struct {
	code   string
	ind    queries.Indicator
	ok     bool
	assign []int8 // by scope index: 0 not yet checked, 1 assigned, 2 not
}

type scopeInfo struct {
	code     string
	known    bool
	from, to int // validity years, 0 = open
}

func (s scopeInfo) activeIn(year int) bool {
	return (s.from == 0 || s.from <= year) && (s.to == 0 || s.to >= year)
}

// validator checks rows as they stream in and keeps the good ones.
type validator struct {
	cat       *catalogue
	reqAgency string
	reqYear   uint16
	info      *sourceInfo
	maxErrors int
	maxRows   int

	rows      int
	errs      []queries.IngestError
	errTotal  int
	warns     []queries.IngestError
	warnSeen  map[string]bool
	figs      []figure
	vi, intl  int // rows whose punctuation proved a convention
	indIdx    map[string]uint32
	inds      []indInfo
	scopeIdx  map[string]uint32
	scopes    []scopeInfo
	strIdx    map[string]uint32
	strs      []string
	cache     map[string]string // raw → cleaned free text (units, statuses, sources)
	agency    string            // the file's agency, fixed by its first row
	agencyLoc Location
	badCodes  map[string]bool // problems already reported once for the file
	tooMany   bool
}

func newValidator(cat *catalogue, req queries.UploadRequest, lim Limits) *validator {
	return &validator{cat: cat, reqAgency: clean(req.Agency), reqYear: req.Year, maxErrors: lim.MaxErrors, maxRows: lim.MaxRows,
		indIdx: map[string]uint32{}, scopeIdx: map[string]uint32{}, strIdx: map[string]uint32{"": 0},
		strs: []string{""}, cache: map[string]string{}, warnSeen: map[string]bool{}, badCodes: map[string]bool{}}
}

// expect sizes the tables for about n rows.
func (v *validator) expect(n int) {
	if n > 0 && n <= v.maxRows+1 {
		v.figs = make([]figure, 0, n)
	}
}

func (v *validator) indicator(code string) uint32 {
	if i, ok := v.indIdx[code]; ok {
		return i
	}
	ind, ok := v.cat.indicators[code]
	i := uint32(len(v.inds))
	v.inds = append(v.inds, indInfo{code: strings.Clone(code), ind: ind, ok: ok})
	v.indIdx[v.inds[i].code] = i
	return i
}

func (v *validator) scope(code string) uint32 {
	if i, ok := v.scopeIdx[code]; ok {
		return i
	}
	si := scopeInfo{code: strings.Clone(code)}
	years := func(from, to *time.Time) {
		if from != nil {
			si.from = from.Year()
		}
		if to != nil {
			si.to = to.Year()
		}
	}
	if z, ok := v.cat.zones[code]; ok {
		si.known = true
		years(z.ValidFrom, z.ValidTo)
	} else if s, ok := v.cat.scopes[code]; ok {
		si.known = true
		years(s.ValidFrom, s.ValidTo)
	}
	i := uint32(len(v.scopes))
	v.scopes = append(v.scopes, si)
	v.scopeIdx[si.code] = i
	return i
}

// cleaned is clean() for the free-text fields, which repeat: readers leave them raw so
// that a million rows normalise each distinct text once.
func (v *validator) cleaned(s string) string {
	if s == "" {
		return s
	}
	if c, ok := v.cache[s]; ok {
		return c
	}
	c := clean(s)
	if len(v.cache) < 1<<14 && len(s) <= 256 {
		v.cache[strings.Clone(s)] = strings.Clone(c)
	}
	return c
}

// duplicates reports figures given twice, once the file is read: on a dense table
// when the file's codes are few enough, else on a map. A figure without a year (its
// year was missing or invalid, already reported at its line) has no key to repeat.
func (v *validator) duplicates() {
	nI, nS := len(v.inds), len(v.scopes)
	minY, maxY := 0, 0
	for i := range v.figs {
		y := int(v.figs[i].year)
		if y == 0 {
			continue
		}
		if minY == 0 || y < minY {
			minY = y
		}
		if y > maxY {
			maxY = y
		}
	}
	nY := maxY - minY + 1
	report := func(f *figure, first int) {
		v.fail(problem("duplicate_figure", v.info.loc(f.n, fIndicator), "", v.inds[f.ind].code, v.scopes[f.scope].code,
			int(f.year), v.info.loc(first, fIndicator).String()))
	}
	if cells := nI * nS * nY; cells > 0 && cells <= 16<<20 {
		first := make([]int32, cells) // figure index + 1
		for i := range v.figs {
			f := &v.figs[i]
			if f.year == 0 {
				continue
			}
			k := (int(f.ind)*nS+int(f.scope))*nY + int(f.year) - minY
			if first[k] != 0 {
				report(f, v.figs[first[k]-1].n)
				continue
			}
			first[k] = int32(i + 1)
		}
		return
	}
	seen := map[fileKey]int{}
	for i := range v.figs {
		f := &v.figs[i]
		if f.year == 0 {
			continue
		}
		k := fileKey{f.ind, f.scope, f.year}
		if n, dup := seen[k]; dup {
			report(f, n)
			continue
		}
		seen[k] = f.n
	}
}

// str interns a source or note: most rows repeat a handful of them.
func (v *validator) str(s string) uint32 {
	if i, ok := v.strIdx[s]; ok {
		return i
	}
	i := uint32(len(v.strs))
	s = strings.Clone(s)
	v.strs = append(v.strs, s)
	if len(v.strIdx) < 1<<16 {
		v.strIdx[s] = i
	}
	return i
}

func (v *validator) fail(e queries.IngestError) {
	v.errTotal++
	if len(v.errs) < v.maxErrors {
		v.errs = append(v.errs, e)
	}
}

func (v *validator) warn(e queries.IngestError) {
	if len(v.warns) < v.maxErrors {
		v.warns = append(v.warns, e)
	}
}

// row checks one row; it returns false once the row limit is passed.
func (v *validator) row(r *rawRow) bool {
	if r.pre == preText && r.f[fValue] == "" {
		return true // an empty value cell: not reported, nothing to check
	}
	v.rows++
	if v.rows > v.maxRows {
		v.tooMany = true
		return false
	}
	fg := figure{n: r.n}
	loc := func(f field) Location { return v.info.loc(r.n, f) }

	// The value.
	switch r.pre {
	case preError:
		v.fail(problem(r.errMsg, loc(fValue), r.errArg, r.errArg))
	case preNumber:
		fg.num = r.num
	default:
		text := r.f[fValue]
		if isNoData(text) {
			fg.noData = true
			break
		}
		num, err := ParseNumber(text, ConvUnknown)
		if err != nil {
			code := errNotNumber
			if ne, ok := err.(*NumberError); ok {
				code = ne.Code
			}
			v.fail(problem(code, loc(fValue), text, text))
			break
		}
		switch {
		case num.Ambiguous:
			fg.pending = v.str(text)
		case num.Conv == ConvVietnamese:
			v.vi++
		case num.Conv == ConvInternational:
			v.intl++
		}
		fg.num = num
	}
	if fg.num.Rounded {
		v.warn(problem("value_rounded", loc(fValue), r.f[fValue], r.f[fValue]))
	}

	// Who.
	agency, aloc := r.f[fAgency], loc(fAgency)
	if agency == "" && v.info.agency != "" {
		agency, aloc = v.info.agency, v.info.agencyLoc
	}
	if agency == "" {
		agency, aloc = v.reqAgency, Location{}
	}
	switch {
	case agency == "":
		v.failOnce("agency_missing", Location{}, "")
	case agency == v.agency:
	case v.reqAgency != "" && agency != v.reqAgency:
		v.failOnce("agency_mismatch", aloc, agency, agency, v.reqAgency)
	case v.agency != "":
		v.failOnce("agency_mismatch", aloc, agency, agency, v.agency)
	default:
		v.agency, v.agencyLoc = strings.Clone(agency), aloc
		if _, ok := v.cat.agencies[agency]; !ok {
			v.fail(problem("agency_unknown", aloc, agency, agency))
		}
	}

	// When.
	yearText, yloc := r.f[fYear], loc(fYear)
	if yearText == "" && v.info.year != "" {
		yearText, yloc = v.info.year, v.info.yearLoc
	}
	year := 0
	switch {
	case yearText != "":
		y, err := strconv.Atoi(strings.TrimSuffix(yearText, ".0"))
		if err != nil || !rules.ValidYear(y) {
			v.failOnce("year_invalid", yloc, yearText, yearText)
			break
		}
		year = y
		if v.reqYear != 0 && y != int(v.reqYear) {
			v.fail(problem("year_mismatch", yloc, yearText, y, int(v.reqYear)))
		}
	case v.reqYear != 0:
		year = int(v.reqYear)
	case r.f[fYear] == "" && v.info.year == "" && v.info.hasYearColumn:
		// The file has a year column and this row left it empty: say where.
		v.fail(problem("year_missing", yloc, ""))
	default:
		v.failOnce("year_missing", Location{}, "")
	}
	if year != 0 {
		fg.year = uint16(year)
		if v.cat.yearMax > 0 && (year < v.cat.yearMin || year > v.cat.yearMax) {
			v.failOnce("year_range", yloc, strconv.Itoa(year), year, v.cat.yearMin, v.cat.yearMax)
		}
		if a, ok := v.cat.agencies[v.agency]; ok && !a.ActiveIn(year) {
			v.failOnce("agency_inactive", aloc, v.agency+" "+strconv.Itoa(year), v.agency, year, a.Successor)
		}
	}

	// What and where.
	fg.ind = v.indicator(r.f[fIndicator])
	ind := &v.inds[fg.ind]
	switch {
	case ind.code == "":
		v.fail(problem("indicator_missing", loc(fIndicator), ""))
	case !ind.ok:
		v.fail(problem("indicator_unknown", loc(fIndicator), ind.code, ind.code))
	}
	fg.scope = v.scope(r.f[fScope])
	sc := &v.scopes[fg.scope]
	scopeOK := false
	switch {
	case sc.code == "":
		v.fail(problem("scope_missing", loc(fScope), ""))
	case !sc.known:
		v.fail(problem("scope_unknown", loc(fScope), sc.code, sc.code))
	case year != 0 && !sc.activeIn(year):
		v.fail(problem("scope_inactive", loc(fScope), sc.code, sc.code, year))
	default:
		scopeOK = true
	}
	if ind.ok && scopeOK && v.agency != "" {
		for int(fg.scope) >= len(ind.assign) {
			ind.assign = append(ind.assign, 0)
		}
		if ind.assign[fg.scope] == 0 {
			ok, defaulted := v.cat.assigned(v.agency, ind.code, sc.code)
			ind.assign[fg.scope] = 2
			if ok {
				ind.assign[fg.scope] = 1
			}
			if defaulted && !v.warnSeen["no_assignments"] {
				v.warnSeen["no_assignments"] = true
				v.warn(problem("no_assignments", Location{}, v.agency, v.agency))
			}
		}
		if ind.assign[fg.scope] != 1 {
			v.fail(problem("not_assigned", loc(fIndicator), ind.code+"/"+sc.code, v.agency, ind.code, sc.code))
		}
	}

	// How it is measured.
	if ind.ok {
		unit := r.f[fUnit]
		if unit != ind.ind.Unit {
			unit = v.cleaned(unit)
		}
		if fg.num.Percent && unit == "" {
			unit = "%"
		}
		if unit != "" && !sameUnit(unit, ind.ind.Unit) {
			v.fail(problem("unit_mismatch", loc(fUnit), unit, unit, ind.ind.Unit, ind.ind.Unit))
		}
	}
	statusText := v.cleaned(r.f[fStatus])
	status, ok := parseStatus(statusText)
	if !ok {
		v.fail(problem("status_invalid", loc(fStatus), statusText, statusText))
	}
	fg.status = status
	fg.source = v.str(v.cleaned(r.f[fSource]))
	fg.note = v.str(v.cleaned(r.f[fNote]))

	if fg.pending == 0 && !fg.noData && ind.ok {
		v.checkValue(&fg, ind.ind, r.n)
	}
	v.figs = append(v.figs, fg)
	return true
}

// failOnce reports a problem that every row would repeat (a bad year at the top of a
// template) only once per distinct value.
func (v *validator) failOnce(code string, loc Location, value string, args ...any) {
	k := code + "\x00" + value
	if v.badCodes[k] {
		return
	}
	v.badCodes[k] = true
	v.fail(problem(code, loc, value, args...))
}

// checkValue applies the indicator's kind: shares within 0–100, counts whole and not negative.
func (v *validator) checkValue(fg *figure, ind queries.Indicator, n int) {
	u := fg.num.Units
	code := ""
	switch ind.Kind {
	case "share":
		if u < 0 || u > 100*scaleFactor {
			code = "share_range"
		}
	case "count", "stock":
		if u < 0 {
			code = "negative_value"
		} else if u%scaleFactor != 0 {
			code = "not_integer"
		}
	case "money", "stock money":
		if u < 0 {
			code = "negative_value"
		}
	}
	if code != "" {
		s := fg.num.String()
		v.fail(problem(code, v.info.loc(n, fValue), s, s, ind.Code))
	}
}

// resolve parses the ambiguous values once the whole column has shown its convention.
func (v *validator) resolve() {
	conv := ConvUnknown
	switch {
	case v.vi > 0 && v.intl == 0:
		conv = ConvVietnamese
	case v.intl > 0 && v.vi == 0:
		conv = ConvInternational
	}
	for i := range v.figs {
		fg := &v.figs[i]
		if fg.pending == 0 {
			continue
		}
		text := v.strs[fg.pending]
		loc := v.info.loc(fg.n, fValue)
		switch {
		case v.vi > 0 && v.intl > 0:
			v.fail(problem("mixed_convention", loc, text, text))
			continue
		case conv == ConvUnknown:
			asVI, _ := ParseNumber(text, ConvVietnamese)
			asIntl, _ := ParseNumber(text, ConvInternational)
			v.fail(problem("ambiguous_number", loc, text, text, asVI.String(), asIntl.String()))
			continue
		}
		num, err := ParseNumber(text, conv)
		if err != nil {
			v.fail(problem(errNotNumber, loc, text, text))
			continue
		}
		fg.num, fg.pending = num, 0
		if ind := v.inds[fg.ind]; ind.ok {
			v.checkValue(fg, ind.ind, fg.n)
		}
	}
}

// sameUnit compares units as written: case and spacing aside ("Tỷ đồng" = "tỷ  đồng").
func sameUnit(a, b string) bool {
	if a == b {
		return true
	}
	fold := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return fold(a) == fold(b)
}

// parseStatus accepts the template's Vietnamese labels and the stored codes.
func parseStatus(s string) (uint8, bool) {
	switch s {
	case "", "actual", "Thực hiện":
		return 0, true
	}
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "actual", "thực hiện", "chính thức", "th":
		return 0, true
	case "estimate", "ước thực hiện", "ước tính", "ước", "ước th", "uth":
		return 1, true
	case "preliminary", "sơ bộ", "sb":
		return 2, true
	case "approx", "xấp xỉ", "khoảng":
		return 3, true
	}
	return 0, false
}

// StatusLabels are the template's drop-down choices, in the order of the statuses.
var StatusLabels = []string{"Thực hiện", "Ước thực hiện", "Sơ bộ"}
