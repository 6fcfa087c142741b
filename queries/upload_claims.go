package queries

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
)

// ErrBusy: another write for the same agency and year held its claim for longer than
// the caller would wait. The error is a *BusyError, which says who holds it.
var ErrBusy = errors.New("another upload for this agency and year is being written")

// ErrClaimLost: the claim lapsed (or another writer took over) before the commit.
var ErrClaimLost = errors.New("upload claim lapsed before its commit")

// DefaultClaimLapse is how long a claim lives without renewal: its holder renews it
// every sixth of that while it lives, so a claim older than this belongs to a writer
// that died (process killed, machine or ClickHouse gone). A holder stops before its
// commit once half of it has passed without a renewal, so no two writers ever commit
// under overlapping claims.
const DefaultClaimLapse = 30 * time.Second

// ClaimLapse is the store's claim lapse (Config.ClaimLapse, else DefaultClaimLapse).
func (s *Store) ClaimLapse() time.Duration {
	if s.cfg.ClaimLapse > 0 {
		return s.cfg.ClaimLapse
	}
	return DefaultClaimLapse
}

// ClaimHolder says who asks for a claim: shown to the writers it refuses.
type ClaimHolder struct {
	UploadID string // the attempt the claim covers (the purge finds dead attempts by it)
	User     string
	Channel  string // web, api, cli, nil report…
}

// BusyError is ErrBusy with the claim that refused the caller: who holds it, on which
// server, since when (ClickHouse's clock).
type BusyError struct {
	Holder ClaimHolder
	Host   string
	Since  time.Time
}

func (e *BusyError) Is(target error) bool { return target == ErrBusy }

func (e *BusyError) Error() string {
	vi, en := e.Messages()
	return vi + " (" + en + ")"
}

// vnTime is the province's time zone, for the time shown to people.
var vnTime = time.FixedZone("ICT", 7*3600)

// Messages is the refusal for people, Vietnamese and English.
func (e *BusyError) Messages() (vi, en string) {
	if e.Since.IsZero() {
		return "Một tệp khác của đơn vị cho năm này đang được ghi; vui lòng gửi lại sau ít phút.",
			"Another upload of this agency for this year is being written; send again in a few minutes."
	}
	at := e.Since.In(vnTime)
	return fmt.Sprintf("Một tệp khác của đơn vị cho năm này đang được ghi: do %s gửi qua %s, trên máy chủ %s, từ %s. Tệp này chưa được ghi; vui lòng gửi lại khi tệp kia ghi xong.",
			orDash(e.Holder.User), orDash(e.Holder.Channel), orDash(e.Host), at.Format("15:04:05 02/01/2006")),
		fmt.Sprintf("Another upload of this agency for this year is being written: sent by %s via %s, on server %s, since %s (Vietnam time). This file was not written; send it again once the other one is done.",
			orDash(e.Holder.User), orDash(e.Holder.Channel), orDash(e.Host), at.Format("2006-01-02 15:04:05"))
}

func orDash(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// hostName names this process in the claims it holds: the machine and the process id,
// so two servers on one machine are told apart.
var hostName = sync.OnceValue(func() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		h = "?"
	}
	return fmt.Sprintf("%s (pid %d)", h, os.Getpid())
})

// Claim is the right to read-then-write an agency's figures for some years, held
// across every chitieu server on this ClickHouse (README, "Commit marker and
// concurrency"), for as long as its holder renews it.
type Claim struct {
	st      *Store
	id      string
	agency  string
	years   []uint16
	holder  ClaimHolder
	stop    chan struct{}
	stopped chan struct{}
	once    sync.Once
}

// liveClaim is another writer's claim as read back.
type liveClaim struct {
	id      string
	holder  ClaimHolder
	host    string
	renewed int64 // seconds since its last renewal, by ClickHouse's clock
}

// ClaimAgencyYears waits (up to wait) until no other live claim covers the agency and
// any of the years, then holds one and renews it until Release. The rule, with no
// transactions and no server-side order of inserts to rely on: insert my claim, then
// read the live claims back; I hold it only if mine is the only one. Of two writers,
// the one that reads second sees the other's claim (inserted before the first read,
// which missed the second's insert), so at most one holds; if both see both, both
// withdraw and retry after a random pause. A claim not renewed for ClaimLapse is dead,
// so a crashed writer blocks nobody for longer than that. Refused after wait, the error
// is a *BusyError naming the holder.
func (s *Store) ClaimAgencyYears(ctx context.Context, agency string, years []uint16, who ClaimHolder, wait time.Duration) (*Claim, error) {
	if len(years) == 0 {
		years = []uint16{0}
	}
	deadline := time.Now().Add(wait)
	pause := 5 * time.Millisecond
	for {
		live, err := s.liveClaims(ctx, agency, years)
		if err != nil {
			return nil, err
		}
		if len(live) == 0 {
			c := &Claim{st: s, id: uuid.NewString(), agency: agency, years: years, holder: who}
			if err := c.insert(ctx, 0); err != nil {
				// The insert may have landed: withdraw it, but not for longer than a
				// user should wait for the refusal (a lapsed claim is dead anyway).
				wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
				_ = c.withdraw(wctx)
				cancel()
				return nil, err
			}
			live, err = s.liveClaims(ctx, agency, years)
			if err != nil {
				_ = c.withdraw(context.WithoutCancel(ctx))
				return nil, err
			}
			if len(live) == 1 && live[0].id == c.id {
				c.stop, c.stopped = make(chan struct{}), make(chan struct{})
				go c.renew()
				return c, nil
			}
			if err := c.withdraw(ctx); err != nil {
				return nil, err
			}
		}
		if time.Now().After(deadline) {
			return nil, s.busy(ctx, agency, live)
		}
		sleep := pause + rand.N(pause)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(sleep):
		}
		pause = min(pause*2, 400*time.Millisecond)
	}
}

// busy is the refusal naming the oldest other live claim and when it began.
func (s *Store) busy(ctx context.Context, agency string, live []liveClaim) error {
	e := &BusyError{}
	if len(live) > 0 {
		e.Holder, e.Host = live[0].holder, live[0].host
		_ = s.conn.QueryRow(ctx, `SELECT min(claimed_at) FROM upload_claims WHERE agency = ? AND claim = ?`,
			agency, live[0].id).Scan(&e.Since)
	}
	return e
}

func (c *Claim) insert(ctx context.Context, released uint8) error {
	err := c.st.insertRowsRaw(ctx, "INSERT INTO upload_claims (agency, year, claim, released, upload_id, holder, host, channel)", len(c.years), func(i int) []any {
		return []any{c.agency, c.years[i], c.id, released, c.holder.UploadID, c.holder.User, hostName(), c.holder.Channel}
	})
	if err != nil {
		return fmt.Errorf("upload claim: %w", err)
	}
	return nil
}

// renew re-inserts the claim every sixth of the lapse until Release. A renewal that
// fails (ClickHouse gone) is retried at the next tick; Check refuses the commit once
// half the lapse has passed without one.
func (c *Claim) renew() {
	defer close(c.stopped)
	every := c.st.ClaimLapse() / 6
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), 2*every)
			if err := c.insert(ctx, 0); err != nil {
				slog.Warn("upload claim: renewal failed (the claim lapses unless a later one lands)", "claim", c.id, "err", err)
			}
			cancel()
		}
	}
}

// liveClaims lists the claims on the agency and years that are neither released nor
// lapsed: renewed within the lapse, by the ClickHouse server's clock, the one clock
// all writers share. Ages are signed: a renewal stamped by a replica whose clock is
// ahead reads as fresh, never as 136 years old. On a cluster it is a quorum read: the
// replicas' rows are merged per claim (released if any replica saw the release,
// renewed as recently as any replica saw), so a claim written through a server on
// another replica is seen, and a release is not undone by a lagging replica.
func (s *Store) liveClaims(ctx context.Context, agency string, years []uint16) ([]liveClaim, error) {
	lapse := int64(s.ClaimLapse() / time.Second)
	got, err := quorumRead(ctx, s, func(ctx context.Context, c driver.Conn) ([]claimRow, error) {
		return claimsOn(ctx, c, agency, years, lapse)
	})
	if err != nil {
		return nil, err
	}
	merged := map[string]*claimRow{}
	var order []string
	for _, rows := range got {
		for _, r := range rows {
			m, ok := merged[r.id]
			if !ok {
				r := r
				merged[r.id] = &r
				order = append(order, r.id)
				continue
			}
			m.released = m.released || r.released
			m.renewed = min(m.renewed, r.renewed)
			m.first = min(m.first, r.first)
		}
	}
	var out []*claimRow
	for _, id := range order {
		if r := merged[id]; !r.released && r.renewed < lapse {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	live := make([]liveClaim, len(out))
	for i, r := range out {
		live[i] = r.liveClaim
	}
	return live, nil
}

// claimRow is one claim as one replica sees it.
type claimRow struct {
	liveClaim
	released bool
	first    int64 // when it was first claimed, unix seconds
}

func claimsOn(ctx context.Context, c driver.Conn, agency string, years []uint16, lapse int64) ([]claimRow, error) {
	ys := make([]any, len(years))
	for i, y := range years {
		ys[i] = y
	}
	rows, err := c.Query(ctx, `SELECT claim, any(upload_id), any(holder), any(host), any(channel),
			toInt64(now()) - toInt64(max(claimed_at)) AS renewed, max(released), toInt64(min(claimed_at))
		FROM upload_claims WHERE agency = ? AND year IN ? AND claimed_at >= now() - ?
		GROUP BY claim`,
		agency, clickhouse.GroupSet{Value: ys}, lapse)
	if err != nil {
		return nil, fmt.Errorf("read upload claims: %w", err)
	}
	defer rows.Close()
	var out []claimRow
	for rows.Next() {
		var r claimRow
		var released uint8
		if err := rows.Scan(&r.id, &r.holder.UploadID, &r.holder.User, &r.host, &r.holder.Channel, &r.renewed, &released, &r.first); err != nil {
			return nil, err
		}
		r.released = released == 1
		out = append(out, r)
	}
	return out, rows.Err()
}

// Check returns ErrClaimLost when the writer must not commit: its claim was released,
// or has gone half the lapse without a renewal (by the server's clock, in signed
// arithmetic), or another writer holds a live claim on the same years (it saw ours
// lapse). Past that point the commit marker must not be written.
func (c *Claim) Check(ctx context.Context) error {
	var age int64
	var released uint8
	err := c.st.conn.QueryRow(ctx, `SELECT toInt64(now()) - toInt64(max(claimed_at)), max(released) FROM upload_claims
		WHERE agency = ? AND claim = ?`, c.agency, c.id).Scan(&age, &released)
	if err != nil {
		return fmt.Errorf("check upload claim: %w", err)
	}
	if released == 1 || time.Duration(age)*time.Second >= c.st.ClaimLapse()/2 {
		return ErrClaimLost
	}
	live, err := c.st.liveClaims(ctx, c.agency, c.years)
	if err != nil {
		return fmt.Errorf("check upload claim: %w", err)
	}
	for _, l := range live {
		if l.id != c.id {
			return ErrClaimLost
		}
	}
	return nil
}

// Release stops the renewals and ends the claim, so the next writer need not wait for
// the lapse. It tries three times; a lost release only holds the agency's uploads
// until the lapse.
func (c *Claim) Release(ctx context.Context) error {
	c.once.Do(func() {
		if c.stop != nil {
			close(c.stop)
			<-c.stopped
		}
	})
	return c.withdraw(ctx)
}

// withdraw ends a claim: released after its upload, or one whose insert failed or that
// lost the race. It is a quorum write like the claim: every insert into a table is,
// since mixing plain and quorum inserts risks, on 18.16, a merge taking a quorum part
// before another replica fetched it. A cluster short of its quorum is not waited for
// three times over: the claim lapses by itself.
func (c *Claim) withdraw(ctx context.Context) error {
	var err error
	for range 3 {
		if err = c.insert(ctx, 1); err == nil || errors.Is(err, ErrTooFewReplicas) || isQuorumError(err) || ctx.Err() != nil {
			return err
		}
	}
	return err
}
