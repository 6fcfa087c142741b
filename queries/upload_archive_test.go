package queries_test

import (
	"bytes"
	"context"
	"errors"
	"math/rand"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// A file larger than one archive part comes back byte for byte, parts in order;
// an empty file is one empty part, not "not found".
func TestUploadArchivedInPartsReadsBackWhole(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	big := make([]byte, 2<<20+12345) // three parts, the last one short
	rand.New(rand.NewSource(1)).Read(big)
	if err := st.ArchiveUploadContent(ctx, "big", big); err != nil {
		t.Fatal(err)
	}
	if err := st.ArchiveUploadContent(ctx, "empty", []byte{}); err != nil {
		t.Fatal(err)
	}
	got, err := st.UploadContent(ctx, "big")
	if err != nil || !bytes.Equal(got, big) {
		t.Fatalf("read back %d bytes (want %d), equal %v, err %v", len(got), len(big), bytes.Equal(got, big), err)
	}
	if got, err := st.UploadContent(ctx, "empty"); err != nil || len(got) != 0 {
		t.Fatalf("empty file: %q, %v", got, err)
	}
	if _, err := st.UploadContent(ctx, "none"); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("unknown id: err = %v, want ErrNotFound", err)
	}
}
