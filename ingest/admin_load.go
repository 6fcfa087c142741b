package ingest

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	rules "github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// LoadAdmin checks and saves an admin table: catalogue entries (indicators, zones,
// agencies), a plan's targets, or agency assignments, from a CSV or XLSX file or from
// one form row. Every row is checked first, with the figure uploads' number parser
// (a lone "1.500" is ambiguous unless the file shows its convention, never silently
// 1.5), limits and located messages; one problem and nothing is written; a good table
// is one insert (a plan's targets replaced with their deletions in the same one).
// The error is only for a failure of ClickHouse.
func (in *Ingester) LoadAdmin(ctx context.Context, req queries.AdminLoad) (queries.AdminLoadReport, error) {
	var rep queries.AdminLoadReport
	ctx, cancel := context.WithTimeout(ctx, in.lim.Timeout)
	defer cancel()
	var t *table
	if req.Content == nil && req.Form != nil {
		t = formTable(req.Form)
	} else {
		var perr *queries.IngestError
		if t, perr = readTable(ctx, req.Content, in.lim); perr != nil {
			rep.Problems = []queries.IngestError{*perr}
			return rep, nil
		}
	}
	ld := &adminLoader{t: t, st: in.st, xlsx: t.xlsx}
	var err error
	switch req.Kind {
	case queries.AdminIndicators, queries.AdminZones, queries.AdminAgencies:
		err = ld.catalogue(ctx, req.Kind, req.Form != nil)
	case queries.AdminTargets:
		err = ld.targets(ctx, req.Plan, req.Replace)
	case queries.AdminAssignments:
		err = ld.assignments(ctx)
	default:
		ld.fail(Location{}, "table_kind_unknown", "")
	}
	if err != nil {
		return rep, err
	}
	rep.Problems, rep.Saved, rep.Deleted, rep.ID = ld.probs, ld.saved, ld.deleted, ld.id
	return rep, nil
}

// adminLoader is one table being checked and saved.
type adminLoader struct {
	t       *table
	st      *queries.Store
	xlsx    bool
	probs   []queries.IngestError
	nums    numberColumns
	saved   int
	deleted int
	id      string
}

const maxTableProblems = 200

func (ld *adminLoader) fail(loc Location, code, value string, args ...any) {
	if len(ld.probs) < maxTableProblems {
		ld.probs = append(ld.probs, problem(code, loc, value, args...))
	}
}

// columns checks the header names the columns every row needs.
func (ld *adminLoader) columns(sample string, need ...string) bool {
	if len(ld.t.rows) == 0 {
		ld.fail(Location{}, "table_no_rows", "")
		return false
	}
	for _, c := range need {
		alts := strings.Split(c, "|")
		if !slices.ContainsFunc(alts, ld.t.has) && ld.t.n[0] != 0 {
			ld.fail(Location{}, "table_columns", "", strings.Join(alts, " / "), sample)
		}
	}
	return len(ld.probs) == 0
}

// row reads the cells of row i.
type row struct {
	ld *adminLoader
	i  int
}

func (r row) get(col string) string { return r.ld.t.get(r.i, col) }
func (r row) loc(col string) Location {
	return r.ld.t.loc(r.ld.t.n[r.i], col)
}
func (r row) fail(col, code, value string, args ...any) { r.ld.fail(r.loc(col), code, value, args...) }

func (r row) required(col string) string {
	v := r.get(col)
	if v == "" {
		r.fail(col, "table_required", "", col)
	}
	return v
}

// code is an identifier typed by an admin: letters, digits, _ - . only.
func (r row) code(col, v string) string {
	if v == "" {
		r.fail(col, "table_required", "", col)
		return v
	}
	if len(v) > 64 || strings.IndexFunc(v, func(c rune) bool {
		return !(c == '_' || c == '-' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	}) >= 0 {
		r.fail(col, "table_code", v, col, v)
	}
	return v
}

func (r row) oneOf(col, v string, allowed ...string) string {
	if !slices.Contains(allowed, v) {
		r.fail(col, "table_one_of", v, col, strings.Join(allowed, ", "), v)
	}
	return v
}

func (r row) year(col string) uint16 {
	v := r.get(col)
	n, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
	if err != nil || !rules.ValidYear(n) {
		r.fail(col, "table_year", v, col, v)
		return 0
	}
	return uint16(n)
}

func (r row) date(col string) *time.Time {
	v := r.get(col)
	if v == "" {
		return nil
	}
	t, ok := parseCellDate(v, r.ld.xlsx)
	if !ok {
		r.fail(col, "table_date", v, col, v)
		return nil
	}
	return &t
}

func (r row) whole(col string) uint16 {
	v := r.get(col)
	if v == "" {
		return 0
	}
	n, err := strconv.ParseUint(strings.TrimSuffix(v, ".0"), 10, 16)
	if err != nil {
		r.fail(col, "table_whole", v, col, v)
	}
	return uint16(n)
}

func (r row) flag(col string) bool {
	switch strings.ToLower(r.get(col)) {
	case "1", "true", "yes", "on", "có", "x":
		return true
	}
	return false
}

// decimal reads a number the way figure uploads do; "" is no value. A "1.234" typed
// as text waits for the file's other numbers to show the convention (resolve).
func (r row) decimal(col string) *decimal.Decimal {
	v := r.get(col)
	if v == "" {
		return nil
	}
	conv := ConvUnknown
	if r.ld.t.numberCell(r.i, col) || r.ld.xlsx && canonicalNumber(v) && !ambiguousShape(v) {
		conv = ConvInternational // the spreadsheet stored a number: its text is exact
	}
	num, err := ParseNumber(v, conv)
	if err != nil {
		code := errNotNumber
		if ne, ok := err.(*NumberError); ok {
			code = ne.Code
		}
		r.fail(col, code, v, v)
		return nil
	}
	d := new(decimal.Decimal)
	switch {
	case num.Ambiguous:
		r.ld.nums.pending = append(r.ld.nums.pending, pendingNumber{d, v, r.loc(col)})
		return d
	case conv == ConvUnknown && num.Conv == ConvVietnamese:
		r.ld.nums.vi++
	case conv == ConvUnknown && num.Conv == ConvInternational:
		r.ld.nums.intl++
	}
	*d = num.Decimal()
	return d
}

// numberColumns settles the ambiguous numbers of a table once all are read, as the
// figure validator does for a value column.
type numberColumns struct {
	vi, intl  int
	pending   []pendingNumber
	unsettled map[*decimal.Decimal]bool // pending numbers that stayed ambiguous: no value to compare
}

type pendingNumber struct {
	dst  *decimal.Decimal
	text string
	loc  Location
}

func (ld *adminLoader) resolveNumbers() {
	conv := ConvUnknown
	switch {
	case ld.nums.vi > 0 && ld.nums.intl == 0:
		conv = ConvVietnamese
	case ld.nums.intl > 0 && ld.nums.vi == 0:
		conv = ConvInternational
	}
	ld.nums.unsettled = map[*decimal.Decimal]bool{}
	for _, p := range ld.nums.pending {
		ld.nums.unsettled[p.dst] = true
		switch {
		case ld.nums.vi > 0 && ld.nums.intl > 0:
			ld.fail(p.loc, "mixed_convention", p.text, p.text)
			continue
		case conv == ConvUnknown:
			asVI, _ := ParseNumber(p.text, ConvVietnamese)
			asIntl, _ := ParseNumber(p.text, ConvInternational)
			ld.fail(p.loc, "ambiguous_number", p.text, p.text, asVI.String(), asIntl.String())
			continue
		}
		num, err := ParseNumber(p.text, conv)
		if err != nil {
			ld.fail(p.loc, errNotNumber, p.text, p.text)
			continue
		}
		*p.dst = num.Decimal()
		delete(ld.nums.unsettled, p.dst)
	}
}

// duplicates reports rows repeating an earlier row's key (keys "" are skipped).
func (ld *adminLoader) duplicates(col string, key func(i int) string) {
	seen := map[string]int{}
	for i := range ld.t.rows {
		k := key(i)
		if k == "" {
			continue
		}
		if first, dup := seen[k]; dup {
			r := row{ld, i}
			r.fail(col, "table_duplicate", k, k, ld.t.loc(ld.t.n[first], col).String())
			continue
		}
		seen[k] = i
	}
}

func (ld *adminLoader) each(f func(r row)) {
	for i := range ld.t.rows {
		f(row{ld, i})
	}
}

func (ld *adminLoader) ok() bool { return len(ld.probs) == 0 }

// formatKey is a target's or assignment's identity in messages and the audit trail.
func targetKey(t queries.Target) string {
	return fmt.Sprintf("%s/%s/%s/%d-%d", t.Plan, t.Indicator, t.Scope, t.PeriodStart, t.PeriodEnd)
}
