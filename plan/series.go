package plan

import (
	"sort"

	"github.com/quangngai/chitieu/domain"
)

// Province-wide scopes. The old Quảng Ngãi (up to 30/6/2025) and the province merged
// with Kon Tum (from 1/7/2025) are two territories: their figures are two series that
// never join, and nothing is averaged, summed, fitted or judged across them.
const (
	ScopeOld      = "province_old"
	ScopeNew      = "province_new"
	ScopeNational = "national"
	ScopeBQL      = "zones_bql"
	// MergerYear is the first year whose full-year figures describe the merged province.
	MergerYear = 2025
)

// Series is one indicator's values over the years for one scope, one per year, ascending.
type Series struct {
	Scope   string
	Figures []domain.CurrentFigure
	// BasisFrom is the first year of a price basis that differs from the years before
	// it (a segment SplitAtBasis cut off); 0 for a series' first basis.
	BasisFrom int
}

// ByIndicatorScope groups current figures: indicator -> scope -> figures.
func ByIndicatorScope(figs []domain.CurrentFigure) map[string]map[string][]domain.CurrentFigure {
	out := map[string]map[string][]domain.CurrentFigure{}
	for _, f := range figs {
		m := out[f.Indicator]
		if m == nil {
			m = map[string][]domain.CurrentFigure{}
			out[f.Indicator] = m
		}
		m[f.Scope] = append(m[f.Scope], f)
	}
	return out
}

// OneScope turns a scope's figures into a series with one value per year. When two
// agencies report the same year for the same scope, the most recently written value
// wins (the higher version): a later correction by any agency is the current word.
func OneScope(scope string, figs []domain.CurrentFigure) Series {
	by := map[uint16]domain.CurrentFigure{}
	for _, f := range figs {
		if f.Scope != scope {
			continue
		}
		if cur, ok := by[f.Year]; !ok || f.Version > cur.Version || f.Version == cur.Version && f.Agency < cur.Agency {
			by[f.Year] = f
		}
	}
	s := Series{Scope: scope}
	for _, f := range by {
		s.Figures = append(s.Figures, f)
	}
	sort.Slice(s.Figures, func(i, j int) bool { return s.Figures[i].Year < s.Figures[j].Year })
	return s
}

// IsTerritory says whether a scope is one of the two province territories.
func IsTerritory(scope string) bool { return scope == ScopeOld || scope == ScopeNew }

// TerritoryOf is the province territory whose full-year figures describe year.
func TerritoryOf(year int) string {
	if year >= MergerYear {
		return ScopeNew
	}
	return ScopeOld
}

// OtherTerritory is the other province territory ("" for any other scope).
func OtherTerritory(scope string) string {
	switch scope {
	case ScopeOld:
		return ScopeNew
	case ScopeNew:
		return ScopeOld
	}
	return ""
}

// ReadScope is the scope a target is judged on. A province target is judged on its
// own territory only. A national target (Resolution 23-NQ/TW, the XIII Congress) is
// read against the province as it is at the target's end year — one territory, never
// both. Any other scope (a zone, the BQL zones) is read as itself.
func ReadScope(targetScope string, end int) string {
	if targetScope == ScopeNational {
		return TerritoryOf(end)
	}
	return targetScope
}

// Territories are the province series to draw, old then merged, each its own line
// and legend entry; empty territories are left out.
func Territories(scopes map[string][]domain.CurrentFigure) []Series {
	var out []Series
	for _, sc := range []string{ScopeOld, ScopeNew} {
		if s := OneScope(sc, scopes[sc]); len(s.Figures) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// CrossesMerger says whether the series drawn together show both territories: the
// chart then carries the merger note, on screen and on every export.
func CrossesMerger(ss []Series) bool {
	old, nw := false, false
	for _, s := range ss {
		if len(s.Figures) == 0 {
			continue
		}
		old = old || s.Scope == ScopeOld
		nw = nw || s.Scope == ScopeNew
	}
	return old && nw
}

// MainSeries is the series a card without a target shows: the territory with the most
// recent figure up to year (the merged province once it reports), unless the BQL
// zones report more recently (investment indicators are reported for the zones).
func MainSeries(scopes map[string][]domain.CurrentFigure, year int) Series {
	var best Series
	bestYear := -1
	for _, sc := range []string{ScopeOld, ScopeNew, ScopeBQL} {
		s := OneScope(sc, scopes[sc])
		if last := s.UpTo(year); last != nil && (int(last.Year) > bestYear || int(last.Year) == bestYear && sc == ScopeNew) {
			best, bestYear = s, int(last.Year)
		}
	}
	if bestYear < 0 {
		return Series{Scope: TerritoryOf(year)}
	}
	return best
}

// UpTo is the series' last value in or before year (nil when none).
func (s Series) UpTo(year int) *domain.CurrentFigure {
	var last *domain.CurrentFigure
	for i := range s.Figures {
		if int(s.Figures[i].Year) <= year {
			last = &s.Figures[i]
		}
	}
	return last
}

// At is the series' value for year (nil when none).
func (s Series) At(year int) *domain.CurrentFigure {
	for i := range s.Figures {
		if int(s.Figures[i].Year) == year {
			return &s.Figures[i]
		}
	}
	return nil
}

// Points are the series' values as the evaluation's input; estimates and preliminary
// figures are not final.
func (s Series) Points() []Point {
	out := make([]Point, len(s.Figures))
	for i, f := range s.Figures {
		v, _ := f.Value.Float64()
		out[i] = Point{Year: int(f.Year), Value: v, Final: f.Status == domain.StatusActual}
	}
	return out
}

// SplitAtBasis cuts each series before every figure whose price basis differs from
// the earlier years' (PriceBasisBreak): the parts are drawn as separate lines, like
// the two territories, so 132.611 (2023) and 157.521 (2024, another basis) are never
// joined into a rise of 19 %.
func SplitAtBasis(ss []Series) []Series {
	var out []Series
	for _, s := range ss {
		cur := Series{Scope: s.Scope, BasisFrom: s.BasisFrom}
		for _, f := range s.Figures {
			if f.PriceBasisBreak && len(cur.Figures) > 0 {
				out = append(out, cur)
				cur = Series{Scope: s.Scope, BasisFrom: int(f.Year)}
			}
			cur.Figures = append(cur.Figures, f)
		}
		out = append(out, cur)
	}
	return out
}

// BasisBreaks lists the years where a drawn series changes price basis.
func BasisBreaks(ss []Series) []int {
	var out []int
	for _, s := range ss {
		if s.BasisFrom > 0 {
			out = append(out, s.BasisFrom)
		}
	}
	return out
}
