package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// benchCatalogue makes a catalogue with nInd indicators × nZones zones × 10 years of
// distinct figure keys for agency BENCH (synthetic: codes are not real ones).
func benchCatalogue(b *testing.B, nInd, nZones int) *queries.Store {
	b.Helper()
	st := querytest.MustOpen(b)
	saveBenchCatalogue(b, st, nInd, nZones)
	return st
}

// saveBenchCatalogue writes nInd indicators × nZones zones for agency BENCH, assigned
// every indicator of every zone, and a plan P over 2021–2030.
func saveBenchCatalogue(tb testing.TB, st *queries.Store, nInd, nZones int) {
	tb.Helper()
	ctx := context.Background()
	inds := make([]queries.Indicator, nInd)
	for i := range inds {
		inds[i] = queries.Indicator{Code: fmt.Sprintf("ind%03d", i), NameVI: fmt.Sprintf("Chỉ tiêu thử %d", i), Unit: "tỷ đồng", Kind: "money", Aggregation: "sum", SortOrder: uint16(i)}
	}
	zones := make([]queries.Zone, nZones)
	for i := range zones {
		zones[i] = queries.Zone{Code: fmt.Sprintf("Z%04d", i), NameVI: fmt.Sprintf("Khu thử %d", i), Type: "IP", Status: "operating"}
	}
	for _, err := range []error{
		st.SaveIndicators(ctx, inds), st.SaveZones(ctx, zones),
		st.SaveAgencies(ctx, []queries.Agency{{Code: "BENCH", NameVI: "Đơn vị thử", Level: "province"}}),
		st.SavePlans(ctx, []queries.Plan{{Code: "P", NameVI: "Kế hoạch thử", PeriodStart: 2021, PeriodEnd: 2030}}),
		st.SaveAssignments(ctx, []queries.Assignment{{Agency: "BENCH", Indicator: "*", Scope: "zone:*"}}),
	} {
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// benchCSV writes n rows in the bulk layout, plain decimals so that clickhouse-client
// can load the very same file.
func benchCSV(n, nInd, nZones int) []byte {
	var buf bytes.Buffer
	buf.Grow(n * 90)
	buf.WriteString(csvHeader)
	for i := 0; i < n; i++ {
		ind, zone, year := i%nInd, (i/nInd)%nZones, 2021+i/(nInd*nZones)
		fmt.Fprintf(&buf, "ind%03d,Z%04d,BENCH,%d,%d.%02d,tỷ đồng,actual,Báo cáo thử nghiệm số %d,\n", ind, zone, year, (i*7919)%1000000, i%100, i%50)
	}
	return buf.Bytes()
}

// cpuSeconds is the process's user+system CPU time: on a shared machine it says more
// than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// peakMemory samples the Go heap while f runs and reads the process's peak RSS
// (VmHWM, reset before f where the kernel allows it).
func peakMemory(f func()) (heapMB, rssMB float64) {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return float64(peak.Load()) / (1 << 20), vmHWM()
}

func vmHWM() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// measuredIngest is one ingest and what it cost: wall time, CPU seconds of this
// process, peak heap and peak RSS in MB.
type measuredIngest struct {
	rep                queries.IngestReport
	err                error
	took               time.Duration
	cpu, heapMB, rssMB float64
}

func measureIngest(in *Ingester, req queries.UploadRequest) measuredIngest {
	var m measuredIngest
	start, cpu0 := time.Now(), cpuSeconds()
	m.heapMB, m.rssMB = peakMemory(func() { m.rep, m.err = in.Ingest(context.Background(), req) })
	m.took, m.cpu = time.Since(start), cpuSeconds()-cpu0
	return m
}

// BenchmarkIngestCSV1M: a 1,000,000-row CSV end to end (parse, validate, diff,
// insert in blocks, archive in parts, commit), then clickhouse-client loading the same file into the same table.
func BenchmarkIngestCSV1M(b *testing.B) {
	const rows, nInd, nZones = 1_000_000, 100, 1000
	st := benchCatalogue(b, nInd, nZones)
	body := benchCSV(rows, nInd, nZones)
	in := New(st, Limits{MaxBytes: 1 << 30, MaxRows: 2_000_000, Timeout: 10 * time.Minute})
	b.ResetTimer()
	var run measuredIngest
	for i := 0; i < b.N; i++ {
		run = measureIngest(in, queries.UploadRequest{FileName: "bench.csv", Content: body, User: "bench"})
		rep, err := run.rep, run.err
		if err != nil || rep.Outcome != queries.UploadAccepted || rep.Counts.New != rows {
			b.Fatalf("ingest: %v, %s, %+v, errors %v", err, rep.Outcome, rep.Counts, rep.Errors)
		}
		// The next iteration would find every row unchanged: start from an empty table.
		if i+1 < b.N {
			b.StopTimer()
			st = benchCatalogue(b, nInd, nZones)
			in = New(st, Limits{MaxBytes: 1 << 30, MaxRows: 2_000_000, Timeout: 10 * time.Minute})
			b.StartTimer()
		}
	}
	b.StopTimer()
	ch := clickhouseClientLoad(b, st, body)
	b.ReportMetric(float64(rows)/run.took.Seconds(), "rows/s")
	b.ReportMetric(run.heapMB, "peak-heap-MB")
	b.ReportMetric(run.rssMB, "peak-rss-MB")
	b.ReportMetric(run.cpu, "client-cpu-s")
	b.ReportMetric(float64(rows)/ch.Seconds(), "clickhouse-client-rows/s")
	b.ReportMetric(ch.Seconds()/run.took.Seconds(), "ratio-to-clickhouse")
	b.Logf("1M-row CSV (%d MB): chitieu ingest %v (%.0f rows/s, %.1f s CPU in this process, peak heap %.0f MB, peak RSS %.0f MB); clickhouse-client %v (%.0f rows/s); speed ratio %.2f (targets: peak RSS ≤ 400 MB, ratio ≥ 0.6)",
		len(body)>>20, run.took.Round(time.Millisecond), float64(rows)/run.took.Seconds(), run.cpu, run.heapMB, run.rssMB, ch.Round(time.Millisecond), float64(rows)/ch.Seconds(), ch.Seconds()/run.took.Seconds())
}

// clickhouseClientLoad times ClickHouse's own CSV loader on the same file and table.
func clickhouseClientLoad(b *testing.B, st *queries.Store, body []byte) time.Duration {
	cfg := querytest.Config(st.Database())
	host, port, _ := strings.Cut(cfg.Addr, ":")
	args := []string{"--host", host, "--port", port, "--user", cfg.User, "--database", st.Database(),
		"--query", "INSERT INTO figures (indicator, scope, agency, year, value, unit, status, source, note) FORMAT CSVWithNames"}
	if cfg.Password != "" {
		args = append(args, "--password", cfg.Password)
	}
	cmd := exec.Command("clickhouse-client", args...)
	cmd.Stdin = bytes.NewReader(body)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("clickhouse-client: %v: %s", err, stderr.String())
	}
	return time.Since(start)
}

// BenchmarkIngestXLSX100k: a 100,000-row workbook in the template's layout, end to end.
// Targets: at most 3 s and 250 MB RSS.
func BenchmarkIngestXLSX100k(b *testing.B) {
	const rows, nInd, nZones = 100_000, 100, 1000
	st := benchCatalogue(b, nInd, nZones)
	body := benchXLSX(b, rows, nInd, nZones)
	in := New(st, Limits{MaxBytes: 1 << 30})
	b.ResetTimer()
	var run measuredIngest
	for i := 0; i < b.N; i++ {
		run = measureIngest(in, queries.UploadRequest{FileName: "bench.xlsx", Content: body, User: "bench", DryRun: i > 0})
		rep, err := run.rep, run.err
		if err != nil || rep.Rows != rows || len(rep.Errors) > 0 {
			b.Fatalf("ingest: %v, %+v, errors %v", err, rep.Counts, rep.Errors)
		}
	}
	b.ReportMetric(float64(rows)/run.took.Seconds(), "rows/s")
	b.ReportMetric(run.took.Seconds(), "seconds")
	b.ReportMetric(run.cpu, "cpu-s")
	b.ReportMetric(run.heapMB, "peak-heap-MB")
	b.ReportMetric(run.rssMB, "peak-rss-MB")
	b.Logf("100k-row xlsx (%.1f MB): %v end to end (%.1f s CPU), peak heap %.0f MB, peak RSS %.0f MB (targets ≤ 3 s, ≤ 250 MB)",
		float64(len(body))/(1<<20), run.took.Round(time.Millisecond), run.cpu, run.heapMB, run.rssMB)
}

func benchXLSX(b *testing.B, n, nInd, nZones int) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	write := func(r int, vals ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, vals); err != nil {
			b.Fatal(err)
		}
	}
	write(1, "Mã đơn vị:", "BENCH")
	write(2, "Năm:", 2024)
	write(4, "STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Mã khu/phạm vi", "Tên khu/phạm vi", "Đơn vị tính", "Giá trị", "Trạng thái", "Nguồn số liệu", "Ghi chú")
	for i := 0; i < n; i++ {
		ind, zone := i%nInd, (i/nInd)%nZones
		write(5+i, i+1, fmt.Sprintf("ind%03d", ind), fmt.Sprintf("Chỉ tiêu thử %d", ind), fmt.Sprintf("Z%04d", zone),
			fmt.Sprintf("Khu thử %d", zone), "tỷ đồng", float64((i*7919)%1000000)+float64(i%100)/100, "Thực hiện", "Báo cáo thử", "")
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	_ = f.SetSheetName("Sheet1", DataSheet)
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}
