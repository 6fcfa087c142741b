package plan

import "github.com/quangngai/chitieu/domain"

// Verdict is a target judged on its own scope's figures, with what the other
// territory reported for the years its own territory cannot speak for.
type Verdict struct {
	Result
	Scope  string // the scope the target was judged on
	Series Series // that scope's figures: what the card draws and the page counts
	// OtherYears are years the verdict needs that fall outside the judged territory's
	// existence (the old province from 2025, the merged one before it): never
	// counted, never "missing".
	OtherYears []int
	// Reference holds the other territory's figures for those years, shown only as
	// "tham khảo".
	Reference []domain.CurrentFigure
}

// inTerritory says whether a territory existed for a full year's figure.
func inTerritory(scope string, year int) bool {
	switch scope {
	case ScopeOld:
		return year < MergerYear
	case ScopeNew:
		return year >= MergerYear
	}
	return true
}

// Judge evaluates a target at year on its own scope only (ReadScope). Years its
// territory did not exist for are set apart (OtherYears) with the other territory's
// figure as reference; when nothing of its own remains to judge on and the other
// territory has figures there, the verdict is NotJudgeable ("khác địa giới").
func Judge(t Target, targetScope string, scopes map[string][]domain.CurrentFigure, year int) Verdict {
	scope := ReadScope(targetScope, t.End)
	own := OneScope(scope, scopes[scope])
	v := Verdict{Result: Evaluate(t, own.Points(), year), Scope: scope, Series: own}
	other := OneScope(OtherTerritory(scope), scopes[OtherTerritory(scope)])
	var missing []int
	for _, y := range v.Missing {
		if inTerritory(scope, y) {
			missing = append(missing, y)
			continue
		}
		v.OtherYears = append(v.OtherYears, y)
		if f := other.At(y); f != nil {
			v.Reference = append(v.Reference, *f)
		}
	}
	v.Missing = missing
	if v.Status == NoData && len(v.OtherYears) > 0 && len(v.Missing) == 0 {
		v.Status = NotJudgeable
	}
	v.Result = enough(t, scope, v.Result, year)
	return v
}
