package main

import (
	"context"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

func dropDatabase(t *testing.T, cfg queries.Config) {
	st, err := queries.Open(context.Background(), cfg)
	if err != nil {
		t.Logf("drop %s: %v", cfg.Database, err)
		return
	}
	defer st.Close()
	_ = st.DropDatabase(context.Background())
}
