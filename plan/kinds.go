package plan

import "github.com/quangngai/chitieu/domain"

// Kinds and Comparators are every stored target kind and comparator, in the order
// forms list them. The values themselves are named once, in queries (they are what
// the targets table stores); this package gives them their meaning.
var (
	Kinds = []string{domain.TargetAnnual, domain.TargetPeriodAverage, domain.TargetLevelAtEnd,
		domain.TargetCumulative, domain.TargetFloor, domain.TargetCeiling}
	Comparators = []string{domain.CompBetween, domain.CompAtLeast, domain.CompGreaterThan,
		domain.CompAtMost, domain.CompLessThan, domain.CompEqual}
)

// IsPeriodKind says whether a target is judged over a period and can be projected
// to the period's end (average, level at the end, cumulative total).
func IsPeriodKind(kind string) bool {
	return kind == domain.TargetPeriodAverage || kind == domain.TargetLevelAtEnd || kind == domain.TargetCumulative
}

// NeedsMin and NeedsMax say which bounds a comparator reads.
func NeedsMin(comp string) bool {
	return comp == domain.CompBetween || comp == domain.CompAtLeast || comp == domain.CompGreaterThan || comp == domain.CompEqual
}

func NeedsMax(comp string) bool {
	return comp == domain.CompBetween || comp == domain.CompAtMost || comp == domain.CompLessThan
}
