package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Case 23. ch1, the replica both servers use, hangs (SIGSTOP) for 12 s while signed-in
// clients read /uploads (built from ClickHouse at every request) through haproxy, a new
// request every 100 ms whatever the earlier ones do. Reads already waiting on ch1 when it
// stopped are sent again to ch2 once the probes leave ch1 (their slowest is printed). Each server's probe (0.3 s deadline every 0.5 s, two misses)
// leaves ch1 within about 1.5 s, inside haproxy's check window, so every request started
// 2 s after the stop is answered 200 by ch2 within 3 s.
func caseHungReplica() (bool, string) {
	var ev strings.Builder
	const duration, stopAt, stopFor = 20 * time.Second, 4 * time.Second, 12 * time.Second
	sessions := make([]*browser, 4)
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
	go func() {
		time.Sleep(stopAt)
		_ = syscall.Kill(pid, syscall.SIGSTOP)
		time.Sleep(stopFor)
		_ = syscall.Kill(pid, syscall.SIGCONT)
	}()
	for i := 0; time.Since(start) < duration; i++ {
		wg.Add(1)
		go func(b *browser) {
			defer wg.Done()
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
		}(sessions[i%len(sessions)])
		time.Sleep(100 * time.Millisecond)
	}
	wg.Wait()
	bad, slow, during := 0, 0, 0
	var worst, worstEarly time.Duration
	for _, s := range samples {
		if s.at >= stopAt-time.Second && s.at < stopAt+2*time.Second {
			worstEarly = max(worstEarly, s.took) // in flight at the stop, or sent before the probes left ch1
		}
		if s.at < stopAt+2*time.Second || s.at > stopAt+stopFor {
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
	fmt.Fprintf(&ev, "GET /uploads through haproxy every 100 ms for %s (4 signed-in sessions); ch1 SIGSTOP at %s for %s\n", duration, stopAt, stopFor)
	fmt.Fprintf(&ev, "requests %d; started from 2 s after the stop until SIGCONT: %d, of which not 200: %d, over 3 s: %d (slowest %.2f s)\n",
		len(samples), during, bad, slow, worst.Seconds())
	fmt.Fprintf(&ev, "slowest request started from 1 s before the stop to 2 s after it: %.2f s (reads waiting on ch1 are sent again to ch2 once the probes leave it)\n", worstEarly.Seconds())
	_, b := readyzOf("web1")
	fmt.Fprintf(&ev, "web1 /readyz at the end: %s, replica %s %q\n", b.Status, b.Replica, b.Reasons)
	return during > 0 && bad == 0 && slow == 0, ev.String()
}
