package plan

import "github.com/quangngai/chitieu/queries"

// Kinds and Comparators are every stored target kind and comparator, in the order
// forms list them. The values themselves are named once, in queries (they are what
// the targets table stores); this package gives them their meaning.
var (
	Kinds = []string{queries.TargetAnnual, queries.TargetPeriodAverage, queries.TargetLevelAtEnd,
		queries.TargetCumulative, queries.TargetFloor, queries.TargetCeiling}
	Comparators = []string{queries.CompBetween, queries.CompAtLeast, queries.CompGreaterThan,
		queries.CompAtMost, queries.CompLessThan, queries.CompEqual}
)

// IsPeriodKind says whether a target is judged over a period and can be projected
// to the period's end (average, level at the end, cumulative total).
func IsPeriodKind(kind string) bool {
	return kind == queries.TargetPeriodAverage || kind == queries.TargetLevelAtEnd || kind == queries.TargetCumulative
}

// NeedsMin and NeedsMax say which bounds a comparator reads.
func NeedsMin(comp string) bool {
	return comp == queries.CompBetween || comp == queries.CompAtLeast || comp == queries.CompGreaterThan || comp == queries.CompEqual
}

func NeedsMax(comp string) bool {
	return comp == queries.CompBetween || comp == queries.CompAtMost || comp == queries.CompLessThan
}
