package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
)

// SyntheticSource is written in the source column of every synthetic figure, and the
// rows also carry synthetic = 1: they can never be taken for published figures.
const SyntheticSource = "DỮ LIỆU GIẢ LẬP / SYNTHETIC — chitieu demo synthetic, not a real figure"

// SyntheticOptions sizes the generated data set.
type SyntheticOptions struct {
	Rows       int    // about this many figure rows (revisions included)
	Seed       uint64 // same seed, same data
	Provinces  int    // default 34, the provinces after the 2025 reorganisation
	Indicators int    // default 60
	Years      int    // default 10, ending in 2025
	BatchRows  int    // rows per INSERT, default 250,000
}

// SyntheticResult says what was written and how long it took.
type SyntheticResult struct {
	Rows            int
	ZonesPerProv    int
	GenerateAndLoad time.Duration
}

// revisionEvery: one figure in this many gets a second, corrected version.
const revisionEvery = 20

// LoadSynthetic generates figures for synthetic provinces (scope SYN-Pnn) and their
// zones (SYN-Pnn-Znnn) and writes them in batches. Codes start with SYN- so no
// synthetic scope can collide with a real one.
func LoadSynthetic(ctx context.Context, st *queries.Store, o SyntheticOptions) (SyntheticResult, error) {
	if o.Provinces <= 0 {
		o.Provinces = 34
	}
	if o.Indicators <= 0 {
		o.Indicators = 60
	}
	if o.Years <= 0 {
		o.Years = 10
	}
	if o.BatchRows <= 0 {
		o.BatchRows = 250_000
	}
	if o.Rows <= 0 {
		o.Rows = 10_000_000
	}
	perZone := o.Indicators * o.Years * (revisionEvery + 1) / revisionEvery
	zones := (o.Rows + o.Provinces*perZone - 1) / (o.Provinces * perZone)
	indicators, err := syntheticIndicators(ctx, st, o.Indicators)
	if err != nil {
		return SyntheticResult{}, err
	}
	start := time.Now()
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	uploadID := fmt.Sprintf("synthetic-%d-%d", o.Seed, start.UnixNano())
	base := st.NewVersion()
	batch := make([]queries.Figure, 0, o.BatchRows)
	written := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := st.InsertFigures(ctx, batch); err != nil {
			return err
		}
		written += len(batch)
		batch = batch[:0]
		return nil
	}
	firstYear := uint16(2026 - o.Years)
	for p := 1; p <= o.Provinces && written+len(batch) < o.Rows; p++ {
		for z := 0; z <= zones; z++ {
			scope := fmt.Sprintf("SYN-P%02d-Z%03d", p, z)
			if z == 0 {
				scope = fmt.Sprintf("SYN-P%02d", p)
			}
			agency := fmt.Sprintf("SYN-P%02d-BQL", p)
			for _, ind := range indicators {
				level := 50 + rng.Float64()*1000
				for y := 0; y < o.Years; y++ {
					level *= 0.97 + rng.Float64()*0.12
					f := queries.Figure{
						FigureKey:  queries.FigureKey{Indicator: ind, Scope: scope, Agency: agency, Year: firstYear + uint16(y)},
						Value:      decimal.New(int64(level*100), -2),
						Unit:       "đơn vị",
						Status:     queries.StatusActual,
						Source:     SyntheticSource,
						UploadID:   uploadID,
						UploadedBy: "synthetic",
						UploadedAt: start,
						Version:    base,
						Synthetic:  true,
					}
					batch = append(batch, f)
					if rng.IntN(revisionEvery) == 0 {
						f.Value = f.Value.Mul(decimal.New(101, -2)).Round(2)
						f.Version = base + 1
						batch = append(batch, f)
					}
					if len(batch) >= o.BatchRows {
						if err := flush(); err != nil {
							return SyntheticResult{}, err
						}
					}
				}
			}
			if written+len(batch) >= o.Rows {
				break
			}
		}
	}
	if err := flush(); err != nil {
		return SyntheticResult{}, err
	}
	err = st.InsertUpload(ctx, queries.Upload{ID: uploadID, FileName: fmt.Sprintf("synthetic seed=%d", o.Seed),
		RowCount: uint32(written), Outcome: queries.UploadAccepted, UploadedBy: "synthetic", UploadedAt: start.UTC(),
		SourceKind: "synthetic"}, nil)
	return SyntheticResult{Rows: written, ZonesPerProv: zones, GenerateAndLoad: time.Since(start)}, err
}

// syntheticIndicators uses the catalogue's codes first, then made-up SYN codes that are
// not in the catalogue, so dashboards never list them.
func syntheticIndicators(ctx context.Context, st *queries.Store, n int) ([]string, error) {
	cat, err := st.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range cat {
		if len(out) < n {
			out = append(out, c.Code)
		}
	}
	for i := len(out) + 1; len(out) < n; i++ {
		out = append(out, fmt.Sprintf("SYN-IND-%02d", i))
	}
	return out, nil
}
