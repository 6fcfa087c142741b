package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"syscall"
	"time"
)

// 14. ch1, the replica both servers use, hangs (SIGSTOP) for 12 s while 4 signed-in
// clients read /uploads (built from ClickHouse at every request) through haproxy. Each
// server's probe (0.3 s deadline every 0.5 s) leaves ch1 well inside haproxy's check
// window, so pages keep coming from ch2: no request started 2 s after the stop fails or
// waits more than 3 s.
func caseHungReplica() (bool, string) {
	var ev strings.Builder
	const clients, duration, stopAt, stopFor = 4, 20 * time.Second, 4 * time.Second, 12 * time.Second
	sessions := make([]*browser, clients)
	for i := range sessions {
		sessions[i] = newBrowser()
		if err := sessions[i].signIn(lb); err != nil {
			return false, err.Error()
		}
	}
	pid := pidOf("ch1")
	if pid == 0 {
		return false, "ch1: no pid"
	}
	type sample struct {
		at, took time.Duration
		code     int
	}
	var mu sync.Mutex
	var samples []sample
	start := time.Now()
	var wg sync.WaitGroup
	for _, b := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Since(start) < duration {
				t0 := time.Now()
				code := 0
				if resp, err := b.http.Get(lb + "/uploads"); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					code = resp.StatusCode
				}
				mu.Lock()
				samples = append(samples, sample{t0.Sub(start), time.Since(t0), code})
				mu.Unlock()
			}
		}()
	}
	time.Sleep(stopAt)
	_ = syscall.Kill(pid, syscall.SIGSTOP)
	stopped := time.Since(start)
	time.Sleep(stopFor)
	_ = syscall.Kill(pid, syscall.SIGCONT)
	wg.Wait()
	bad, slow, total, during := 0, 0, 0, 0
	var worst time.Duration
	for _, s := range samples {
		total++
		if s.at < stopped+2*time.Second || s.at > stopped+stopFor {
			continue
		}
		during++
		if s.code != 200 {
			bad++
		}
		if s.took > 3*time.Second {
			slow++
		}
		if s.took > worst {
			worst = s.took
		}
	}
	fmt.Fprintf(&ev, "%d clients, GET /uploads through haproxy for %s; ch1 SIGSTOP at %.1f s for %s\n", clients, duration, stopped.Seconds(), stopFor)
	fmt.Fprintf(&ev, "requests %d; started 2 s after the stop while ch1 hung: %d, of which not 200: %d, over 3 s: %d (slowest %.1f s)\n",
		total, during, bad, slow, worst.Seconds())
	_, b := readyzOf("web1")
	fmt.Fprintf(&ev, "web1 /readyz at the end: %s, replica %s %q\n", b.Status, b.Replica, b.Reasons)
	return during > 0 && bad == 0 && slow == 0, ev.String()
}
