package queries

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// FigureUpload is what every figure of one upload shares.
type FigureUpload struct {
	Agency     string
	UploadID   string
	UploadedBy string
	UploadedAt time.Time
	Version    uint64
}

// FigureBlock is a run of figures column by column, filled by the caller of
// InsertFigureBlocks. Its slices are reused from one run to the next.
type FigureBlock struct {
	Indicator []string
	Scope     []string
	Year      []uint16
	Value     []decimal.Decimal
	Unit      []string
	Status    []string
	Source    []string
	Note      []string
	Withdrawn []bool
}

// figureBlockRows is the length of a FigureBlock and of each block sent: large enough
// that appending a column costs one call, small enough that the block is a few MB.
const figureBlockRows = 1 << 16

// InsertFigureBlocks is InsertFigures for large uploads (non-synthetic figures of one
// upload), filled column by column: fill(b, from, to) writes figures from..to-1 into
// b's slices (each of length to-from). The driver's columnar appends skip the
// per-value reflection of row-wise appends, and the upload's shared values are
// written once per run. One INSERT, sent in blocks of figureBlockRows: ClickHouse may
// store some blocks and not others when it fails midway, so the rows must be invisible
// until a commit marker names their upload (ingest/commit.go).
func (s *Store) InsertFigureBlocks(ctx context.Context, n int, up FigureUpload, fill func(b *FigureBlock, from, to int)) error {
	if n == 0 {
		return nil
	}
	return s.write(ctx, func(ctx context.Context) error { return s.sendFigureBlocks(ctx, n, up, fill) })
}

func (s *Store) sendFigureBlocks(ctx context.Context, n int, up FigureUpload, fill func(b *FigureBlock, from, to int)) error {
	query := "INSERT INTO figures (" + figureColumns + ")"
	batch, err := s.conn.PrepareBatch(ctx, query)
	if err != nil {
		return fmt.Errorf("prepare %q: %w", query, err)
	}
	size := min(n, figureBlockRows)
	b := &FigureBlock{Indicator: make([]string, size), Scope: make([]string, size), Year: make([]uint16, size),
		Value: make([]decimal.Decimal, size), Unit: make([]string, size), Status: make([]string, size),
		Source: make([]string, size), Note: make([]string, size), Withdrawn: make([]bool, size)}
	withdrawn := make([]uint8, size)
	same := func(v string) []string {
		s := make([]string, size)
		for i := range s {
			s[i] = v
		}
		return s
	}
	agency, uploadID, uploadedBy := same(up.Agency), same(up.UploadID), same(up.UploadedBy)
	at, version, synthetic := make([]time.Time, size), make([]uint64, size), make([]uint8, size)
	for i := range at {
		at[i], version[i] = up.UploadedAt.UTC(), up.Version
	}
	for from := 0; from < n; from += size {
		to := min(from+size, n)
		k := to - from
		run := &FigureBlock{Indicator: b.Indicator[:k], Scope: b.Scope[:k], Year: b.Year[:k], Value: b.Value[:k],
			Unit: b.Unit[:k], Status: b.Status[:k], Source: b.Source[:k], Note: b.Note[:k], Withdrawn: b.Withdrawn[:k]}
		fill(run, from, to)
		for i, w := range run.Withdrawn {
			withdrawn[i] = boolByte(w)
		}
		// In the order of figureColumns.
		for c, col := range []any{run.Indicator, run.Scope, agency[:k], run.Year, run.Value, run.Unit, run.Status,
			run.Source, run.Note, uploadID[:k], uploadedBy[:k], at[:k], version[:k], withdrawn[:k], synthetic[:k]} {
			if err := batch.Column(c).Append(col); err != nil {
				_ = batch.Abort()
				return fmt.Errorf("append column %d, rows %d–%d: %w", c, from, to, err)
			}
		}
		clear(run.Value) // let the decimals go before the next run
		// Each run leaves as its own block: the driver's buffers stay one run long
		// instead of growing to the whole upload (about 1.3 GB for a million rows).
		if err := batch.Flush(); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("send rows %d–%d: %w", from, to, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("send batch: %w", err)
	}
	return nil
}
