package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// TestIngestRefusedSaysWhoHoldsTheClaim: while another writer (alive: it renews its
// claim) writes BQL 2024, `chitieu ingest` is refused after the lapse + 15 s with who
// holds the claim, through what and since when, Vietnamese first, and its file is
// archived as a rejected attempt. A dry run of the same file is not blocked.
func TestIngestRefusedSaysWhoHoldsTheClaim(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	env.Config.ClickHouse.ClaimLapse = 3 * time.Second
	ctx := context.Background()
	st, err := openStore(ctx, env.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	held, err := st.ClaimAgencyYears(ctx, "BQL", []uint16{2024}, queries.ClaimHolder{UploadID: "x", User: "alice", Channel: "web"}, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release(ctx)
	good := filepath.Join("..", "..", "testdata", "ingest", "good", "example.csv")
	if err := runIngest(ctx, env, []string{good, "--dry-run"}); err != nil || !strings.Contains(out.String(), "XEM TRƯỚC") {
		t.Fatalf("dry run blocked: %v\n%s", err, out)
	}
	err = runIngest(ctx, env, []string{good, "--user", "bob"})
	if err == nil {
		t.Fatalf("accepted while alice holds the claim:\n%s", out)
	}
	msg := err.Error()
	t.Logf("refusal: %s", msg)
	if !strings.HasPrefix(strings.TrimPrefix(msg, good+": "), "Một tệp khác") || !strings.Contains(msg, "alice") ||
		!strings.Contains(msg, "qua web") || !strings.Contains(msg, "since") {
		t.Fatalf("the refusal does not say who and since when: %s", msg)
	}
	ups, err := st.ListUploads(ctx, queries.UploadFilter{Agencies: []string{"BQL"}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range ups {
		found = found || (u.UploadedBy == "bob" && u.Outcome == queries.UploadRejected && strings.Contains(u.Report, "upload_busy"))
	}
	if !found {
		t.Fatalf("the refused attempt is not archived: %+v", ups)
	}
}
