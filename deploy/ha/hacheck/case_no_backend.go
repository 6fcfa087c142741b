package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Both chitieu servers down: haproxy answers our 503 (Vietnamese first, English,
// Retry-After), as JSON for the API and JSON clients, never its own page.
func caseNoBackend() (bool, string) {
	var ev strings.Builder
	if err := script("stop.sh", "web1", "web2"); err != nil {
		return false, err.Error()
	}
	defer script("start.sh", "web1", "web2")
	time.Sleep(1500 * time.Millisecond) // haproxy's checks mark both down
	ok := true
	for _, t := range []struct {
		path, accept string
		json         bool
	}{
		{"/", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false},
		{"/api/uploads?agency=HA1", "*/*", true},
		{"/reporting", "application/json", true},
	} {
		req, _ := http.NewRequest(http.MethodGet, lb+t.path, nil)
		req.Header.Set("Accept", t.accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return false, ev.String() + err.Error()
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		ct, ra := resp.Header.Get("Content-Type"), resp.Header.Get("Retry-After")
		s := string(body)
		vi := strings.Index(s, "Hệ thống tạm thời không phục vụ được")
		en := strings.Index(s, "The service is unavailable")
		good := resp.StatusCode == 503 && ra != "" && vi >= 0 && en > vi && !strings.Contains(s, "No server is available")
		if t.json {
			good = good && strings.HasPrefix(ct, "application/json") && strings.HasPrefix(s, "{\"error\":")
		} else {
			good = good && strings.HasPrefix(ct, "text/html")
		}
		fmt.Fprintf(&ev, "GET %s (Accept %s): HTTP %d, Content-Type %q, Retry-After %q, vi then en: %v; %s\n",
			t.path, t.accept, resp.StatusCode, ct, ra, vi >= 0 && en > vi, short(s, 90))
		ok = ok && good
	}
	return ok, ev.String()
}
