package plan

import "github.com/quangngai/chitieu/domain"

// MinYears is how many of a period's comparable years (those its territory covers) a
// final verdict on an average, a total or a floor/ceiling needs: more than half.
// Below it the verdict is Insufficient and the partial value is reference only. Two
// years of five are a sample, not a term: three are a majority of it.
func MinYears(comparable int) int { return comparable/2 + 1 }

// comparableYears counts the period's years the scope's territory covers.
func comparableYears(t Target, scope string) int {
	n := 0
	for y := t.Start; y <= t.End; y++ {
		if inTerritory(scope, y) {
			n++
		}
	}
	return n
}

// enough applies MinYears to a final verdict. Verdicts that need no majority keep
// theirs: a single year (annual, level at the end), a cumulative total already
// reached, a floor or ceiling already breached.
func enough(t Target, scope string, r Result, year int) Result {
	if year < t.End || r.Value == nil {
		return r
	}
	switch t.Kind {
	case domain.TargetPeriodAverage:
	case domain.TargetCumulative:
		if r.Status == Met && !t.lowerIsGood() {
			return r
		}
	case domain.TargetFloor, domain.TargetCeiling:
		if r.Status == NotMet {
			return r
		}
	default:
		return r
	}
	if len(r.Years) >= MinYears(comparableYears(t, scope)) {
		return r
	}
	r.Status, r.Final, r.Exceeded = Insufficient, false, false
	return r
}
