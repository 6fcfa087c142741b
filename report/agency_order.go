package report

import (
	"sort"
	"strings"

	"github.com/quangngai/chitieu/domain"
)

// adminRank is an agency's place in the administrative order that official lists follow:
// the departments (Sở), then the boards (Ban), then the other provincial bodies (the
// statistics office), then the district and commune People's Committees (UBND).
func adminRank(a domain.Agency) int {
	name := strings.TrimSpace(a.NameVI)
	switch {
	case a.Level == "district" || a.Level == "commune" || strings.HasPrefix(name, "UBND") || strings.HasPrefix(name, "Ủy ban nhân dân"):
		return 3
	case strings.HasPrefix(name, "Sở "):
		return 0
	case strings.HasPrefix(name, "Ban "):
		return 1
	}
	return 2
}

// inAdministrativeOrder returns the agencies in the administrative order, keeping the
// catalogue's order within each rank.
func inAdministrativeOrder(agencies []domain.Agency) []domain.Agency {
	out := append([]domain.Agency(nil), agencies...)
	sort.SliceStable(out, func(i, j int) bool { return adminRank(out[i]) < adminRank(out[j]) })
	return out
}
