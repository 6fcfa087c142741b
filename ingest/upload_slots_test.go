package ingest

import (
	"context"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// TestUploadsQueueForASlot: with every slot taken, an upload waits its turn and goes
// on when one frees; one that waits longer than QueueWait is told the system is busy
// ("đang xử lý, vui lòng chờ"), reads nothing and writes no figure.
func TestUploadsQueueForASlot(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	in := New(st, Limits{MaxConcurrent: 1, QueueWait: 100 * time.Millisecond})
	body := []byte(csvHeader + "grdp_growth,province_old,CTK,2024,7,%,actual,,\n")
	req := queries.UploadRequest{FileName: "ctk.csv", Content: body, User: "analyst"}

	in.slots <- struct{}{} // an upload in progress
	rep := ingestOK(t, in, req)
	if rep.Outcome != queries.UploadRejected || len(rep.Errors) != 1 || rep.Errors[0].Code != "server_busy" {
		t.Fatalf("busy: %s %+v", rep.Outcome, rep.Errors)
	}
	if cur, _ := st.CurrentFigures(context.Background(), queries.FigureFilter{Agencies: []string{"CTK"}}); len(cur) != 0 {
		t.Fatalf("a busy upload wrote %+v", cur)
	}

	// The slot frees while the next upload waits (QueueWait long enough not to matter).
	in.lim.QueueWait = time.Minute
	done := make(chan queries.IngestReport)
	go func() {
		rep, _ := in.Ingest(context.Background(), req)
		done <- rep
	}()
	select {
	case rep := <-done:
		t.Fatalf("finished while every slot was taken: %+v", rep)
	case <-time.After(50 * time.Millisecond):
	}
	<-in.slots // the upload in progress ends
	if rep := <-done; rep.Outcome != queries.UploadAccepted {
		t.Fatalf("after waiting: %s %+v", rep.Outcome, rep.Errors)
	}
	if len(in.slots) != 0 {
		t.Errorf("%d slots still held", len(in.slots))
	}
}
