package ingest

import (
	"context"
	"log/slog"
	"time"
)

// acquireSlot waits for one of the Limits.MaxConcurrent upload slots, at most
// Limits.QueueWait: a large upload holds its file, its rows and the insert block in
// memory, so uploads beyond the slots queue instead of exhausting the server. ok
// false: no slot came in time (or ctx ended); the caller says so ("đang xử lý, vui
// lòng chờ") and reads nothing.
func (in *Ingester) acquireSlot(ctx context.Context, file string) (release func(), ok bool) {
	release = func() { <-in.slots }
	select {
	case in.slots <- struct{}{}:
		return release, true
	default:
	}
	slog.Info("ingest: upload waiting for a slot", "file", file, "slots", cap(in.slots), "wait", in.lim.QueueWait)
	t := time.NewTimer(in.lim.QueueWait)
	defer t.Stop()
	select {
	case in.slots <- struct{}{}:
		return release, true
	case <-ctx.Done():
	case <-t.C:
	}
	return nil, false
}
