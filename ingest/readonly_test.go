package ingest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
)

func TestReadOnlySpeed(t *testing.T) {
	cat := &catalogue{indicators: map[string]queries.Indicator{}, zones: map[string]queries.Zone{}, scopes: map[string]queries.Scope{},
		agencies: map[string]queries.Agency{"BENCH": {Code: "BENCH"}}, assignments: map[string][]queries.Assignment{"BENCH": {{Agency: "BENCH", Indicator: "*", Scope: "zone:*"}}}, yearMin: 2020, yearMax: 2030}
	for i := 0; i < 100; i++ {
		c := fmt.Sprintf("ind%03d", i)
		cat.indicators[c] = queries.Indicator{Code: c, Unit: "tỷ đồng", Kind: "money"}
	}
	for i := 0; i < 1000; i++ {
		c := fmt.Sprintf("Z%04d", i)
		cat.zones[c] = queries.Zone{Code: c, Type: "IP"}
	}
	body := benchCSV(1_000_000, 100, 1000)
	for k := 0; k < 2; k++ {
		start := time.Now()
		v := newValidator(cat, queries.UploadRequest{}, Limits{}.withDefaults())
		info := &sourceInfo{}
		v.info = info
		probs := readCSV(context.Background(), body, info, v.row)
		t.Logf("read %v rows=%d errs=%d probs=%v", time.Since(start), v.rows, v.errTotal, probs)
	}
}
