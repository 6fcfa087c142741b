package queries

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// Replica states in a MigrateReport.
const (
	ReplicaCurrent     = "current"
	ReplicaBehind      = "behind"
	ReplicaUnreachable = "unreachable"
)

// ReplicaState is what Migrate left on one ClickHouse address: current (every migration
// complete there), behind (Missing lists what is not, Err why when it failed there), or
// unreachable (finish later: run migrate again once it answers).
type ReplicaState struct {
	Addr    string
	State   string
	Missing []string
	Err     error
	// Restarted lists the tables whose replica this run restarted there (SYSTEM RESTART
	// REPLICA) because it had stopped taking ALTERs from ZooKeeper.
	Restarted []string
}

// MigrateReport is the outcome of a Migrate run: the migrations this run recorded, and
// the state of every replica (one entry, the store's own address, on a single node).
type MigrateReport struct {
	Applied  []string
	Replicas []ReplicaState
}

// Complete reports whether every replica is current.
func (r MigrateReport) Complete() bool {
	for _, s := range r.Replicas {
		if s.State != ReplicaCurrent {
			return false
		}
	}
	return true
}

// replica is one reachable address during a run; err is set once a statement failed
// there, and the run leaves it alone from then on.
type replica struct {
	addr  string
	st    *Store
	own   bool
	sc    schema
	err   error
	dirty bool // a table was created since sc was read: its columns are not in sc yet
}

// columnsKnown rereads the schema of replicas that created tables since their last read;
// only ALTER checks need the columns (system.columns is slow on a busy server).
func columnsKnown(ctx context.Context, reps []*replica) {
	for _, r := range reps {
		if r.err != nil || !r.dirty {
			continue
		}
		if sc, err := readSchema(ctx, r.st); err != nil {
			r.err = err
		} else {
			r.sc, r.dirty = sc, false
		}
	}
}

func firstHealthy(rs []*replica) *replica {
	for _, r := range rs {
		if r.err == nil {
			return r
		}
	}
	return nil
}

// Migrate brings the schema up to date and returns the names of the migrations this run
// recorded. See MigrateReplicas; a replica down or behind is not an error here, so a
// server starts as long as one replica is complete.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	rep, err := s.MigrateReplicas(ctx)
	return rep.Applied, err
}

// MigrateReplicas converges every reachable replica on the embedded migrations. Each
// statement is checked against the replica's system.columns before it runs, so a run cut
// short anywhere (a replica down mid-ALTER, a server killed) is finished by the next one:
//   - a table missing on a replica is created there with the structure a complete
//     replica has now (an added replica), or attached to its ZooKeeper metadata when the
//     replica existed before (a replica rebuilt on an empty disk); it then fetches its data;
//   - an ALTER runs once, on one replica, unless some replica already has it: the others
//     take it from ZooKeeper, including one that is down now (code 341 is success);
//   - a data statement runs once, while its migration is not recorded.
//
// Several servers may start at once: a claim (migrate_lock.go) lets one of them work
// while the others wait. With Config.Cluster every table is Replicated…. The error is
// non-nil only when no replica could be brought up to date.
func (s *Store) MigrateReplicas(ctx context.Context) (MigrateReport, error) {
	var report MigrateReport
	migs, err := Migrations()
	if err != nil {
		return report, err
	}
	if len(migs) == 0 || migs[0].Version != 0 {
		return report, fmt.Errorf("migration 0000 (the migrations table) is missing")
	}
	reps, down := s.reach(ctx)
	defer func() {
		for _, r := range reps {
			if !r.own {
				r.st.Close()
			}
		}
	}()
	if len(reps) == 0 {
		report.Replicas = down
		return report, fmt.Errorf("%w: no replica of %s answers", ErrUnavailable, s.cfg.Addr)
	}
	// 0000 holds the lock itself: converge it without one (its statements are all CREATE).
	if err := s.refreshSchemas(ctx, reps); err != nil {
		return report, err
	}
	if _, err := s.converge(ctx, reps, migs[:1], map[uint32]bool{0: true}); err != nil {
		return report, err
	}
	settle := claimSettleSingle
	if s.cfg.Cluster {
		settle = claimSettleCluster
	}
	seen := newClaimWatch()
	for {
		if err := s.refreshSchemas(ctx, reps); err != nil {
			return report, err
		}
		recorded, err := recordedSet(ctx, reps)
		if err != nil {
			return report, err
		}
		if !needsWork(reps, migs[1:], recorded) {
			break
		}
		lock := &migrationLock{owner: newOwner(), version: migs[len(migs)-1].Version, replicas: reps, settle: settle, seen: seen}
		won, err := lock.take(ctx)
		if err != nil {
			lock.release(ctx)
			return report, err
		}
		if !won {
			lock.release(ctx)
			if err := lock.wait(ctx); err != nil {
				return report, err
			}
			continue
		}
		// The schema as it is now that the lock is held: another run may have just finished.
		if err = s.refreshSchemas(ctx, reps); err == nil {
			if recorded, err = recordedSet(ctx, reps); err == nil {
				report.Applied, err = s.converge(ctx, reps, migs[1:], recorded)
			}
		}
		lock.release(ctx)
		if err != nil {
			return report, err
		}
		break
	}
	report.Replicas = append(s.states(ctx, reps, migs), down...)
	for _, st := range report.Replicas {
		if st.State == ReplicaCurrent {
			return report, nil
		}
	}
	return report, fmt.Errorf("%w: no replica has the whole schema", ErrUnavailable)
}

// reach opens every address of a cluster, each on its own; a single node is the store itself.
func (s *Store) reach(ctx context.Context) ([]*replica, []ReplicaState) {
	if !s.cfg.Cluster {
		return []*replica{{addr: s.cfg.Addr, st: s, own: true}}, nil
	}
	var reps []*replica
	var down []ReplicaState
	for _, addr := range s.cfg.Addrs() {
		one := s.cfg
		one.Addr = addr
		st, err := Open(ctx, one)
		if err != nil {
			down = append(down, ReplicaState{Addr: addr, State: ReplicaUnreachable, Err: err})
			continue
		}
		reps = append(reps, &replica{addr: addr, st: st})
	}
	return reps, down
}

func (s *Store) refreshSchemas(ctx context.Context, reps []*replica) error {
	for _, r := range reps {
		if r.err != nil {
			continue
		}
		sc, err := readSchema(ctx, r.st)
		if err != nil {
			r.err = err
			continue
		}
		r.sc, r.dirty = sc, false
	}
	if firstHealthy(reps) == nil {
		return fmt.Errorf("%w: no replica answers", ErrUnavailable)
	}
	return nil
}

// recordedSet is the union of schema_migrations on the replicas: one still catching up
// may not have every row yet.
func recordedSet(ctx context.Context, reps []*replica) (map[uint32]bool, error) {
	done := map[uint32]bool{}
	read := 0
	for _, r := range reps {
		if r.err != nil {
			continue
		}
		vs, err := r.st.AppliedMigrations(ctx)
		if err != nil {
			continue
		}
		read++
		for _, v := range vs {
			done[v] = true
		}
	}
	if read == 0 {
		return nil, fmt.Errorf("%w: schema_migrations cannot be read on any replica", ErrUnavailable)
	}
	return done, nil
}

func anyHolds(reps []*replica, d ddl) bool {
	for _, r := range reps {
		if r.err == nil && r.sc.holds(d) {
			return true
		}
	}
	return false
}

// needsWork: some migration is not recorded, a replica lacks a table, or no replica
// has an ALTER yet.
func needsWork(reps []*replica, migs []Migration, recorded map[uint32]bool) bool {
	for _, m := range migs {
		if !recorded[m.Version] {
			return true
		}
		for _, stmt := range m.Statements {
			d := parseDDL(stmt)
			switch d.kind {
			case ddlCreate:
				for _, r := range reps {
					if r.err == nil && !r.sc.holds(d) {
						return true
					}
				}
			case ddlAdd, ddlModify:
				if !anyHolds(reps, d) {
					return true
				}
			}
		}
	}
	return false
}

// converge runs what each replica lacks, migration by migration, and records the
// migrations not yet recorded. A statement that fails on one replica of several sets
// that replica aside (reported behind, with the error); the run goes on with the others.
func (s *Store) converge(ctx context.Context, reps []*replica, migs []Migration, recorded map[uint32]bool) ([]string, error) {
	var applied []string
	for _, m := range migs {
		for _, stmt := range m.Statements {
			d := parseDDL(stmt)
			switch d.kind {
			case ddlCreate:
				for _, r := range reps {
					if r.err != nil || r.sc.holds(d) {
						continue
					}
					if err := s.createOn(ctx, r, d, reps); err != nil {
						r.err = fmt.Errorf("migration %s: %w", m.Name, Classify(err))
					}
				}
			case ddlAdd, ddlModify:
				columnsKnown(ctx, reps)
				if anyHolds(reps, d) {
					continue
				}
				for _, r := range reps {
					if r.err != nil || r.sc[d.table] == nil {
						continue
					}
					if err := execAlter(ctx, r, d.stmt); err != nil {
						r.err = fmt.Errorf("migration %s: %w", m.Name, Classify(err))
						continue
					}
					break
				}
			case ddlOther:
				if recorded[m.Version] {
					continue
				}
				r := firstHealthy(reps)
				if r == nil {
					break
				}
				if err := r.st.conn.Exec(ctx, d.stmt); err != nil {
					return applied, fmt.Errorf("migration %s: %w", m.Name, Classify(err))
				}
			}
		}
		r := firstHealthy(reps)
		if r == nil {
			return applied, fmt.Errorf("%w: migration %s: no replica left: %v", ErrUnavailable, m.Name, reps[0].err)
		}
		if recorded[m.Version] {
			continue
		}
		if err := r.st.insertRowsRaw(ctx, "INSERT INTO schema_migrations (version, name, applied_at)", 1, func(int) []any {
			return []any{m.Version, m.Name, time.Now().UTC()}
		}); err != nil {
			return applied, fmt.Errorf("record migration %s: %w", m.Name, Classify(err))
		}
		recorded[m.Version] = true
		applied = append(applied, m.Name)
	}
	return applied, nil
}

// ClickHouse error codes the convergence expects.
const (
	codeTableExists     = 57  // TABLE_ALREADY_EXISTS: another server created it a moment ago
	codeReplicaExists   = 253 // REPLICA_IS_ALREADY_EXIST: ZooKeeper knows this replica (rebuilt on an empty disk)
	codeAlterUnfinished = 341 // UNFINISHED: done on the live replicas; the inactive ones follow from ZooKeeper
)

var replicatedEngine = regexp.MustCompile(`(?i)ENGINE\s*=\s*Replicated\w*MergeTree\s*\([^)]*\)`)

// createOn creates d's table on r. In a cluster, a table that another replica already
// has is copied from it (its structure includes every ALTER since; the migration's own
// text would not match ZooKeeper's), keeping our engine clause so the path and the
// {replica} macro are ours whatever the server version prints.
func (s *Store) createOn(ctx context.Context, r *replica, d ddl, reps []*replica) error {
	stmt := d.stmt
	if s.cfg.Cluster {
		stmt = ReplicatedDDL(stmt, s.database)
		for _, src := range reps {
			if src == r || src.err != nil || !src.sc.holds(d) {
				continue
			}
			var shown string
			if err := src.st.conn.QueryRow(ctx, "SHOW CREATE TABLE `"+s.database+"`.`"+d.table+"`").Scan(&shown); err != nil {
				continue
			}
			engine := replicatedEngine.FindString(stmt)
			if engine == "" || !replicatedEngine.MatchString(shown) || !strings.HasPrefix(shown, "CREATE TABLE ") {
				continue
			}
			stmt = "CREATE TABLE IF NOT EXISTS " + strings.TrimPrefix(replicatedEngine.ReplaceAllLiteralString(shown, engine), "CREATE TABLE ")
			break
		}
	}
	err := execTolerant(ctx, r.st.conn, stmt)
	var ex *clickhouse.Exception
	if errors.As(err, &ex) && ex.Code == codeReplicaExists {
		// The replica's metadata is in ZooKeeper, its disk is empty: attach to it, and
		// the parts it is known to hold are fetched from the other replicas.
		err = execTolerant(ctx, r.st.conn, "ATTACH"+strings.TrimPrefix(strings.TrimSpace(stmt), "CREATE"))
	}
	if err != nil {
		return err
	}
	r.sc[d.table], r.dirty = map[string]string{}, true
	return nil
}

func execAlter(ctx context.Context, r *replica, stmt string) error {
	err := r.st.conn.Exec(ctx, stmt)
	var ex *clickhouse.Exception
	if errors.As(err, &ex) && ex.Code == codeAlterUnfinished {
		err = nil
	}
	if err != nil {
		return err
	}
	sc, err := readSchema(ctx, r.st)
	if err == nil {
		r.sc = sc
	}
	return err
}

// catchUpWait: how long a report waits for a live replica to take an ALTER from ZooKeeper.
const catchUpWait = 20 * time.Second

// states says, per reachable replica, which migrations are complete there. A live
// replica that lacks an ALTER another replica has, with nothing left in its queue, has
// stopped watching ZooKeeper for ALTERs (seen on 18.16 after its ZooKeeper session was
// cut a few times): its tables are restarted once (SYSTEM RESTART REPLICA rereads the
// table's state from ZooKeeper), and the wait starts again.
func (s *Store) states(ctx context.Context, reps []*replica, migs []Migration) []ReplicaState {
	deadline := time.Now().Add(catchUpWait)
	restarted := map[*replica][]string{}
	for {
		_ = s.refreshSchemas(ctx, reps)
		out := make([]ReplicaState, 0, len(reps))
		stalled := map[*replica]map[string]bool{}
		for _, r := range reps {
			st := ReplicaState{Addr: r.addr, State: ReplicaCurrent, Err: r.err, Restarted: restarted[r]}
			for _, m := range migs {
				complete := true
				for _, stmt := range m.Statements {
					if d := parseDDL(stmt); complete && !r.sc.holds(d) {
						complete = false
						if r.err == nil && (d.kind == ddlAdd || d.kind == ddlModify) && anyHolds(reps, d) {
							if stalled[r] == nil {
								stalled[r] = map[string]bool{}
							}
							stalled[r][d.table] = true
						}
					}
				}
				if r.err != nil {
					st.State = ReplicaBehind
				}
				if !complete {
					st.State = ReplicaBehind
					st.Missing = append(st.Missing, m.Name)
				}
			}
			out = append(out, st)
		}
		if len(stalled) == 0 || !s.cfg.Cluster {
			return out
		}
		if time.Now().After(deadline) {
			if !s.restartStalled(ctx, stalled, restarted) {
				return out
			}
			deadline = time.Now().Add(catchUpWait)
		}
		select {
		case <-ctx.Done():
			return out
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// restartStalled restarts, once per run, the replica of each stalled table whose queue
// is empty (a replica still fetching takes the ALTER after its queue); it reports
// whether it restarted any.
func (s *Store) restartStalled(ctx context.Context, stalled map[*replica]map[string]bool, restarted map[*replica][]string) bool {
	did := false
	for r, tables := range stalled {
		if len(restarted[r]) > 0 {
			continue
		}
		for table := range tables {
			var queued, readonly uint8
			err := r.st.conn.QueryRow(ctx, `SELECT queue_size > 0, is_readonly FROM system.replicas WHERE database = ? AND table = ?`,
				s.database, table).Scan(&queued, &readonly)
			if err != nil || queued == 1 || readonly == 1 {
				continue
			}
			// The names are the schema's own (validIdentifier, system.columns); they cannot be bound.
			if err := r.st.conn.Exec(ctx, "SYSTEM RESTART REPLICA `"+s.database+"`.`"+table+"`"); err != nil {
				continue
			}
			restarted[r] = append(restarted[r], table)
			did = true
		}
	}
	return did
}
