package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
)

// uploadNameSet names the codes of a report: agencies, indicators, scopes and zones.
type uploadNameSet struct {
	agency map[string]string
	ind    map[string]queries.Indicator
	scope  map[string][2]string // vi, en
}

func (s *server) uploadNames(c *fiber.Ctx) (*uploadNameSet, error) {
	ctx := c.UserContext()
	n := &uploadNameSet{agency: map[string]string{}, ind: map[string]queries.Indicator{}, scope: map[string][2]string{}}
	ags, err := s.Store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range ags {
		n.agency[a.Code] = a.NameVI
	}
	inds, err := s.Store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	for _, it := range inds {
		n.ind[it.Code] = it
	}
	scopes, err := s.Store.Scopes(ctx)
	if err != nil {
		return nil, err
	}
	for _, sc := range scopes {
		n.scope[sc.Code] = [2]string{sc.NameVI, sc.NameEN}
	}
	zones, err := s.Store.Zones(ctx)
	if err != nil {
		return nil, err
	}
	for _, z := range zones {
		n.scope[z.Code] = [2]string{z.NameVI, ""}
	}
	return n, nil
}

// item is one preview line in the page language, values written the Vietnamese way.
func (n *uploadNameSet) item(it queries.PreviewItem, lg string) itemRow {
	r := itemRow{Change: it.Change, ChangeLabel: translate(lg, "change."+it.Change), Indicator: it.Indicator,
		Scope: it.Scope, Year: it.Year, Unit: it.Unit, Location: it.Location,
		Old: uploadNumber(it.OldValue), New: uploadNumber(it.NewValue)}
	if ind, ok := n.ind[it.Indicator]; ok {
		r.IndicatorName = indName(ind, lg)
	}
	if sc, ok := n.scope[it.Scope]; ok {
		r.ScopeName = sc[0]
		if lg == "en" && sc[1] != "" {
			r.ScopeName = sc[1]
		}
	}
	if it.Status != "" {
		r.Status = translate(lg, "fstatus."+it.Status)
	}
	if it.OldStatus != "" {
		r.OldStatus = translate(lg, "fstatus."+it.OldStatus)
	}
	r.ValueChanged = it.Change == queries.ChangeChanged && it.OldValue != it.NewValue
	r.StatusChanged = it.Change == queries.ChangeChanged && it.OldStatus != it.Status
	// Same value and status: what changes is the source or the note.
	r.OtherChanged = it.Change == queries.ChangeChanged && !r.ValueChanged && !r.StatusChanged
	return r
}

// uploadNumber writes a stored decimal as people read it (1.234,5); anything else as is.
func uploadNumber(s string) string {
	if s == "" {
		return ""
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return formatVN(d)
}
