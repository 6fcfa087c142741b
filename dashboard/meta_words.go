package dashboard

import (
	"context"
	"hash/fnv"
	"strconv"

	"github.com/quangngai/chitieu/locale"
)

// shortVersion is the data version as readers see it: 8 hex digits, the same for
// the same version. The full version is a 19-digit nanosecond count nobody can
// read aloud or compare at a glance; pages, stamps and file names print this form.
func shortVersion(v uint64) string {
	if v == 0 {
		return "—"
	}
	h := fnv.New32a()
	h.Write([]byte(strconv.FormatUint(v, 10)))
	s := strconv.FormatUint(uint64(h.Sum32()), 16)
	for len(s) < 8 {
		s = "0" + s
	}
	return s
}

// Short is the page's data version in its short form (templates call it).
func (m meta) Short() string { return shortVersion(m.Version) }

// filterNames names the codes a page's filters hold, in the page language: plans and
// indicators from the catalogue, agencies from their list, zone types and statuses
// from the locale catalogue. It reads only what the filters need.
func (s *server) filterNames(ctx context.Context, f filters, lg string) (func(kind, code string) string, error) {
	var cat *catalog
	if f.Plan != "" || f.Code != "" || f.Metric != "" {
		var err error
		if cat, err = s.loadCatalog(ctx); err != nil {
			return nil, err
		}
	}
	agencies := map[string]string{}
	if f.Agency != "" {
		ags, err := s.Store.Agencies(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range ags {
			agencies[a.Code] = a.NameVI
		}
	}
	return func(kind, code string) string {
		switch {
		case cat == nil && (kind == "plan" || kind == "indicator"):
			return ""
		}
		switch kind {
		case "plan":
			if p, ok := cat.plan[code]; ok {
				return planName(p, lg)
			}
		case "indicator":
			if it, ok := cat.ind[code]; ok {
				return indName(it, lg)
			}
		case "agency":
			return agencies[code]
		case "zonetype":
			if locale.Has("zonetype." + code) {
				return translate(lg, "zonetype."+code)
			}
		case "zonestatus": // a zone's status on /zones, a project's on /projects
			for _, k := range []string{"zonestatus." + code, "pstatus." + code} {
				if locale.Has(k) {
					return translate(lg, k)
				}
			}
		}
		return ""
	}, nil
}
