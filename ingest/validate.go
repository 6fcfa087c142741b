package ingest

import (
	"strconv"
	"strings"

	"github.com/quangngai/chitieu/queries"
)

// figure is one validated row, kept compact: a million of them fit in memory.
type figure struct {
	indicator, scope, agency string
	year                     uint16
	num                      Number
	unit, status             string
	source, note             string
	n                        int
	noData                   bool   // "-" / "không có số liệu": no figure, withdraw any
	pending                  string // ambiguous text, parsed once the column's convention is known
}

type figKey struct {
	indicator, scope, agency string
	year                     uint16
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
	seen      map[figKey]int
	vi, intl  int // rows whose punctuation proved a convention
	intern    interner
	assign    map[[3]string]bool
	agency    string // the file's agency, fixed by its first row
	agencyLoc Location
	badCodes  map[string]bool // unknown codes already reported this file, to list each once per field
	tooMany   bool
}

func newValidator(cat *catalogue, req queries.UploadRequest, lim Limits) *validator {
	return &validator{cat: cat, reqAgency: clean(req.Agency), reqYear: req.Year, maxErrors: lim.MaxErrors, maxRows: lim.MaxRows,
		seen: map[figKey]int{}, intern: interner{}, assign: map[[3]string]bool{}, warnSeen: map[string]bool{}, badCodes: map[string]bool{}}
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
			fg.pending = strings.Clone(text)
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
	case v.reqAgency != "" && agency != v.reqAgency:
		v.failOnce("agency_mismatch", aloc, agency, agency, v.reqAgency)
	case v.agency != "" && agency != v.agency:
		v.failOnce("agency_mismatch", aloc, agency, agency, v.agency)
	default:
		if v.agency == "" {
			v.agency, v.agencyLoc = v.intern.get(agency), aloc
			if _, ok := v.cat.agencies[agency]; !ok {
				v.fail(problem("agency_unknown", aloc, agency, agency))
			}
		}
	}
	fg.agency = v.agency

	// When.
	yearText, yloc := r.f[fYear], loc(fYear)
	if yearText == "" && v.info.year != "" {
		yearText, yloc = v.info.year, v.info.yearLoc
	}
	year := 0
	switch {
	case yearText != "":
		y, err := strconv.Atoi(strings.TrimSuffix(yearText, ".0"))
		if err != nil || y < 1900 || y > 2200 {
			v.failOnce("year_invalid", yloc, yearText, yearText)
			break
		}
		year = y
		if v.reqYear != 0 && y != int(v.reqYear) {
			v.fail(problem("year_mismatch", yloc, yearText, y, int(v.reqYear)))
		}
	case v.reqYear != 0:
		year = int(v.reqYear)
	default:
		v.failOnce("year_missing", Location{}, "")
	}
	if year != 0 {
		fg.year = uint16(year)
		if v.cat.yearMax > 0 && (year < v.cat.yearMin || year > v.cat.yearMax) {
			v.failOnce("year_range", yloc, strconv.Itoa(year), year, v.cat.yearMin, v.cat.yearMax)
		}
		if a, ok := v.cat.agencies[fg.agency]; ok && !a.ActiveIn(year) {
			v.failOnce("agency_inactive", aloc, fg.agency+" "+strconv.Itoa(year), fg.agency, year, a.Successor)
		}
	}

	// What and where.
	ind, indOK := v.cat.indicators[r.f[fIndicator]]
	switch {
	case r.f[fIndicator] == "":
		v.fail(problem("indicator_missing", loc(fIndicator), ""))
	case !indOK:
		v.fail(problem("indicator_unknown", loc(fIndicator), r.f[fIndicator], r.f[fIndicator]))
	}
	fg.indicator = v.intern.get(r.f[fIndicator])
	scope := r.f[fScope]
	scopeOK := false
	if scope == "" {
		v.fail(problem("scope_missing", loc(fScope), ""))
	} else if known, active := v.cat.scopeKnown(scope, year); !known {
		v.fail(problem("scope_unknown", loc(fScope), scope, scope))
	} else if year != 0 && !active {
		v.fail(problem("scope_inactive", loc(fScope), scope, scope, year))
	} else {
		scopeOK = true
	}
	fg.scope = v.intern.get(scope)
	if indOK && scopeOK && fg.agency != "" {
		k := [3]string{fg.agency, fg.indicator, fg.scope}
		ok, seen := v.assign[k]
		if !seen {
			var defaulted bool
			ok, defaulted = v.cat.assigned(fg.agency, fg.indicator, fg.scope)
			v.assign[k] = ok
			if defaulted && !v.warnSeen["no_assignments"] {
				v.warnSeen["no_assignments"] = true
				v.warn(problem("no_assignments", Location{}, fg.agency, fg.agency))
			}
		}
		if !ok {
			v.fail(problem("not_assigned", loc(fIndicator), fg.indicator+"/"+fg.scope, fg.agency, fg.indicator, fg.scope))
		}
	}

	// How it is measured.
	unit := r.f[fUnit]
	if indOK {
		if fg.num.Percent && unit == "" {
			unit = "%"
		}
		if unit == "" {
			unit = ind.Unit
		}
		if !sameUnit(unit, ind.Unit) {
			v.fail(problem("unit_mismatch", loc(fUnit), unit, unit, ind.Unit, ind.Unit))
		}
		unit = ind.Unit
	}
	fg.unit = v.intern.get(unit)
	status, ok := parseStatus(r.f[fStatus])
	if !ok {
		v.fail(problem("status_invalid", loc(fStatus), r.f[fStatus], r.f[fStatus]))
	}
	fg.status = status
	fg.source = v.intern.get(r.f[fSource])
	fg.note = v.intern.get(r.f[fNote])

	// Once in the file.
	key := figKey{fg.indicator, fg.scope, fg.agency, fg.year}
	if first, dup := v.seen[key]; dup {
		v.fail(problem("duplicate_figure", loc(fIndicator), "", fg.indicator, fg.scope, year, v.info.loc(first, fIndicator).String()))
	} else {
		v.seen[key] = r.n
	}
	if fg.pending == "" && !fg.noData && indOK {
		v.checkValue(&fg, ind, loc(fValue))
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
func (v *validator) checkValue(fg *figure, ind queries.Indicator, loc Location) {
	u := fg.num.Units
	s := fg.num.String()
	switch ind.Kind {
	case "share":
		if u < 0 || u > 100*scaleFactor {
			v.fail(problem("share_range", loc, s, s))
		}
	case "count", "stock":
		if u < 0 {
			v.fail(problem("negative_value", loc, s, s, ind.Code))
		} else if u%scaleFactor != 0 {
			v.fail(problem("not_integer", loc, s, s, ind.Code))
		}
	case "money", "stock money":
		if u < 0 {
			v.fail(problem("negative_value", loc, s, s, ind.Code))
		}
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
		if fg.pending == "" {
			continue
		}
		loc := v.info.loc(fg.n, fValue)
		switch {
		case v.vi > 0 && v.intl > 0:
			v.fail(problem("mixed_convention", loc, fg.pending, fg.pending))
			continue
		case conv == ConvUnknown:
			asVI, _ := ParseNumber(fg.pending, ConvVietnamese)
			asIntl, _ := ParseNumber(fg.pending, ConvInternational)
			v.fail(problem("ambiguous_number", loc, fg.pending, fg.pending, asVI.String(), asIntl.String()))
			continue
		}
		num, err := ParseNumber(fg.pending, conv)
		if err != nil {
			v.fail(problem(errNotNumber, loc, fg.pending, fg.pending))
			continue
		}
		fg.num, fg.pending = num, ""
		if ind, ok := v.cat.indicators[fg.indicator]; ok {
			v.checkValue(fg, ind, loc)
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
func parseStatus(s string) (string, bool) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "", "actual", "thực hiện", "chính thức", "th":
		return queries.StatusActual, true
	case "estimate", "ước thực hiện", "ước tính", "ước", "ước th", "uth":
		return queries.StatusEstimate, true
	case "preliminary", "sơ bộ", "sb":
		return queries.StatusPreliminary, true
	case "approx", "xấp xỉ", "khoảng":
		return queries.StatusApprox, true
	}
	return queries.StatusActual, false
}

// StatusLabels are the template's drop-down choices, in the order of the statuses.
var StatusLabels = []string{"Thực hiện", "Ước thực hiện", "Sơ bộ"}
