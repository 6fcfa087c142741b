package dashboard

import (
	"sort"
	"strings"

	"github.com/quangngai/chitieu/dashboard/attain"
	"github.com/quangngai/chitieu/queries"
)

// Province-wide scopes. Figures before 1 July 2025 describe the old province, full-year
// 2025 on the merged one; a province series joins them and says so. National targets
// (Resolutions 23-NQ/TW, XIII Congress) are read against the province's figures.
const (
	scopeOld      = "province_old"
	scopeNew      = "province_new"
	scopeNational = "national"
	scopeBQL      = "zones_bql"
	scopeProvince = "province" // the joined series, not a stored scope
	mergerYear    = 2025
)

var provinceScopes = []string{scopeOld, scopeNew}

// series is one indicator's values over the years for one scope.
type series struct {
	Scope  string
	Points []queries.CurrentFigure // one per year, ascending
	Merged bool                    // joins the old and the merged province
}

// byIndicatorScope groups current figures: indicator -> scope -> figures.
func byIndicatorScope(figs []queries.CurrentFigure) map[string]map[string][]queries.CurrentFigure {
	out := map[string]map[string][]queries.CurrentFigure{}
	for _, f := range figs {
		m := out[f.Indicator]
		if m == nil {
			m = map[string][]queries.CurrentFigure{}
			out[f.Indicator] = m
		}
		m[f.Scope] = append(m[f.Scope], f)
	}
	return out
}

// oneScope turns a scope's figures into a series with one value per year: when two
// agencies report the same year, the most recently written value is shown.
func oneScope(scope string, figs []queries.CurrentFigure) series {
	by := map[uint16]queries.CurrentFigure{}
	for _, f := range figs {
		if cur, ok := by[f.Year]; !ok || f.Version > cur.Version {
			by[f.Year] = f
		}
	}
	s := series{Scope: scope}
	for _, f := range by {
		s.Points = append(s.Points, f)
	}
	sort.Slice(s.Points, func(i, j int) bool { return s.Points[i].Year < s.Points[j].Year })
	return s
}

// provinceSeries joins the old and the merged province: for a year both report, the
// merged province from 2025 on, the old one before.
func provinceSeries(scopes map[string][]queries.CurrentFigure) series {
	old, nw := oneScope(scopeOld, scopes[scopeOld]), oneScope(scopeNew, scopes[scopeNew])
	by := map[uint16]queries.CurrentFigure{}
	for _, f := range old.Points {
		by[f.Year] = f
	}
	for _, f := range nw.Points {
		if _, ok := by[f.Year]; !ok || f.Year >= mergerYear {
			by[f.Year] = f
		}
	}
	s := series{Scope: scopeProvince, Merged: len(old.Points) > 0 && len(nw.Points) > 0}
	for _, f := range by {
		s.Points = append(s.Points, f)
	}
	sort.Slice(s.Points, func(i, j int) bool { return s.Points[i].Year < s.Points[j].Year })
	return s
}

// seriesFor picks the series a target is read against: the province for province and
// national targets, the scope itself otherwise.
func seriesFor(scopes map[string][]queries.CurrentFigure, targetScope string) series {
	switch targetScope {
	case scopeOld, scopeNew, scopeNational, scopeProvince:
		return provinceSeries(scopes)
	}
	return oneScope(targetScope, scopes[targetScope])
}

// mainSeries is the series a card shows when no target names a scope: the province,
// unless the BQL zones have more recent figures (investment indicators are reported
// for the zones).
func mainSeries(scopes map[string][]queries.CurrentFigure) series {
	p := provinceSeries(scopes)
	z := oneScope(scopeBQL, scopes[scopeBQL])
	if len(z.Points) > 0 && (len(p.Points) == 0 || z.Points[len(z.Points)-1].Year > p.Points[len(p.Points)-1].Year) {
		return z
	}
	return p
}

// upTo is the series' last value in or before year (nil when none).
func (s series) upTo(year int) *queries.CurrentFigure {
	var last *queries.CurrentFigure
	for i := range s.Points {
		if int(s.Points[i].Year) <= year {
			last = &s.Points[i]
		}
	}
	return last
}

// points converts to the attain package's input.
func (s series) points() []attain.Point {
	out := make([]attain.Point, len(s.Points))
	for i, f := range s.Points {
		v, _ := f.Value.Float64()
		out[i] = attain.Point{Year: int(f.Year), Value: v, Final: f.Status == queries.StatusActual}
	}
	return out
}

// seriesNotes are the warnings a reader needs before comparing the years: the 2025
// merger and a change of price basis (from the figures' own notes).
func seriesNotes(s series, lg string) []string {
	var out []string
	if s.Merged || s.Scope == scopeProvince && hasYearFrom(s, mergerYear) && hasYearBefore(s, mergerYear) {
		out = append(out, translate(lg, "note.merger"))
	}
	for _, f := range s.Points {
		n := strings.ToLower(f.Note + " " + f.NoteEN) // the English note says it when the Vietnamese words differ
		if strings.Contains(n, "price basis") || strings.Contains(n, "gốc giá") || strings.Contains(n, "cơ sở giá") {
			out = append(out, translate(lg, "note.pricebasis")+" "+itoa(int(f.Year))+": "+inLang(f.Note, f.NoteEN, lg))
		}
	}
	return out
}

func hasYearFrom(s series, y int) bool {
	return len(s.Points) > 0 && int(s.Points[len(s.Points)-1].Year) >= y
}

func hasYearBefore(s series, y int) bool { return len(s.Points) > 0 && int(s.Points[0].Year) < y }
