package main

import (
	"fmt"
	"strings"
	"time"
)

// What quorum writes cost: the same uploads through `chitieu ingest` with the quorum
// (CLICKHOUSE_INSERT_QUORUM=auto, 2 of 3) and without it (off), rows per second.
// It reports; it fails only when an upload fails.
func caseWriteCost() (bool, string) {
	var ev strings.Builder
	const uploads, rows = 4, 50_000
	if err := addAgencies("HA8", "HA9"); err != nil {
		return false, err.Error()
	}
	ok := true
	for _, mode := range []struct{ agency, quorum string }{{"HA8", "off"}, {"HA9", "auto"}, {"HA8", "off"}, {"HA9", "auto"}} {
		start := time.Now()
		for i := 0; i < uploads; i++ {
			file, err := writeTemp(fmt.Sprintf("cost-%s-%d.csv", mode.agency, i), csvRows(mode.agency, rows, int(time.Now().UnixNano()%1000)+i))
			if err != nil {
				return false, err.Error()
			}
			out, err := ingestCLI(addrList(replicas...), mode.agency, file, "CLICKHOUSE_INSERT_QUORUM="+mode.quorum)
			if err != nil {
				ok = false
				fmt.Fprintf(&ev, "ingest %s: %v %s\n", file, err, short(out, 200))
			}
		}
		d := time.Since(start)
		fmt.Fprintf(&ev, "insert_quorum %-4s: %d uploads of %d rows (chitieu ingest, one process each) in %.1f s: %.0f rows/s, %.2f s per upload\n",
			mode.quorum, uploads, rows, d.Seconds(), float64(uploads*rows)/d.Seconds(), d.Seconds()/uploads)
	}
	return ok, ev.String()
}
