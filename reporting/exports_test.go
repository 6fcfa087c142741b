package reporting

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// A file is built once per stamp and kept; a new stamp builds again; a failed build
// answers its error once and is retried; a slow build answers ErrBuilding, then the
// file; Close cancels what runs.
func TestExportsKeepFilesUntilTheDataChanges(t *testing.T) {
	x := NewExports(time.Minute)
	defer x.Close()
	ctx := context.Background()
	var builds atomic.Int32
	build := func(ctx context.Context) ([]byte, error) {
		n := builds.Add(1)
		return []byte{byte(n)}, nil
	}
	for i := 0; i < 3; i++ {
		if f, err := x.File(ctx, "docx/2023", "v1", time.Minute, build); err != nil || f[0] != 1 {
			t.Fatalf("v1: %v %v", f, err)
		}
	}
	if f, err := x.File(ctx, "docx/2023", "v2", time.Minute, build); err != nil || f[0] != 2 || builds.Load() != 2 {
		t.Fatalf("v2: %v %v after %d builds", f, err, builds.Load())
	}

	fail := errors.New("soffice: killed")
	failing := func(context.Context) ([]byte, error) { return nil, fail }
	if _, err := x.File(ctx, "pdf/2023", "v2", time.Minute, failing); !errors.Is(err, fail) {
		t.Fatalf("failed build: %v", err)
	}
	if f, err := x.File(ctx, "pdf/2023", "v2", time.Minute, build); err != nil || f == nil {
		t.Fatalf("retry after a failure: %v %v", f, err)
	}

	release := make(chan struct{})
	slow := func(context.Context) ([]byte, error) { <-release; return []byte("pdf"), nil }
	if _, err := x.File(ctx, "pdf/2024", "v2", 10*time.Millisecond, slow); !errors.Is(err, ErrBuilding) {
		t.Fatalf("slow build: %v, want ErrBuilding", err)
	}
	close(release)
	if f, err := x.File(ctx, "pdf/2024", "v2", time.Minute, slow); err != nil || string(f) != "pdf" {
		t.Fatalf("after the slow build: %q %v", f, err)
	}

	cancelled := make(chan error, 1)
	stuck := func(ctx context.Context) ([]byte, error) { <-ctx.Done(); cancelled <- ctx.Err(); return nil, ctx.Err() }
	if _, err := x.File(ctx, "pdf/2025", "v2", time.Millisecond, stuck); !errors.Is(err, ErrBuilding) {
		t.Fatalf("stuck build: %v", err)
	}
	x.Close()
	select {
	case err := <-cancelled:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("stuck build ended with %v", err)
		}
	default:
		t.Fatal("Close returned with a build still running")
	}
	if _, err := x.File(ctx, "pdf/2026", "v2", time.Second, build); !errors.Is(err, ErrBuilding) {
		t.Fatalf("a build started after Close: %v", err)
	}
}

// A build cancelled because newer data arrived is not its waiters' failure: they get
// the newer build's file (the matrix test saw a 500 when an upload landed mid-build).
func TestExportsWaiterFollowsTheNewerBuild(t *testing.T) {
	x := NewExports(time.Minute)
	defer x.Close()
	ctx := context.Background()
	started := make(chan struct{})
	stuck := func(ctx context.Context) ([]byte, error) { close(started); <-ctx.Done(); return nil, ctx.Err() }
	got := make(chan error, 1)
	var file []byte
	go func() {
		f, err := x.File(ctx, "pdf/2024", "v1", time.Minute, stuck)
		file = f
		got <- err
	}()
	<-started
	if f, err := x.File(ctx, "pdf/2024", "v2", time.Minute, func(context.Context) ([]byte, error) { return []byte("v2"), nil }); err != nil || string(f) != "v2" {
		t.Fatalf("the newer build: %q %v", f, err)
	}
	if err := <-got; err != nil || string(file) != "v2" {
		t.Fatalf("the superseded build's waiter got %q %v, want the newer file", file, err)
	}
}
