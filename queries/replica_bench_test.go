package queries_test

import (
	"context"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// BenchmarkReadThroughReplicas: what a read costs through a store on two addresses (a
// try per read that lasts to the first row, a watcher while the rest streams) against
// one address. Both addresses are the test server, so only the store differs.
func BenchmarkReadThroughReplicas(b *testing.B) {
	ctx := context.Background()
	one := querytest.MustOpen(b)
	if err := one.SaveAgencies(ctx, []queries.Agency{{Code: "A", NameVI: "A", Level: "province"}}); err != nil {
		b.Fatal(err)
	}
	cfg := querytest.Config(one.Database())
	cfg.Addr = cfg.Addr + "," + cfg.Addr
	two, err := queries.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer two.Close()
	for _, c := range []struct {
		name string
		st   *queries.Store
	}{{"one address", one}, {"two addresses", two}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if as, err := c.st.Agencies(ctx); err != nil || len(as) != 1 {
					b.Fatal(len(as), err)
				}
			}
		})
	}
}
