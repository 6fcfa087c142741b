package ingest

import (
	"context"

	"github.com/quangngai/chitieu/queries"
)

// change kinds per figure, parallel to validator.figs.
const (
	chSame uint8 = iota
	chNew
	chChanged
	chWithdrawn
	chNoData
)

// plan is what committing would write: the change of each figure and the current value
// it replaces.
type plan struct {
	v       *validator
	change  []uint8
	old     map[figKey]*queries.CurrentFigure
	perYear map[uint16]int // changes per year, for the submission record
	toWrite int
}

// preview compares the file with the current figures of its agency and years.
func (in *Ingester) preview(ctx context.Context, v *validator, rep *queries.IngestReport) (*plan, error) {
	p := &plan{v: v, change: make([]uint8, len(v.figs)), old: map[figKey]*queries.CurrentFigure{}, perYear: map[uint16]int{}}
	if len(v.figs) > 0 && len(rep.Years) > 0 {
		cur, err := in.st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{v.agency},
			YearFrom: rep.Years[0], YearTo: rep.Years[len(rep.Years)-1], IncludeSynthetic: true, Quorum: true})
		if err != nil {
			return nil, err
		}
		for i := range cur {
			c := &cur[i]
			p.old[figKey{c.Indicator, c.Scope, c.Agency, c.Year}] = c
		}
	}
	for i := range v.figs {
		f := &v.figs[i]
		old := p.old[p.key(f)]
		var ch uint8
		switch {
		case f.noData && old == nil:
			ch = chNoData
			rep.Counts.NoData++
		case f.noData:
			ch = chWithdrawn
			rep.Counts.Withdrawn++
		case old == nil:
			ch = chNew
			rep.Counts.New++
		case p.sameAsCurrent(f, old):
			ch = chSame
			rep.Counts.Same++
		default:
			ch = chChanged
			rep.Counts.Changed++
		}
		p.change[i] = ch
		if ch == chNew || ch == chChanged || ch == chWithdrawn {
			p.toWrite++
			p.perYear[f.year]++
		}
	}
	// Changes first, then what stays the same, up to the report's cap.
	for pass := 0; pass < 2; pass++ {
		for i := range v.figs {
			ch := p.change[i]
			if (pass == 0) != (ch == chNew || ch == chChanged || ch == chWithdrawn) || ch == chNoData {
				continue
			}
			if len(rep.Items) >= in.lim.MaxItems {
				rep.ItemsOmitted++
				continue
			}
			rep.Items = append(rep.Items, p.item(i))
		}
	}
	return p, nil
}

// key is the stored key of a figure of the file.
func (p *plan) key(f *figure) figKey {
	return figKey{p.v.inds[f.ind].code, p.v.scopes[f.scope].code, p.v.agency, f.year}
}

func (p *plan) sameAsCurrent(f *figure, c *queries.CurrentFigure) bool {
	v := p.v
	return c.Value.Shift(Scale).IntPart() == f.num.Units && c.Value.Shift(Scale).IsInteger() &&
		c.Unit == v.inds[f.ind].ind.Unit && c.Status == statusCodes[f.status] && c.Source == v.strs[f.source] && c.Note == v.strs[f.note]
}

var changeNames = [...]string{chSame: queries.ChangeSame, chNew: queries.ChangeNew, chChanged: queries.ChangeChanged,
	chWithdrawn: queries.ChangeWithdrawn, chNoData: "no_data"}

func (p *plan) item(i int) queries.PreviewItem {
	f := &p.v.figs[i]
	ind := p.v.inds[f.ind]
	it := queries.PreviewItem{Change: changeNames[p.change[i]], Indicator: ind.code, Scope: p.v.scopes[f.scope].code, Agency: p.v.agency,
		Year: f.year, Unit: ind.ind.Unit, Status: statusCodes[f.status], Location: p.v.info.loc(f.n, fValue).String()}
	if !f.noData {
		it.NewValue = f.num.String()
	}
	if old := p.old[p.key(f)]; old != nil {
		it.OldValue, it.OldStatus = old.Value.String(), old.Status
	}
	return it
}
