package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	rules "github.com/quangngai/chitieu/plan" // ingest has its own type named plan
	"github.com/quangngai/chitieu/queries"
)

// commit writes an accepted file under its claim, with one commit point:
//  1. the upload record, as pending (the attempt is on record whatever happens next),
//     and the file's bytes, archived in 1 MB parts while the figures are written;
//  2. the figures, in one INSERT sent in blocks of 65,536 rows (memory stays bounded
//     whatever the file's size), and the reports per year, in another: all carry the
//     upload id and stay invisible to every reader, however many blocks were stored;
//  3. the upload record again, as accepted: the commit marker, one single-row INSERT.
//
// A crash before 3 leaves nothing visible and a pending record (failed when the error
// was seen); a retry of the file finds its changes still to make and is accepted. A
// crash after 3 leaves the whole upload visible; a retry is a duplicate.
func (in *Ingester) commit(ctx context.Context, rep *queries.IngestReport, p *plan, claim *queries.Claim, content []byte) error {
	// The version follows ClickHouse's clock and outranks every figure the preview read
	// (queries' version clock), so this upload supersedes the one before it whichever
	// host wrote that and whatever this host's clock says.
	if err := in.st.SyncClock(ctx); err != nil {
		return err
	}
	version := in.st.NewVersion()
	rows := make([]int32, 0, p.toWrite)
	for i, ch := range p.change {
		if ch == chNew || ch == chChanged || ch == chWithdrawn {
			rows = append(rows, int32(i))
		}
	}
	if p.toWrite > largeUpload {
		// Reading left its garbage (the CSV reader's lines, a workbook's XML) in a heap
		// whose collection goal was set mid-read. Collecting now sets the goal from what
		// the write keeps (the file and its rows), so the write's short-lived buffers
		// reuse that space instead of growing the heap: a million-row CSV peaks at about
		// 330 MB RSS instead of 365 MB, for one collection (tens of ms) per large upload.
		runtime.GC()
	}
	pending := *rep
	pending.Outcome = queries.UploadPending
	pending.SummaryVI = "Đang ghi số liệu; chưa có số liệu nào được công bố."
	pending.SummaryEN = "Being written; no figure is published yet."
	if err := in.record(ctx, pending, nil); err != nil {
		return err
	}
	err := in.write(ctx, rep, p, rows, version, content)
	if err == nil {
		err = claim.Check(ctx)
	}
	if err == nil {
		rep.Outcome = queries.UploadAccepted
		summarize(rep, time.Time{})
		err = in.record(ctx, *rep, nil)
	}
	if err != nil {
		// Say so on record. If the marker did land after all (its answer was lost), the
		// accepted row outranks this one and the upload is whole.
		failed := *rep
		failed.Outcome = queries.UploadFailed
		failed.SummaryVI = "Ghi số liệu không thành công; không có số liệu nào được công bố. Hãy gửi lại tệp."
		failed.SummaryEN = "Writing failed; no figure was published. Send the file again."
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if ferr := in.record(wctx, failed, nil); ferr != nil {
			slog.Warn("ingest: record failed attempt", "upload", rep.UploadID, "err", ferr)
		}
		rep.Outcome = queries.UploadFailed
		return err
	}
	return nil
}

// largeUpload is the number of figures to write above which commit collects garbage
// first: one block of queries.InsertFigureBlocks.
const largeUpload = 1 << 16

// write writes the figures and reports of an upload, uncommitted, and archives its bytes.
func (in *Ingester) write(ctx context.Context, rep *queries.IngestReport, p *plan, rows []int32, version uint64, content []byte) error {
	// The file's bytes go to the archive while the figures are written.
	var archiveErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		archiveErr = in.st.ArchiveUploadContent(ctx, rep.UploadID, content)
	}()
	v := p.v
	up := queries.FigureUpload{Agency: v.agency, UploadID: rep.UploadID, UploadedBy: rep.User, UploadedAt: rep.At, Version: version}
	err := in.st.InsertFigureBlocks(ctx, len(rows), up, func(b *queries.FigureBlock, from, to int) {
		for j, k := range rows[from:to] {
			f := &v.figs[k]
			ind := &v.inds[f.ind]
			b.Indicator[j], b.Scope[j], b.Year[j] = ind.code, v.scopes[f.scope].code, f.year
			b.Value[j], b.Unit[j], b.Status[j] = f.num.Decimal(), ind.ind.Unit, statusCodes[f.status]
			b.Source[j], b.Note[j], b.Withdrawn[j] = v.strs[f.source], v.strs[f.note], false
			if p.change[k] == chWithdrawn {
				// The withdrawal keeps the last value so the history reads "x → withdrawn".
				old := p.old[p.key(f)]
				b.Value[j], b.Status[j], b.Withdrawn[j] = old.Value, old.Status, true
			}
		}
	})
	wg.Wait()
	if err != nil {
		return fmt.Errorf("ghi số liệu (write figures): %w", err)
	}
	if archiveErr != nil {
		return archiveErr
	}
	return in.submit(ctx, rep, p, version)
}

// submit records the agency's report for each year the file changed, or that had no
// report yet (or a nil report, which figures now replace), in one INSERT.
func (in *Ingester) submit(ctx context.Context, rep *queries.IngestReport, p *plan, version uint64) error {
	if len(rep.Years) == 0 || rep.Agency == "" {
		return nil
	}
	cur, err := in.st.CurrentSubmissions(ctx, rep.Years[0], rep.Years[len(rep.Years)-1])
	if err != nil {
		return err
	}
	state := map[uint16]string{}
	for _, s := range cur {
		if s.Agency == rep.Agency {
			state[s.Year] = s.Status
		}
	}
	var subs []queries.Submission
	for _, y := range rep.Years {
		st := state[y]
		if p.perYear[y] == 0 && st == queries.SubmissionSubmitted {
			continue
		}
		if st == queries.SubmissionNil {
			rep.Warnings = append(rep.Warnings, problem("figures_after_nil", Location{}, "", int(y)))
		}
		subs = append(subs, queries.Submission{Agency: rep.Agency, Year: y, Status: queries.SubmissionSubmitted,
			Note: rep.FileName, UploadID: rep.UploadID, SubmittedBy: rep.User, SubmittedAt: rep.At, Version: version})
	}
	if err := in.st.InsertSubmissions(ctx, subs); err != nil {
		return fmt.Errorf("ghi báo cáo (record submission): %w", err)
	}
	return nil
}

// record archives the upload and its report.
func (in *Ingester) record(ctx context.Context, rep queries.IngestReport, content []byte) error {
	report, err := json.Marshal(rep)
	if err != nil {
		return err
	}
	var year uint16
	if len(rep.Years) > 0 {
		year = rep.Years[0]
	}
	u := queries.Upload{ID: rep.UploadID, FileName: rep.FileName, Size: uint64(rep.Size), SHA256: rep.SHA256,
		Agency: rep.Agency, Year: year, RowCount: uint32(rep.Rows), Outcome: rep.Outcome, Report: string(report),
		UploadedBy: rep.User, UploadedAt: rep.At, SourceKind: rep.Kind}
	if err := in.st.InsertUpload(ctx, u, content); err != nil {
		return fmt.Errorf("lưu tệp tải lên (archive upload): %w", err)
	}
	return nil
}

// summarize writes the one-line outcome shown above a report.
func summarize(rep *queries.IngestReport, dupAt time.Time) {
	c := rep.Counts
	switch rep.Outcome {
	case queries.UploadRejected:
		rep.SummaryVI = fmt.Sprintf("Tệp bị từ chối: %d lỗi. Không có số liệu nào được ghi.", rep.ErrorsTotal)
		rep.SummaryEN = fmt.Sprintf("File rejected: %d errors. Nothing was written.", rep.ErrorsTotal)
	case queries.UploadDuplicate:
		rep.SummaryVI = fmt.Sprintf("Tệp này đã được tải lên lúc %s (mã %s); không có gì thay đổi.",
			dupAt.In(vietnam).Format("15:04 02/01/2006"), rep.DuplicateOf)
		rep.SummaryEN = fmt.Sprintf("This file was already uploaded at %s (id %s); nothing changed.",
			dupAt.In(vietnam).Format("2006-01-02 15:04"), rep.DuplicateOf)
	case queries.UploadDryRun:
		rep.SummaryVI = fmt.Sprintf("Xem trước: %d mới, %d thay đổi, %d rút lại, %d giữ nguyên. Chưa ghi gì.", c.New, c.Changed, c.Withdrawn, c.Same)
		rep.SummaryEN = fmt.Sprintf("Preview: %d new, %d changed, %d withdrawn, %d unchanged. Nothing written yet.", c.New, c.Changed, c.Withdrawn, c.Same)
	default:
		if c.New+c.Changed+c.Withdrawn == 0 {
			rep.SummaryVI = fmt.Sprintf("Đã nhận tệp: %d số liệu, không có thay đổi.", c.Same)
			rep.SummaryEN = fmt.Sprintf("File accepted: %d figures, no change.", c.Same)
			return
		}
		rep.SummaryVI = fmt.Sprintf("Đã ghi: %d mới, %d thay đổi, %d rút lại; %d giữ nguyên.", c.New, c.Changed, c.Withdrawn, c.Same)
		rep.SummaryEN = fmt.Sprintf("Written: %d new, %d changed, %d withdrawn; %d unchanged.", c.New, c.Changed, c.Withdrawn, c.Same)
	}
}

// vietnam is the province's time zone (plan.Zone) for the times shown in reports.
var vietnam = rules.Zone
