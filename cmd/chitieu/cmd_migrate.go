package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("migrate", "tạo/cập nhật lược đồ ClickHouse (apply schema migrations)", func(ctx context.Context, env *Env, args []string) error {
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		rep, err := st.MigrateReplicas(ctx)
		for _, name := range rep.Applied {
			fmt.Fprintf(env.Stdout, "migrate: applied %s\n", name)
		}
		if err == nil && len(rep.Applied) == 0 && rep.Complete() {
			fmt.Fprintf(env.Stdout, "migrate: database %s is up to date\n", st.Database())
		}
		if env.Config.ClickHouse.Cluster || !rep.Complete() {
			printReplicaStates(env.Stdout, rep)
		}
		if err != nil {
			return err
		}
		if !rep.Complete() {
			fmt.Fprintln(env.Stdout, "migrate: chưa xong trên mọi bản sao; chạy lại `chitieu migrate` khi chúng trả lời (not every replica is current; run migrate again once they answer)")
			return exitCode(3)
		}
		return nil
	})
}

// openStore connects to ClickHouse, retrying briefly so that a server started a moment
// ago (make run) has time to answer.
func openStore(ctx context.Context, cfg Config) (*queries.Store, error) {
	var lastErr error
	for i := 0; i < 20; i++ {
		st, err := queries.Open(ctx, cfg.ClickHouse)
		if err == nil {
			return st, nil
		}
		lastErr = err
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	return nil, fmt.Errorf("không kết nối được ClickHouse (cannot reach ClickHouse): %w", lastErr)
}

// openMigratedStore is openStore with the schema brought up to date: demo and users
// may be the first commands run on a new server.
func openMigratedStore(ctx context.Context, cfg Config) (*queries.Store, error) {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// printReplicaStates: one line per replica, what an operator needs to finish the job.
func printReplicaStates(w io.Writer, rep queries.MigrateReport) {
	label := map[string]string{
		queries.ReplicaCurrent:     "đủ lược đồ (current)",
		queries.ReplicaBehind:      "thiếu (behind)",
		queries.ReplicaUnreachable: "không trả lời (unreachable)",
	}
	for _, r := range rep.Replicas {
		line := fmt.Sprintf("migrate: replica %s: %s", r.Addr, label[r.State])
		if len(r.Missing) > 0 {
			line += ": " + strings.Join(r.Missing, ", ")
		}
		if r.Err != nil {
			line += fmt.Sprintf(" (%v)", r.Err)
		}
		if len(r.Restarted) > 0 {
			line += fmt.Sprintf("; đã khởi động lại bản sao của bảng %[1]s vì nó không nhận ALTER từ ZooKeeper (restarted the replica of %[1]s: it had stopped taking ALTERs from ZooKeeper)",
				strings.Join(r.Restarted, ", "))
		}
		fmt.Fprintln(w, line)
	}
}
