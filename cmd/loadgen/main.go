// Command loadgen measures the dashboard under load: N concurrent clients request
// the given URLs for a while and it prints p50/p95/p99 latency, requests per second
// and errors. With -store it runs, at the same concurrency, the ClickHouse reads the
// overview and indicator handlers make, so the server's own overhead is visible.
// With -signin user:password it runs the URLs twice in one go, anonymous (the server
// must be public) and then signed in, and prints the signed-in/anonymous ratio.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/quangngai/chitieu/queries"
)

func main() {
	c := flag.Int("c", 32, "concurrent clients")
	d := flag.Duration("d", 30*time.Second, "duration")
	store := flag.String("store", "", "instead of HTTP, run the reads of this page against ClickHouse: overview or indicator")
	plan := flag.String("plan", "DHXX-2020", "plan of the overview reads (-store overview)")
	year := flag.Int("year", 2025, "year of the overview reads (-store overview)")
	code := flag.String("code", "grdp_growth", "indicator of the indicator reads (-store indicator)")
	signin := flag.String("signin", "", "username:password: run anonymous, then signed in, and compare")
	flag.Parse()
	if *signin != "" && *store == "" && flag.NArg() > 0 {
		compareSignedIn(flag.Args(), *signin, *c, *d)
		return
	}
	var do func(ctx context.Context) error
	label := *store
	if *store != "" {
		st, err := queries.Open(context.Background(), queries.Config{Addr: env("CLICKHOUSE_ADDR", "127.0.0.1:19000"),
			User: env("CLICKHOUSE_USER", "default"), Password: os.Getenv("CLICKHOUSE_PASSWORD"),
			Database: env("CLICKHOUSE_DATABASE", "chitieu")})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer st.Close()
		switch *store {
		case "overview":
			do = func(ctx context.Context) error { return overviewReads(ctx, st, *plan, uint16(*year)) }
		case "indicator":
			do = func(ctx context.Context) error { return indicatorReads(ctx, st, *code) }
		default:
			fmt.Fprintln(os.Stderr, "-store must be overview or indicator")
			os.Exit(2)
		}
	} else {
		urls := flag.Args()
		if len(urls) == 0 {
			fmt.Fprintln(os.Stderr, "usage: loadgen [-c 32] [-d 30s] URL... | loadgen -store overview|indicator")
			os.Exit(2)
		}
		label = strings.Join(urls, " ")
		do = httpDo(urls, *c, nil, "")
	}
	run(label, *c, *d, do)
}

// httpDo requests the URLs in turn, with the session cookie when there is one. A
// page that lacks mustContain (the sign-out button of a signed-in page) counts as
// an error, so a dead session cannot pass for a fast one. Anonymous and signed-in
// runs read the body alike.
func httpDo(urls []string, c int, session *http.Cookie, mustContain string) func(context.Context) error {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	var next atomic.Uint64
	serverTimes = &timings{}
	return func(ctx context.Context) error {
		u := urls[next.Add(1)%uint64(len(urls))]
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		if session != nil {
			req.AddCookie(session)
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		if resp.StatusCode != 200 {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		// The sign-out button sits in the page header: looking at the head keeps the
		// check from costing the client (on the server's cores) more than the
		// anonymous run's reading does.
		if mustContain != "" && !bytes.Contains(body[:min(len(body), 32<<10)], []byte(mustContain)) {
			return fmt.Errorf("not a signed-in page (no %q)", mustContain)
		}
		// Server-Timing: page;dur=1.234 (milliseconds), the handler's own time.
		if st := resp.Header.Get("Server-Timing"); st != "" {
			if _, ms, ok := strings.Cut(st, "dur="); ok {
				if v, err := strconv.ParseFloat(ms, 64); err == nil {
					serverTimes.add(time.Duration(v * float64(time.Millisecond)))
				}
			}
		}
		return nil
	}
}

// compareSignedIn measures the same URLs anonymous and signed in, one after the
// other on the same server, and prints the ratio of their throughputs.
func compareSignedIn(urls []string, credentials string, c int, d time.Duration) {
	session, err := signIn(urls[0], credentials)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	label := strings.Join(urls, " ")
	anon := run("anonymous "+label, c, d, httpDo(urls, c, nil, ""))
	signed := run("signed in "+label, c, d, httpDo(urls, c, session, `action="/signout"`))
	ratio := 0.0
	if anon.rps > 0 {
		ratio = signed.rps / anon.rps
	}
	fmt.Printf("  signed-in/anonymous throughput %.2f (%.1f / %.1f req/s); signed-in p50 %s p95 %s p99 %s\n",
		ratio, signed.rps, anon.rps, signed.p50, signed.p95, signed.p99)
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// timings collects the server's own times from the Server-Timing header.
type timings struct {
	mu sync.Mutex
	d  []time.Duration
}

func (t *timings) add(d time.Duration) {
	t.mu.Lock()
	t.d = append(t.d, d)
	t.mu.Unlock()
}

var serverTimes *timings

func percentiles(lat []time.Duration) (p50, p95, p99, max time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(10 * time.Microsecond)
	}
	return pct(0.50), pct(0.95), pct(0.99), pct(1)
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// result is what run measured.
type result struct {
	rps           float64
	p50, p95, p99 time.Duration
}

// run drives do from c goroutines for d and prints the summary.
func run(label string, c int, d time.Duration, do func(context.Context) error) result {
	// One warm-up call per client: connection pools, ClickHouse caches.
	for i := 0; i < c; i++ {
		_ = do(context.Background())
	}
	if serverTimes != nil {
		serverTimes.d = nil // drop the warm-up
	}
	load0 := loadavg()
	var mu sync.Mutex
	var lat []time.Duration
	var errs int
	var firstErr error
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < c; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			var bad int
			var ferr error
			for time.Now().Before(deadline) {
				t0 := time.Now()
				err := do(context.Background())
				mine = append(mine, time.Since(t0))
				if err != nil {
					bad++
					if ferr == nil {
						ferr = err
					}
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			if firstErr == nil {
				firstErr = ferr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	p50, p95, p99, mx := percentiles(lat)
	p50c, p95c, p99c := p50, p95, p99
	fmt.Printf("%s\n  clients %d, %s: %d requests, %.1f req/s, errors %d (load average before %s, after %s)\n"+
		"  client latency  p50 %s  p95 %s  p99 %s  max %s\n",
		label, c, d, len(lat), float64(len(lat))/elapsed.Seconds(), errs, load0, loadavg(), p50, p95, p99, mx)
	if serverTimes != nil && len(serverTimes.d) > 0 {
		p50, p95, p99, mx = percentiles(serverTimes.d)
		fmt.Printf("  server time     p50 %s  p95 %s  p99 %s  max %s  (Server-Timing)\n", p50, p95, p99, mx)
	}
	if firstErr != nil {
		fmt.Printf("  first error: %v\n", firstErr)
	}
	return result{rps: float64(len(lat)-errs) / elapsed.Seconds(), p50: p50c, p95: p95c, p99: p99c}
}

// overviewReads are the reads dashboard.overview makes (catalogue, the plan's
// figures, data version, synthetic flag), in the same order.
func overviewReads(ctx context.Context, st *queries.Store, plan string, year uint16) error {
	inds, err := st.Indicators(ctx)
	if err != nil {
		return err
	}
	if _, err := st.Plans(ctx); err != nil {
		return err
	}
	targets, err := st.Targets(ctx, "")
	if err != nil {
		return err
	}
	if _, err := st.Scopes(ctx); err != nil {
		return err
	}
	with := map[string]bool{}
	for _, t := range targets {
		if t.Plan == plan {
			with[t.Indicator] = true
		}
	}
	var codes []string
	for _, it := range inds {
		if strings.HasPrefix(it.OutlineSection, "I.") || with[it.Code] {
			codes = append(codes, it.Code)
		}
	}
	if _, err := st.CurrentFigures(ctx, queries.FigureFilter{Indicators: codes,
		Scopes: []string{"zones_bql", "province_old", "province_new"}, YearTo: year}); err != nil {
		return err
	}
	if _, err := st.RealDataVersion(ctx); err != nil {
		return err
	}
	_, err = st.HasSynthetic(ctx)
	return err
}

// indicatorReads are the reads dashboard.indicator makes.
func indicatorReads(ctx context.Context, st *queries.Store, code string) error {
	steps := []func() error{
		func() error { _, err := st.Indicators(ctx); return err },
		func() error { _, err := st.Plans(ctx); return err },
		func() error { _, err := st.Targets(ctx, ""); return err },
		func() error { _, err := st.Scopes(ctx); return err },
		func() error { _, err := st.Zones(ctx); return err },
		func() error { _, err := st.Agencies(ctx); return err },
		func() error {
			_, err := st.CurrentFigures(ctx, queries.FigureFilter{Indicators: []string{code}})
			return err
		},
		func() error { _, err := st.RealDataVersion(ctx); return err },
		func() error { _, err := st.HasSynthetic(ctx); return err },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}
